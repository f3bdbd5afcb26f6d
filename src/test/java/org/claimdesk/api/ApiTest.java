package org.claimdesk.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.claimdesk.Fixtures;
import org.claimdesk.VerdictFixtures;
import org.claimdesk.article.Article;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The JSON API with bearer access tokens issued by the OIDC dev service (password grant for the
 * predefined users: alice = reviewer, bob = editor), the same identity provider the pages use.
 */
@QuarkusTest
class ApiTest {

    static final String UNIFIL = "four Italian soldiers working for UNIFIL injured when two exploding 122mm rockets hit the mission base in Shama";

    /** An access token for a dev-service user, from its token endpoint. */
    static String token(String user) {
        var config = ConfigProvider.getConfig();
        String server = config.getValue("quarkus.oidc.auth-server-url", String.class);
        String tokenEndpoint = given().get(server + "/.well-known/openid-configuration").then().statusCode(200)
                .extract().path("token_endpoint");
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("username", user).formParam("password", user)
                .formParam("client_id", config.getValue("quarkus.oidc.client-id", String.class))
                .formParam("client_secret", config.getOptionalValue("quarkus.oidc.credentials.secret", String.class).orElse(""))
                .formParam("scope", "openid profile email")
                .post(tokenEndpoint).then().statusCode(200).extract().path("access_token");
    }

    static RequestSpecification as(String user) {
        return given().redirects().follow(false).auth().oauth2(token(user));
    }

