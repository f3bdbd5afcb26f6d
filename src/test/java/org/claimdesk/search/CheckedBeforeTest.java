package org.claimdesk.search;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.Browser;
import org.claimdesk.Fixtures;
import org.claimdesk.VerdictFixtures;
import org.claimdesk.article.Article;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.source.SourceStance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Checked before?": similar claims while a reviewer types a new claim, on the claim page, and
 * duplicates that follow their original's corrections. People sign in through the OIDC dev service.
 */
@QuarkusTest
class CheckedBeforeTest {

    static final String UNIFIL = "four Italian soldiers working for UNIFIL injured when two exploding 122mm rockets hit the mission base in Shama";
    static final String CARLTON = "Carlton Gardens, which was the headquarters of the Free France government in exile between 1940-1944";
    static final String TYPED = "4 Italian peacekeepers hurt by rockets at Shama base";
    static final String POSTS = "Several UNIFIL posts have been hit since Israel began its ground invasion of Lebanon on 1 October, "
            + "leaving some peacekeepers wounded";
    static final String EXPLANATION = "Italy's Defence Ministry confirmed that two 122mm rockets hit the UNIFIL base in Shama "
            + "and that four Italian soldiers were lightly injured.";

    @TestHTTPResource("/")
    URI app;

    Browser alice;
    Browser bob;

    @BeforeEach
    void signIn() {
        alice = Browser.signIn(app, Fixtures.ALICE);
        bob = Browser.signIn(app, Fixtures.BOB);
    }

