package org.claimdesk.verdict;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.util.List;
import org.claimdesk.Fixtures;
import org.junit.jupiter.api.Test;

/** Rating badge colours come from a stylesheet, not from style attributes the CSP would block. */
@QuarkusTest
@TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
class RatingLevelStylesTest {

    @Test
    void everyLevelOfTheCurrentScaleHasItsColourInTheStylesheet() {
        Response css = given().get("/rating-levels.css");
        assertTrue(css.statusCode() == 200 && css.contentType().startsWith("text/css"), css.statusCode() + " " + css.contentType());
        List<RatingLevel> levels = QuarkusTransaction.requiringNew().call(() -> RatingScale.current().levels());
        assertTrue(!levels.isEmpty());
        for (RatingLevel level : levels) {
            assertTrue(css.asString().contains(".rating-level-" + level.id + " { --rating: " + level.colour + "; }"), css.asString());
        }
    }

    @Test
    void signedInPagesLinkTheStylesheet() {
        assertTrue(given().get("/desk").asString().contains("<link rel=\"stylesheet\" href=\"/rating-levels.css\">"));
    }
}
