package org.claimdesk.verdict;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import java.util.Map;
import org.claimdesk.Fixtures;
import org.claimdesk.VerdictFixtures;
import org.junit.jupiter.api.Test;

/** A desk whose fact-check URL pattern lacks {id}: signed-off verdicts are refused for export. */
@QuarkusTest
@TestProfile(ClaimReviewRequiredRulesTest.NoIdInUrlPattern.class)
@TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
class ClaimReviewRequiredRulesTest {

    /** Every ClaimReview would get the same URL. */
    public static class NoIdInUrlPattern implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimdesk.publisher.claimreview-url-pattern", "https://factcheck.example.org/latest");
        }
    }

    @Test
    void aVerdictFailingARequiredRuleIsRefusedWithTheList() {
        Fixtures.useConfiguredPublisher();
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), ClaimReviewExportTest.CARLTON, "Carlton Gardens was the Free French HQ");
        VerdictFixtures.signedOff(claimId, "True", ClaimReviewExportTest.EXPLANATION);

        given().get("/claims/" + claimId + "/claimreview.jsonld").then().statusCode(409)
                .body(containsString("fails required rules"))
                .body(containsString("url of the fact-check page is given"));
        given().get("/claims/" + claimId).then().statusCode(200)
                .body(containsString("cannot be exported until the required rules below pass"));
    }
}
