package org.claimdesk.verdict;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.Browser;
import org.claimdesk.Fixtures;
import org.claimdesk.claim.Claim;
import org.claimdesk.source.SourceStance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ClaimReview export of the real workflow's Carlton Gardens verdict (alice proposes, bob signs
 * off), read back with a JSON-LD 1.1 processor (Titanium) that resolves the schema.org context
 * from a local copy, so the test needs no network.
 */
@QuarkusTest
class ClaimReviewExportTest {

    static final String CARLTON = "Carlton Gardens, which was the headquarters of the Free France government in exile between 1940-1944";
    static final String EXPLANATION = "The French government's own history pages and the UK's blue plaque at 4 Carlton Gardens "
            + "confirm that General de Gaulle's Free France headquarters were there from 1940 to 1944.";
    static final String SCHEMA = "http://schema.org/";

    /** Serves the schema.org context from test resources; any other URL fails (no network). */
    static final DocumentLoader OFFLINE_SCHEMA_ORG = (url, options) -> {
        if (url.getHost() == null || !url.getHost().endsWith("schema.org")) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "offline test: " + url);
        }
        InputStream context = ClaimReviewExportTest.class.getResourceAsStream("/jsonld/schema-org-context.jsonld");
        JsonDocument document = JsonDocument.of(context);
        document.setDocumentUrl(url);
        return document;
    };

    @TestHTTPResource("/")
    URI app;

    Browser alice;
    Browser bob;

    @BeforeEach
    void signIn() {
        Fixtures.useConfiguredPublisher();
        alice = Browser.signIn(app, Fixtures.ALICE);
        bob = Browser.signIn(app, Fixtures.BOB);
    }

    Long carltonClaim(String claimReviewed) {
        Long claimId = Fixtures.seedClaim(Fixtures.seedRealArticle(), CARLTON, claimReviewed);
        Fixtures.seedSource(claimId, SourceStance.SUPPORTS);
        QuarkusTransaction.requiringNew().run(() -> {
            Claim claim = Claim.findById(claimId);
            claim.claimantName = "David Lammy";
            claim.claimantSameAs = "https://www.wikidata.org/wiki/Q587741";
            claim.claimDate = java.time.LocalDate.of(2024, 11, 22);
            claim.appearanceUrl = "https://news.example/lammy-barrot";
        });
        return claimId;
    }

    void propose(Long claimId, String label) {
        Claim claim = QuarkusTransaction.requiringNew().call(() -> Claim.findById(claimId));
        alice.post("/claims/" + claimId, "/verdicts", "claim", claimId, "claimVersion", claim.version,
                "levelId", org.claimdesk.VerdictFixtures.level(label), "ratingExplanation", EXPLANATION,
                "claimReviewed", claim.claimReviewed).then().statusCode(303);
    }

    void signOff(Long claimId) {
        Matcher form = Pattern.compile("action=\"/verdicts/(\\d+)/sign-off\"[\\s\\S]*?name=\"claimVersion\" value=\"(\\d+)\""
                + "[\\s\\S]*?name=\"sourceSet\" value=\"([^\"]*)\"").matcher(bob.get("/claims/" + claimId).asString());
        assertTrue(form.find(), "bob sees the sign-off form");
        bob.post("/claims/" + claimId, "/verdicts/" + form.group(1) + "/sign-off", "claimVersion", form.group(2),
                "sourceSet", form.group(3)).then().statusCode(303);
    }

    static JsonObject only(JsonObject node, String property) {
        JsonArray values = node.getJsonArray(SCHEMA + property);
        assertEquals(1, values == null ? 0 : values.size(), property + " in " + node);
        return values.getJsonObject(0);
    }

    static String value(JsonObject node, String property) {
        JsonObject value = only(node, property);
        return value.containsKey("@value") ? value.get("@value").toString().replaceAll("^\"|\"$", "") : value.getString("@id");
    }

    @Test
    void theSignedOffCarltonGardensVerdictExpandsToSchemaOrgClaimReview() throws Exception {
        Long claimId = carltonClaim("Carlton Gardens was the Free French HQ 1940-1944");
        propose(claimId, "True");
        signOff(claimId);

        String json = alice.get("/claims/" + claimId + "/claimreview.jsonld").then().statusCode(200)
                .contentType(containsString("application/ld+json")).extract().asString();
        JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(json))).loader(OFFLINE_SCHEMA_ORG).get();

        assertEquals(1, expanded.size());
        JsonObject review = expanded.getJsonObject(0);
        assertEquals(SCHEMA + "ClaimReview", review.getJsonArray("@type").getString(0));
        assertEquals("Carlton Gardens was the Free French HQ 1940-1944", value(review, "claimReviewed"));
        assertEquals("https://factcheck.example.org/claims/" + claimId, value(review, "url"));
        assertTrue(value(review, "datePublished").matches("\\d{4}-\\d{2}-\\d{2}"));
        JsonObject rating = only(review, "reviewRating");
        assertEquals(SCHEMA + "Rating", rating.getJsonArray("@type").getString(0));
        assertEquals("5", value(rating, "ratingValue"));
        assertEquals("5", value(rating, "bestRating"));
        assertEquals("1", value(rating, "worstRating"));
        assertEquals("True", value(rating, "alternateName"));
        JsonObject author = only(review, "author");
        assertEquals(SCHEMA + "Organization", author.getJsonArray("@type").getString(0));
        assertEquals("Claimdesk Fact Check", value(author, "name"));
        JsonObject claim = only(review, "itemReviewed");
        assertEquals(SCHEMA + "Claim", claim.getJsonArray("@type").getString(0));
        assertEquals("2024-11-22", value(claim, "datePublished"));
        JsonObject claimant = only(claim, "author");
        assertEquals(SCHEMA + "Person", claimant.getJsonArray("@type").getString(0));
        assertEquals("David Lammy", value(claimant, "name"));
        assertEquals("https://www.wikidata.org/wiki/Q587741", value(claimant, "sameAs"));
        assertEquals("https://news.example/lammy-barrot", value(only(claim, "appearance"), "url"));
        assertTrue(review.keySet().stream().allMatch(key -> key.startsWith("@") || key.startsWith(SCHEMA)),
                "every property is a schema.org term: " + review.keySet());

        alice.get("/claims/" + claimId).then().statusCode(200)
                .body(containsString("ClaimReview JSON-LD"))
                .body(containsString("&lt;script type=&quot;application/ld+json&quot;&gt;"))
                .body(containsString("&quot;claimReviewed&quot; : &quot;Carlton Gardens was the Free French HQ 1940-1944&quot;"));
    }

    @Test
    void anUnsignedVerdictIsNotExportedAndSaysWhy() {
        Long claimId = carltonClaim("Carlton Gardens was the Free French HQ 1940-1944");
        alice.get("/claims/" + claimId + "/claimreview.jsonld").then().statusCode(409)
                .body(containsString("no signed-off verdict yet"));
        propose(claimId, "True");
        alice.get("/claims/" + claimId + "/claimreview.jsonld").then().statusCode(409)
                .body(containsString("no signed-off verdict yet"));
        alice.get("/claims/" + claimId).then().body(containsString("once an editor signs it off"));
        alice.get("/claims/999999999/claimreview.jsonld").then().statusCode(404);
    }

    @Test
    void aNinetyCharacterClaimReviewedShowsTheWarningAndACorrectionCarriesItsNote() {
        String ninety = "Carlton Gardens in London was the headquarters of the Free French from 1940 until end 1944";
        Long claimId = carltonClaim(ninety);
        propose(claimId, "True");
        signOff(claimId);

        alice.get("/claims/" + claimId).then().statusCode(200)
                .body(containsString("claimReviewed under 75 characters — claimReviewed has 90 characters"));

        Claim claim = QuarkusTransaction.requiringNew().call(() -> Claim.findById(claimId));
        alice.post("/claims/" + claimId, "/verdicts", "claim", claimId, "claimVersion", claim.version,
                "levelId", org.claimdesk.VerdictFixtures.level("Mostly true"), "ratingExplanation", EXPLANATION + " Nuanced.",
                "claimReviewed", "Carlton Gardens was the Free French HQ 1940-1944",
                "correctionNote", "The Free French first used St Stephen's House.").then().statusCode(303);
        String beforeSignOff = alice.get("/claims/" + claimId + "/claimreview.jsonld").then().statusCode(200).extract().asString();
        assertTrue(beforeSignOff.contains("\"alternateName\" : \"True\""), "the public verdict stays until the correction is signed off");
        signOff(claimId);
        String corrected = alice.get("/claims/" + claimId + "/claimreview.jsonld").then().statusCode(200).extract().asString();
        assertTrue(corrected.contains("\"alternateName\" : \"Mostly true\""));
        assertTrue(corrected.contains("\"text\" : \"The Free French first used St Stephen's House.\""));
        assertTrue(corrected.contains("\"dateModified\""));
    }
}