    /** The username the desk recorded for a person (from the token's preferred_username). */
    static String username(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> org.claimdesk.account.Account.findBySubject(subject).username);
    }

    static int codePointStart(Long articleId, String words) {
        String text = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(articleId).currentRevision.text);
        return Fixtures.codePointIndexOf(text, words);
    }

    @Test
    void withoutATokenTheApiAnswers401NotASignInRedirect() {
        for (String path : List.of("/api/v1/claims", "/api/v1/articles/1", "/api/v1/verdicts/1", "/api/v1/nothing-here")) {
            given().redirects().follow(false).get(path).then().statusCode(401).header("Location", nullValue());
        }
        given().redirects().follow(false).contentType(ContentType.JSON).body("{}").post("/api/v1/claims").then().statusCode(401);
        given().redirects().follow(false).auth().oauth2("not-a-token").get("/api/v1/claims").then().statusCode(401);
        given().redirects().follow(false).get("/desk").then().statusCode(302);
    }

    @Test
    void aReviewerReadsAndCreatesClaimsAndSourcesButCannotSignOff() {
        Long articleId = Fixtures.seedRealArticle();
        int start = codePointStart(articleId, UNIFIL);

        as("alice").get("/api/v1/articles/" + articleId).then().statusCode(200)
                .body("currentRevision.number", equalTo(1))
                .body("currentRevision.href", equalTo("/api/v1/articles/" + articleId + "/revisions/1"));
        as("alice").get("/api/v1/articles/" + articleId + "/revisions/1").then().statusCode(200)
                .body("text", containsString("Shama"));

        Integer claimId = as("alice").contentType(ContentType.JSON).body(Map.of("article", articleId, "revision", 1,
                "target", Map.of("selector", List.of(Map.of("type", "TextPositionSelector", "start", start,
                        "end", start + UNIFIL.length()))),
                "claimReviewed", "Four Italian UNIFIL soldiers hurt by rockets at Shama",
                "claimant", Map.of("name", "Italy's Defence Ministry", "type", "Organization"), "claimDate", "2024-10-11",
                "tags", List.of("Lebanon", "UNIFIL")))
                .post("/api/v1/claims").then().statusCode(201)
                .header("Location", containsString("/api/v1/claims/"))
                .body("status", equalTo("OPEN"))
                .extract().path("id");

        as("alice").get("/api/v1/claims/" + claimId).then().statusCode(200)
                .body("target.source", equalTo("/api/v1/articles/" + articleId + "/revisions/1"))
                .body("target.selector[0].type", equalTo("TextQuoteSelector"))
                .body("target.selector[0].exact", equalTo(UNIFIL))
                .body("target.selector[0].prefix", equalTo("cekeepers based in Lebanon with "))
                .body("target.selector[1].type", equalTo("TextPositionSelector"))
                .body("target.selector[1].start", equalTo(start))
                .body("target.selector[1].end", equalTo(start + UNIFIL.length()))
                .body("claimant.name", equalTo("Italy's Defence Ministry"))
                .body("claimant.type", equalTo("Organization"))
                .body("tags", equalTo(List.of("lebanon", "unifil")));
        as("alice").get("/api/v1/claims?article=" + articleId).then().statusCode(200)
                .body("items.id", hasItem(claimId));

        as("alice").contentType(ContentType.JSON).body(Map.of("article", articleId, "revision", 1,
                "target", Map.of("selector", List.of(Map.of("type", "TextPositionSelector", "start", start,
                        "end", start + UNIFIL.length()))), "claimReviewed", "Rockets hit Shama",
                "claimant", Map.of("name", "Italy's Defence Ministry", "type", "Ministry")))
                .post("/api/v1/claims").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body(containsString("claimant type must be Person or Organization"));
        as("alice").contentType(ContentType.JSON).body(Map.of("article", articleId, "target", Map.of("selector",
                List.of(Map.of("type", "TextQuoteSelector", "exact", "Carlton Gardens, which was the headquarters"))),
                "claimReviewed", "Carlton Gardens was the Free French HQ")).post("/api/v1/claims").then().statusCode(201)
                .body("target.selector[1].start", equalTo(codePointStart(articleId, "Carlton Gardens, which")));

        Integer sourceId = as("alice").contentType(ContentType.JSON).body(Map.of("claim", claimId,
                "url", "https://www.difesa.it/unifil-shama", "title", "Defence Ministry statement",
                "kind", "OFFICIAL_STATEMENT", "stance", "SUPPORTS"))
                .post("/api/v1/sources").then().statusCode(201).body("claim", equalTo(claimId)).extract().path("id");
        as("alice").get("/api/v1/claims/" + claimId + "/sources").then().statusCode(200).body("id", hasItem(sourceId));
        as("alice").contentType(ContentType.JSON).body(Map.of("claim", claimId, "url", "https://www.difesa.it/unifil-shama",
                "kind", "OFFICIAL_STATEMENT", "stance", "SUPPORTS")).post("/api/v1/sources").then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE);

        Long verdictId = VerdictFixtures.propose(claimId.longValue(), "True", "Italy's Defence Ministry confirmed four "
                + "soldiers were lightly injured by two 122mm rockets at Shama.", null);
        Map<String, Object> seen = as("bob").get("/api/v1/verdicts/" + verdictId).then().statusCode(200)
                .body("state", equalTo("PROPOSED")).extract().path("signOffRequest");

        as("alice").contentType(ContentType.JSON).body(seen).post("/api/v1/verdicts/" + verdictId + "/sign-off").then()
                .statusCode(403).contentType(Problem.MEDIA_TYPE).body("status", equalTo(403));
        as("bob").contentType(ContentType.JSON).body(seen).post("/api/v1/verdicts/" + verdictId + "/sign-off").then()
                .statusCode(200).body("state", equalTo("SIGNED_OFF")).body("signOff.editor", equalTo(username("bob")));
        assertEquals(ClaimStatus.SIGNED_OFF, QuarkusTransaction.requiringNew().call(() -> Claim.<Claim>findById(claimId.longValue()).status));
        as("bob").contentType(ContentType.JSON).body(seen).post("/api/v1/verdicts/" + verdictId + "/sign-off").then()
                .statusCode(409).contentType(Problem.MEDIA_TYPE).body("detail", containsString("no longer awaiting sign-off"));

        as("alice").get("/api/v1/claims/" + claimId + "/verdicts").then().statusCode(200)
                .body("[0].rating.label", equalTo("True")).body("[0].signOff.editor", equalTo(username("bob")));
        as("alice").get("/api/v1/claims/" + claimId + "/history").then().statusCode(200)
                .body("find { it.entity == 'claim' }.change", equalTo("created"))
                .body("find { it.entity == 'claim' }.account", equalTo(username("alice")))
                .body("find { it.entity == 'source' }.account", equalTo(username("alice")))
                .body("find { it.entity == 'sign_off' }.account", equalTo(username("bob")));
    }

    @Test
    void mistakesAnswerProblemDetails() {
        Long articleId = Fixtures.seedRealArticle();

        as("alice").contentType(ContentType.JSON).body(Map.of("article", articleId, "target", Map.of("selector",
                List.of(Map.of("type", "TextPositionSelector", "start", 10, "end", 5))), "claimDate", "22/11/2024"))
                .post("/api/v1/claims").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400)).body("title", equalTo("Bad Request"))
                .body("type", equalTo(Problem.INVALID_FIELDS)).body("instance", equalTo("/api/v1/claims"))
                .body("errors.claimReviewed", containsString("required"))
                .body("errors.claimDate", containsString("2024-11-22"))
                .body("errors.'target.selector'", containsString("empty"));
        as("alice").contentType(ContentType.JSON).body("{\"article\": ").post("/api/v1/claims").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(400)).body(not(containsString("<html")));
        as("alice").contentType(ContentType.JSON).body(Map.of("article", articleId, "revision", 7, "claimReviewed", "x"))
                .post("/api/v1/claims").then().statusCode(409).contentType(Problem.MEDIA_TYPE);
        as("alice").get("/api/v1/claims/999999999").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Not Found")).body("instance", equalTo("/api/v1/claims/999999999"));
        as("alice").get("/api/v1/nothing-here").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as("alice").contentType(ContentType.JSON).body(Map.of("claim", 999999999, "kind", "MAGIC"))
                .post("/api/v1/sources").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.kind", startsWith("The kind must be"));
    }

    @Test
    void unusableListParametersAnswer400ProblemsNamingThemNot404() {
        Long articleId = Fixtures.seedRealArticle();
        Fixtures.seedClaim(articleId, UNIFIL, "Four UNIFIL soldiers were injured in Shama");

        as("alice").get("/api/v1/claims?after=abc").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.INVALID_FIELDS)).body("instance", equalTo("/api/v1/claims"))
                .body("detail", equalTo("Some query parameters are wrong: see errors."))
                .body("errors.after", equalTo("after must be a whole number from 0 to " + Long.MAX_VALUE
                        + " (the link has \"abc\")."));
        as("alice").get("/api/v1/claims?limit=ten&article=x").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.limit", equalTo("limit must be a whole number of rows per page (1 to 100; more are cut to 100)"
                        + " (the link has \"ten\")."))
                .body("errors.article", startsWith("article must be a whole number from 1 to"));
        as("alice").get("/api/v1/articles?limit=1.5&after=-1").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("instance", equalTo("/api/v1/articles"))
                .body("errors.limit", containsString("(the link has \"1.5\")"))
                .body("errors.after", containsString("(the link has \"-1\")"));
        as("alice").get("/api/v1/claims?limit=1000&article=" + articleId).then().statusCode(200)
                .body("items.size()", equalTo(1));
        as("alice").get("/api/v1/articles?after=0&limit=1").then().statusCode(200).body("items.size()", equalTo(1));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/claims'.get.parameters.find { it.name == 'after' }.schema.type", equalTo("integer"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApiOnly() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/claims"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/verdicts/{id}/sign-off"))
                .body("paths", not(org.hamcrest.Matchers.hasKey("/desk")));
    }
}