    static Claim claim(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> Claim.findForPage(id, jakarta.persistence.LockModeType.NONE));
    }

    @Test
    void typingItalianPeacekeepersHurtAtShamaListsTheUnifilClaimAsCheckedBefore() {
        Long earlier = Fixtures.seedRealArticle();
        Long unifil = Fixtures.seedClaim(earlier, UNIFIL, UNIFIL);
        Long carlton = Fixtures.seedClaim(earlier, CARLTON, "Carlton Gardens was the Free French HQ 1940-1944");
        VerdictFixtures.signedOff(unifil, "True", EXPLANATION);
        Long article = Fixtures.seedRealArticle();

        String fragment = alice.request().header("HX-Request", "true").queryParam("claimReviewed", TYPED)
                .queryParam("article", article).get("/claims/checked-before").then().statusCode(200)
                .extract().asString();

        // Other test classes store UNIFIL claims too, so the five shown may be any of them.
        List<String> listed = new java.util.ArrayList<>();
        Matcher link = Pattern.compile("<a href=\"/claims/\\d+\">#\\d+ ([^<]*)</a>").matcher(fragment);
        while (link.find()) {
            listed.add(link.group(1));
        }
        assertTrue(!listed.isEmpty() && listed.stream().allMatch(text -> text.contains("UNIFIL")), "UNIFIL claims: " + listed);
        assertTrue(!fragment.contains("href=\"/claims/" + carlton + "\""), "Carlton Gardens is not similar");
        ClaimMatch match = QuarkusTransaction.requiringNew().call(() -> SimilarClaims.to(TYPED, "en", null, 1000)).stream()
                .filter(m -> m.claimId() == unifil).findFirst().orElseThrow(() -> new AssertionError("the UNIFIL claim matches"));
        assertTrue(match.score() >= SimilarClaims.THRESHOLD);
        assertEquals("True", match.rating().label(), "with its verdict");
        assertTrue(match.signedOff(), "signed off");
        assertTrue(!fragment.contains("<html"), "a fragment, not a page");
    }

    @Test
    void theNewClaimFormListsMatchesAndPreviewsThemWithoutJavaScript() {
        Long earlier = Fixtures.seedRealArticle();
        Long unifil = Fixtures.seedClaim(earlier, UNIFIL, UNIFIL);
        Long article = Fixtures.seedRealArticle();
        String text = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(article).currentRevision.text);
        int start = Fixtures.codePointIndexOf(text, UNIFIL);
        String newClaimPage = "/claims/new?article=" + article + "&start=" + start + "&end=" + (start + UNIFIL.length());

        alice.get(newClaimPage).then().statusCode(200)
                .body(containsString("Checked before?"))
                .body(containsString("hx-get=\"/claims/checked-before\""))
                .body(containsString("hx-trigger=\"keyup changed delay:300ms\""))
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*<section id=\"checked-before\".*>#\\d+ [^<]*UNIFIL[^<]*</a>.*"));

        long claims = QuarkusTransaction.requiringNew().call(() -> Claim.count());
        Long revisionId = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(article).currentRevision.id);
        alice.post(newClaimPage, "/claims", "article", article, "revisionId", revisionId, "start", start,
                "end", start + UNIFIL.length(), "claimReviewed", TYPED, "preview", "true").then().statusCode(200)
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*<section id=\"checked-before\".*>#\\d+ [^<]*UNIFIL[^<]*</a>.*"))
                .body(containsString(TYPED));
        assertEquals(claims, QuarkusTransaction.requiringNew().call(() -> Claim.count()), "a preview creates nothing");
    }

    @Test
    void theClaimPageListsSimilarClaimsWithTheirVerdictAndAnEditorMarksADuplicate() {
        Long earlier = Fixtures.seedRealArticle();
        Long original = Fixtures.seedClaim(earlier, POSTS, "UNIFIL posts hit since Israel's ground invasion of Lebanon");
        VerdictFixtures.signedOff(original, "Mostly true", "UNIFIL's own statements list the posts hit since 1 October "
                + "and the peacekeepers wounded; the count is disputed.");
        Long later = Fixtures.seedClaim(Fixtures.seedRealArticle(), POSTS, "Several UNIFIL posts hit since 1 October, peacekeepers wounded");

        String page = bob.get("/claims/" + later).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Checked before"), "the section is on the page");
        assertTrue(page.contains("hx-get=\"/claims/" + later + "/similar\"") && page.contains("hx-trigger=\"revealed\""),
                "htmx loads the similar claims after the page");
        assertTrue(page.contains("<a href=\"/claims/" + later + "/similar\">"), "without JavaScript a link opens them");
        assertTrue(!page.contains("href=\"/claims/" + original + "\""), "the costly lookup is not part of the page");

        String fragment = bob.request().header("HX-Request", "true").get("/claims/" + later + "/similar").then()
                .statusCode(200).extract().asString();
        assertTrue(!fragment.contains("<html"), "a fragment, not a page");
        assertTrue(fragment.contains("id=\"similar-claims\""), "it replaces the placeholder");
        assertTrue(fragment.contains("href=\"/claims/" + original + "\""), "the earlier claim is listed");
        assertTrue(fragment.contains(">Mostly true"), "with its verdict");
        assertTrue(fragment.contains("Mark as duplicate of #" + original), "an editor can mark it a duplicate");
        assertTrue(!fragment.contains("href=\"/claims/" + later + "\""), "not the claim itself");

        String withoutJavaScript = bob.get("/claims/" + later + "/similar").then().statusCode(200).extract().asString();
        assertTrue(withoutJavaScript.contains("<html") && withoutJavaScript.contains("href=\"/claims/" + original + "\"")
                && withoutJavaScript.contains("Mark as duplicate of #" + original), "the same list as a page");
        String forReviewer = alice.request().header("HX-Request", "true").get("/claims/" + later + "/similar").then()
                .statusCode(200).extract().asString();
        assertTrue(forReviewer.contains("href=\"/claims/" + original + "\""), "a reviewer sees the list too");
        assertTrue(!forReviewer.contains("Mark as duplicate"), "but only editors dismiss");
        alice.get("/claims/999999999/similar").then().statusCode(404);

        bob.post("/claims/" + later, "/claims/" + later + "/dismiss", "reason", "DUPLICATE", "duplicateOfId", original)
                .then().statusCode(303);
        assertEquals(original, claim(later).duplicateOf.id);
        alice.get("/claims/" + later).then().statusCode(200)
                .body(containsString("This claim duplicates"))
                .body(containsString("href=\"/claims/" + original + "\""))
                .body(containsString(">Mostly true"));
        alice.request().header("HX-Request", "true").get("/claims/" + later + "/similar").then().statusCode(200)
                .body(not(containsString("href=\"/claims/" + original + "\"")));
    }

    /** The list item of one claim in a "Checked before" fragment, as text. */
    private static String matchOf(String fragment, Long claimId) {
        org.jsoup.nodes.Element link = org.jsoup.Jsoup.parse(fragment).selectFirst("li > a[href=/claims/" + claimId + "]");
        assertNotNull(link, "claim #" + claimId + " is listed: " + fragment);
        return link.parent().text();
    }

    @Test
    void aSentBackVerdictIsLabelledSentBackAndTheLatestSignedOffVerdictCountsOverACorrection() {
        Long original = Fixtures.seedClaim(Fixtures.seedRealArticle(), POSTS, "Quillfeather: UNIFIL posts hit since 1 October");
        Long later = Fixtures.seedClaim(Fixtures.seedRealArticle(), POSTS, "Quillfeather says UNIFIL posts were hit since 1 October");
        String similar = "/claims/" + later + "/similar";

        Long proposed = VerdictFixtures.propose(original, "Mostly true", EXPLANATION, null);
        String awaiting = matchOf(bob.request().header("HX-Request", "true").get(similar).asString(), original);
        assertTrue(awaiting.contains("Mostly true") && awaiting.contains("verdict proposed"), awaiting);
        org.jsoup.nodes.Element proposedHit = org.jsoup.Jsoup.parse(bob.get("/search?q=Quillfeather").asString())
                .selectFirst("li.hit:has(a[href=/claims/" + original + "])");
        assertTrue(proposedHit.text().contains("Mostly true") && proposedHit.text().contains("proposed"), proposedHit.text());

        bob.post("/claims/" + original, "/verdicts/" + proposed + "/send-back", "reason", "Name the posts that were hit.")
                .then().statusCode(303);
        String sentBack = matchOf(bob.request().header("HX-Request", "true").get(similar).asString(), original);
        assertTrue(sentBack.contains("verdict sent back"), sentBack);
        assertTrue(!sentBack.contains("verdict proposed") && !sentBack.contains("Mostly true"),
                "a sent-back rating is not shown as the claim's verdict: " + sentBack);
        String page = bob.get(similar).asString();
        assertTrue(matchOf(page, original).contains("verdict sent back"), "the page without JavaScript says the same");
        org.jsoup.nodes.Element hit = org.jsoup.Jsoup.parse(bob.get("/search?q=Quillfeather").asString())
                .selectFirst("li.hit:has(a[href=/claims/" + original + "])");
        assertNotNull(hit, "the search lists the claim");
        assertTrue(hit.text().contains("verdict sent back") && hit.select(".rating-badge").isEmpty(),
                "search results do not show a sent-back rating as the claim's verdict either: " + hit.text());

        VerdictFixtures.signedOff(original, "Mixed", EXPLANATION);
        VerdictFixtures.propose(original, "False", EXPLANATION, "The posts were not hit.");
        String corrected = matchOf(bob.request().header("HX-Request", "true").get(similar).asString(), original);
        assertTrue(corrected.contains("Mixed") && corrected.contains("signed off"), "the signed-off verdict counts: " + corrected);
        assertTrue(corrected.contains("a correction awaits sign-off") && !corrected.contains("False"), corrected);
        ClaimMatch match = QuarkusTransaction.requiringNew().call(() -> SimilarClaims.summary(original));
        assertEquals("Mixed", match.rating().label());
        assertTrue(match.signedOff() && match.proposed());
    }

    @Test
    void aCorrectionOfTheOriginalFlagsItsDuplicatesOnTheDeskUntilAnEditorReviewsThem() {
        Long articleId = Fixtures.seedRealArticle();
        Long original = Fixtures.seedClaim(articleId, UNIFIL, UNIFIL);
        Fixtures.seedSource(original, SourceStance.SUPPORTS);
        VerdictFixtures.signedOff(original, "True", EXPLANATION);
        Long duplicate = Fixtures.seedClaim(Fixtures.seedRealArticle(), UNIFIL, "Italian UNIFIL soldiers hurt at Shama");
        bob.post("/claims/" + duplicate, "/claims/" + duplicate + "/dismiss", "reason", "DUPLICATE", "duplicateOfId", original)
                .then().statusCode(303);
        bob.get("/desk").then().body(not(containsString("href=\"/claims/" + duplicate + "\"")));
        Long third = Fixtures.seedClaim(articleId, UNIFIL, "Two rockets hit the UNIFIL base at Shama");
        bob.post("/claims/" + third, "/claims/" + third + "/dismiss", "reason", "DUPLICATE", "duplicateOfId", duplicate)
                .then().statusCode(400).body(containsString("is itself a duplicate of claim #" + original));
        bob.post("/claims/" + original, "/claims/" + original + "/dismiss", "reason", "DUPLICATE", "duplicateOfId", duplicate)
                .then().statusCode(409);
        assertEquals(ClaimStatus.OPEN, claim(third).status, "nothing dismissed");

        alice.post("/claims/" + original, "/verdicts", "claim", original, "claimVersion", claim(original).version,
                "levelId", VerdictFixtures.level("Mostly true"), "ratingExplanation", EXPLANATION + " The calibre is unconfirmed.",
                "claimReviewed", UNIFIL, "correctionNote", "The rocket calibre was not confirmed by UNIFIL.")
                .then().statusCode(303);

        assertNotNull(claim(duplicate).originalCorrectedAt, "flagged in the correction's transaction");
        bob.get("/desk").then().statusCode(200).body(containsString("Duplicates to review (1"))
                .body(containsString("href=\"/claims/" + duplicate + "\""));
        bob.get("/claims/" + duplicate).then().body(containsString("Check that this claim is still a duplicate"));

        alice.post("/claims/" + duplicate, "/claims/" + duplicate + "/duplicate-reviewed").then().statusCode(403);
        bob.post("/claims/" + duplicate, "/claims/" + duplicate + "/duplicate-reviewed").then().statusCode(303);
        assertNull(claim(duplicate).originalCorrectedAt);
        assertEquals(ClaimStatus.DISMISSED, claim(duplicate).status);
        bob.post("/claims/" + duplicate, "/claims/" + duplicate + "/duplicate-reviewed").then().statusCode(409);
    }
}
