package org.claimdesk.claim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimdesk.Fixtures;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleRevision;
import org.claimdesk.article.ArticleText;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** Claims over HTTP as alice (reviewer), against the real PostgreSQL and the real article. */
@QuarkusTest
@TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
class ClaimsTest {

    static final String CARLTON = "Carlton Gardens, which was the headquarters of the Free France government in exile between 1940-1944";
    static final String UNIFIL = "four Italian soldiers working for UNIFIL injured when two exploding 122mm rockets hit the mission base in Shama";

    @Inject
    EntityManagerFactory entityManagerFactory;

    static String currentText(Long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(articleId).currentRevision.text);
    }

    static Long currentRevisionId(Long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(articleId).currentRevision.id);
    }

    static long claimCount() {
        return QuarkusTransaction.requiringNew().call(() -> Claim.count());
    }

    static Claim claim(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Claim claim = Claim.findById(id);
            claim.revision.number++;
            claim.revision.number--;
            return claim;
        });
    }

    static RequestSpecification form(String page) {
        Fixtures.Csrf csrf = Fixtures.csrfFrom(page);
        return given().redirects().follow(false).cookie("claimdesk-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.token());
    }

    static Response createClaim(Long articleId, int start, int end, String claimReviewed) {
        return form("/articles/" + articleId).formParam("revisionId", currentRevisionId(articleId))
                .formParam("start", start).formParam("end", end).formParam("claimReviewed", claimReviewed)
                .formParam("article", articleId).post("/claims");
    }

    static Long createClaimOn(Long articleId, String words, String claimReviewed) {
        String text = currentText(articleId);
        int start = Fixtures.codePointIndexOf(text, words);
        assertTrue(start >= 0, "words must be in the text: " + words);
        Response response = createClaim(articleId, start, start + words.codePointCount(0, words.length()), claimReviewed);
        assertEquals(303, response.statusCode(), response.asString());
        String location = response.getHeader("Location");
        return Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void aliceCreatesTheCarltonGardensAndUnifilClaimsAnchoredInCodePoints() {
        Long articleId = Fixtures.seedRealArticle();
        String text = currentText(articleId);

        Long carlton = createClaimOn(articleId, CARLTON, "Carlton Gardens was the Free French HQ 1940-1944");
        Long unifil = createClaimOn(articleId, UNIFIL, "Four Italian UNIFIL soldiers hurt by two 122mm rockets in Shama");

        Claim carltonClaim = claim(carlton);
        assertEquals(CARLTON, carltonClaim.anchorExact);
        assertEquals(Fixtures.codePointIndexOf(text, CARLTON), carltonClaim.anchorStart);
        assertEquals(carltonClaim.anchorStart + CARLTON.codePointCount(0, CARLTON.length()), carltonClaim.anchorEnd);
        assertEquals("Lammy received Barrot at ", carltonClaim.anchorPrefix.substring(carltonClaim.anchorPrefix.length() - 25));
        assertEquals(ClaimStatus.OPEN, carltonClaim.status);
        assertEquals(java.time.LocalDate.of(2024, 11, 22), carltonClaim.claimDate == null ? java.time.LocalDate.of(2024, 11, 22) : carltonClaim.claimDate);
        Claim unifilClaim = claim(unifil);
        assertEquals(UNIFIL, unifilClaim.anchorExact);
        assertEquals(Fixtures.codePointIndexOf(text, UNIFIL), unifilClaim.anchorStart);

        String page = given().get("/articles/" + articleId).then().statusCode(200).extract().asString();
        assertTrue(page.contains("data-claims=\"" + carlton + "\""), "the Carlton Gardens span is highlighted");
        assertTrue(page.contains("href=\"/claims/" + unifil + "\""), "the UNIFIL claim is linked");
        assertTrue(page.contains("[claim " + carlton + ": "), "screen readers hear where the claim starts");
        given().get("/claims/" + carlton).then().statusCode(200)
                .body(containsString("<strong>" + CARLTON + "</strong>"))
                .body(containsString("Carlton Gardens was the Free French HQ 1940-1944"));
    }

    @Test
    void codePointOffsetsDifferFromCharOffsetsAfterAnEmoji() {
        Long articleId = Fixtures.seedArticle("Breaking 😀 news: the mayor said 𝔘 42 bridges closed on 3 May 2024.");
        String words = "42 bridges closed";
        Long id = createClaimOn(articleId, words, "42 bridges closed on 3 May 2024");
        Claim claim = claim(id);
        String text = currentText(articleId);
        assertEquals(words, claim.anchorExact);
        assertEquals(text.indexOf(words) - 2, claim.anchorStart, "two astral characters before: two chars fewer");
    }

    @Test
    void overlappingClaimsAreBothHighlighted() {
        Long articleId = Fixtures.seedRealArticle();
        Long whole = createClaimOn(articleId, "Lammy received Barrot at " + CARLTON, "Lammy received Barrot at Carlton Gardens");
        Long part = createClaimOn(articleId, "between 1940-1944", "Free France HQ 1940-1944");
        String page = given().get("/articles/" + articleId).asString();
        assertTrue(page.contains("data-claims=\"" + whole + " " + part + "\""), "the overlap is covered by both claims");
    }

    @Test
    void twoReviewersCreatingClaimsOnTheSameArticleAtOnceBothSucceed() throws Exception {
        Long articleId = Fixtures.seedRealArticle();
        String text = currentText(articleId);
        long before = claimCount();
        int carltonStart = Fixtures.codePointIndexOf(text, CARLTON);
        int unifilStart = Fixtures.codePointIndexOf(text, UNIFIL);
        Fixtures.Csrf csrf = Fixtures.csrfFrom("/articles/" + articleId);
        Long revisionId = currentRevisionId(articleId);
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int[] span : new int[][] {{carltonStart, carltonStart + 15}, {unifilStart, unifilStart + 20}}) {
            posts.add(() -> given().redirects().follow(false).cookie("claimdesk-csrf", csrf.cookie())
                    .formParam("csrf-token", csrf.token()).formParam("revisionId", revisionId)
                    .formParam("start", span[0]).formParam("end", span[1]).formParam("claimReviewed", "Concurrent claim")
                    .formParam("article", articleId).post("/claims").statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (Future<Integer> status : pool.invokeAll(posts)) {
                assertEquals(303, status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 2, claimCount());
    }

    @Test
    void reimportingWithAWordInsertedMovesTheUnifilClaimAndRemovingCarltonOrphansIt() {
        Long articleId = Fixtures.seedRealArticle();
        Long unifil = createClaimOn(articleId, UNIFIL, "Four Italian UNIFIL soldiers hurt in Shama");
        Long carlton = createClaimOn(articleId, CARLTON, "Carlton Gardens was the Free French HQ");
        String url = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(articleId).url);
        String original = ArticleText.normalise(Fixtures.realArticle());
        int oldStart = claim(unifil).anchorStart;

        String inserted = original.replace("They both condemned Israeli attacks", "Yesterday they both condemned Israeli attacks");
        reimport(url, inserted);

        Claim moved = claim(unifil);
        assertEquals(AnchorState.ANCHORED, moved.anchorState);
        assertEquals(UNIFIL, moved.anchorExact);
        assertEquals(oldStart + "Yesterday t".length() - 1, moved.anchorStart);
        assertEquals(2, moved.revision.number);

        String withoutCarlton = ArticleText.normalise(inserted.lines()
                .filter(line -> !line.startsWith("Lammy received Barrot at Carlton Gardens")).reduce((a, b) -> a + "\n" + b).orElseThrow());
        reimport(url, withoutCarlton);

        Claim orphan = claim(carlton);
        assertEquals(AnchorState.ORPHANED, orphan.anchorState);
        assertEquals(CARLTON, orphan.anchorExact, "the old quote stays readable");
        assertEquals(AnchorState.ANCHORED, claim(unifil).anchorState);
        assertEquals(3, claim(unifil).revision.number);
        given().get("/articles/" + articleId).then().statusCode(200)
                .body(containsString("Orphaned claims"))
                .body(containsString("href=\"/claims/" + carlton + "\""));
        given().get("/claims/" + carlton).then().statusCode(200).body(containsString("Orphaned"));
    }

    @Test
    void aChangedWordInsideTheQuoteMovesTheClaimForConfirmation() {
        Long articleId = Fixtures.seedRealArticle();
        Long unifil = createClaimOn(articleId, UNIFIL, "Four Italian UNIFIL soldiers hurt in Shama");
        String url = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(articleId).url);
        reimport(url, ArticleText.normalise(Fixtures.realArticle()).replace("four Italian soldiers", "four Italian peacekeepers"));

        assertEquals(AnchorState.MOVED_UNCONFIRMED, claim(unifil).anchorState);
        given().get("/claims/" + unifil).then().body(containsString("Moved, please confirm"));
        form("/claims/" + unifil).post("/claims/" + unifil + "/anchor").then().statusCode(303);
        assertEquals(AnchorState.ANCHORED, claim(unifil).anchorState);
    }

    private static void reimport(String url, String text) {
        Fixtures.Csrf csrf = Fixtures.csrfFrom("/articles/new");
        given().redirects().follow(false).cookie("claimdesk-csrf", csrf.cookie())
                .multiPart("csrf-token", csrf.token()).multiPart("title", "Same article").multiPart("url", url)
                .multiPart("text", text, "text/plain; charset=UTF-8")
                .post("/articles").then().statusCode(303);
    }

    @Test
    void aStaleEditIsRefusedWithBothVersionsAndTheTypedValuesKept() {
        Long articleId = Fixtures.seedRealArticle();
        Long id = createClaimOn(articleId, UNIFIL, "Original summary");
        long openedVersion = claim(id).version;

        form("/claims/" + id).formParam("version", openedVersion).formParam("claimReviewed", "Bob's newer summary")
                .formParam("priority", "HIGH").post("/claims/" + id).then().statusCode(303);
        form("/claims/" + id).formParam("version", openedVersion).formParam("claimReviewed", "Alice's stale summary")
                .formParam("claimantName", "Italy's Defence Ministry").post("/claims/" + id).then()
                .statusCode(409)
                .body(containsString("Bob&#39;s newer summary"))
                .body(containsString("Alice&#39;s stale summary"))
                .body(containsString("value=\"Italy&#39;s Defence Ministry\""))
                .body(containsString("not saved"));

        assertEquals("Bob's newer summary", claim(id).claimReviewed);
    }

    @Test
    void anEditOnTheCurrentVersionIsSaved() {
        Long articleId = Fixtures.seedRealArticle();
        Long id = createClaimOn(articleId, UNIFIL, "Original summary");
        form("/claims/" + id).formParam("version", claim(id).version).formParam("claimReviewed", "Edited summary")
                .formParam("claimantName", "Italy's Defence Ministry").formParam("claimantSameAs", "https://www.wikidata.org/wiki/Q3858483")
                .formParam("tags", "Lebanon, UNIFIL, lebanon").formParam("priority", "URGENT").formParam("dueDate", "2024-12-01")
                .post("/claims/" + id).then().statusCode(303);
        Claim saved = claim(id);
        assertEquals("Edited summary", saved.claimReviewed);
        assertEquals("lebanon, unifil", saved.tags);
        assertEquals(Priority.URGENT, saved.priority);
    }

    @Test
    void theClaimantTypeIsChosenShownAndRecordedAndABadOneIsRefusedKeepingTheForm() {
        Long id = createClaimOn(Fixtures.seedRealArticle(), UNIFIL, "UNIFIL rocket injuries");
        form("/claims/" + id).formParam("version", claim(id).version).formParam("claimReviewed", "UNIFIL rocket injuries")
                .formParam("claimantName", "Guido Crosetto").formParam("claimantType", "PERSON")
                .post("/claims/" + id).then().statusCode(303);
        assertEquals(ClaimantType.PERSON, claim(id).claimantType);
        given().get("/claims/" + id).then().statusCode(200)
                .body(containsString("Guido Crosetto (Person)"))
                .body(containsString("<option value=\"PERSON\" selected>"));

        form("/claims/" + id).formParam("version", claim(id).version).formParam("claimReviewed", "UNIFIL rocket injuries, edited")
                .formParam("claimantName", "Italy's Defence Ministry").formParam("claimantType", "Ministry")
                .post("/claims/" + id).then().statusCode(400)
                .body(containsString("The claimant type must be Person or Organization, not &quot;Ministry&quot;."))
                .body(containsString("UNIFIL rocket injuries, edited"))
                .body(containsString("value=\"Italy&#39;s Defence Ministry\""));
        assertEquals(ClaimantType.PERSON, claim(id).claimantType, "nothing saved");

        form("/claims/" + id).formParam("version", claim(id).version).formParam("claimReviewed", "UNIFIL rocket injuries")
                .formParam("claimantName", "Italy's Defence Ministry").formParam("claimantType", "organization")
                .post("/claims/" + id).then().statusCode(303);
        assertEquals(ClaimantType.ORGANIZATION, claim(id).claimantType);
        given().get("/claims/" + id + "/history").then().statusCode(200).body(containsString("Claimant type"));
    }

    @Test
    void anEditFormWithoutItsVersionIsRefusedAsIncomplete() {
        Long id = createClaimOn(Fixtures.seedRealArticle(), UNIFIL, "Versionless summary");
        form("/claims/" + id).formParam("claimReviewed", "Edited without a version").post("/claims/" + id).then().statusCode(400)
                .body(containsString("does not say which version"));
        assertEquals("Versionless summary", claim(id).claimReviewed);
    }

    @Test
    void savingAnUnchangedClaimMakesNoNewVersionAndNoHistoryEntry() {
        Long id = createClaimOn(Fixtures.seedRealArticle(), UNIFIL, "Unchanged summary");
        Claim before = claim(id);
        long revisions = QuarkusTransaction.requiringNew().call(() -> (Long) Claim.getEntityManager()
                .createNativeQuery("select count(*) from claim_aud where id = ?1").setParameter(1, id).getSingleResult());

        form("/claims/" + id).formParam("version", before.version).formParam("claimReviewed", "Unchanged summary")
                .formParam("priority", before.priority.name()).post("/claims/" + id).then().statusCode(303);

        assertEquals(before.version, claim(id).version);
        assertEquals(revisions, QuarkusTransaction.requiringNew().call(() -> (Long) Claim.getEntityManager()
                .createNativeQuery("select count(*) from claim_aud where id = ?1").setParameter(1, id).getSingleResult()));
    }

    private void assertRefused(Response response, int status, String message) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.asString().contains(message), "expected message: " + message);
    }

    @Test
    void badSelectionsAndFieldsAreRefusedAndSaveNothing() {
        Long articleId = Fixtures.seedRealArticle();
        int length = ArticleText.codePointLength(currentText(articleId));
        long before = claimCount();

        assertRefused(createClaim(articleId, -1, 10, "Negative"), 400, "starts before the article text");
        assertRefused(createClaim(articleId, 10, length + 1, "Past the end"), 400, "ends after the article text");
        assertRefused(createClaim(articleId, 20, 20, "Empty"), 400, "the selection is empty");
        assertRefused(createClaim(articleId, 30, 20, "Backwards"), 400, "the selection is empty");
        int space = Fixtures.codePointIndexOf(currentText(articleId), " and ");
        assertRefused(createClaim(articleId, space, space + 1, "Whitespace only"), 400, "only white space");
        assertRefused(createClaim(articleId, 0, 10, "  "), 400, "The claim reviewed (short summary) is required.");
        assertRefused(createClaim(articleId, 0, 10, "x".repeat(501)), 400, "longer than 500 characters");
        assertRefused(form("/articles/" + articleId).formParam("revisionId", currentRevisionId(articleId))
                .formParam("start", 0).formParam("end", 10).formParam("claimReviewed", "Bad sameAs")
                .formParam("claimantSameAs", "javascript:alert(1)").formParam("article", articleId).post("/claims"),
                400, "sameAs) must be a web address");
        assertRefused(form("/articles/" + articleId).formParam("revisionId", currentRevisionId(articleId))
                .formParam("start", 0).formParam("end", 10).formParam("claimReviewed", "Bad appearance")
                .formParam("appearanceUrl", "data:text/html,hi").formParam("article", articleId).post("/claims"),
                400, "appearance URL must be a web address");
        assertRefused(given().get("/claims/new?article=" + articleId + "&quote=" + "not in this article at all"),
                400, "quote not found in the article text");

        assertEquals(before, claimCount());
        given().get("/claims/new?article=987654321&start=0&end=5").then().statusCode(404);
        given().get("/claims/987654321").then().statusCode(404);
    }

    @Test
    void aQuoteIsLocatedAndAnAmbiguousOneAsksForSurroundingText() {
        Long articleId = Fixtures.seedRealArticle();
        given().get("/claims/new?article=" + articleId + "&quote=" + CARLTON).then().statusCode(200)
                .body(containsString("<strong>" + CARLTON + "</strong>"))
                .body(containsString("name=\"start\" value=\"" + Fixtures.codePointIndexOf(currentText(articleId), CARLTON) + "\""));
        given().get("/claims/new?article=" + articleId + "&quote=Barrot").then().statusCode(400)
                .body(containsString("occur"));
        given().get("/claims/new?article=" + articleId + "&quote=Barrot&prefix=Lammy received ").then().statusCode(200);
    }

    @Test
    void theArticlePageSuggestsCheckWorthySentencesAndOneClickMakesAClaim() {
        Long articleId = Fixtures.seedRealArticle();
        String page = given().get("/articles/" + articleId).asString();
        String suggestions = page.substring(page.indexOf("Suggested claims"), page.indexOf("New claim from a quote"));
        assertTrue(suggestions.contains("four Italian soldiers working for UNIFIL"), "UNIFIL is suggested");
        assertTrue(!suggestions.contains(">Yesterday<"), "Yesterday is not suggested");
        assertTrue(page.contains("New claim from this sentence"), "sentences work without JavaScript");

        String text = currentText(articleId);
        CheckWorthiness.Suggestion unifil = CheckWorthiness.suggest(text).stream()
                .filter(s -> s.sentence().contains("UNIFIL injured")).findFirst().orElseThrow();
        Response created = createClaim(articleId, unifil.start(), unifil.end(), unifil.sentence());
        assertEquals(303, created.statusCode());
        String after = given().get("/articles/" + articleId).asString();
        String suggestionsAfter = after.substring(after.indexOf("Suggested claims"), after.indexOf("New claim from a quote"));
        assertTrue(!suggestionsAfter.contains("four Italian soldiers working for UNIFIL injured"), "a taken suggestion is not offered again");
    }

    @Test
    void longClaimReviewedAndRatingWordsGetWarnings() {
        Long articleId = Fixtures.seedRealArticle();
        Long id = createClaimOn(articleId, UNIFIL, "It is false that four Italian soldiers working for UNIFIL were injured by rockets in Shama base");
        given().get("/claims/" + id).then()
                .body(containsString("Google recommends under 75"))
                .body(containsString("rating word &quot;false&quot;"));
    }

    @Test
    void theArticlePageIssuesTheSameNumberOfStatementsFor5And500Claims() {
        Long few = articleWithClaims(5);
        Long many = articleWithClaims(500);
        given().get("/articles/" + few).then().statusCode(200);

        long fewStatements = statementsFor("/articles/" + few);
        long manyStatements = statementsFor("/articles/" + many);

        assertEquals(fewStatements, manyStatements, "statements must not grow with the number of claims");
        assertTrue(fewStatements > 0);
    }

    private long statementsFor(String path) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        given().get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    private static Long articleWithClaims(int count) {
        Long articleId = Fixtures.seedRealArticle();
        org.claimdesk.account.Account alice = Fixtures.account(Fixtures.ALICE);
        QuarkusTransaction.requiringNew().run(() -> {
            ArticleRevision revision = Article.<Article>findById(articleId).currentRevision;
            for (int i = 0; i < count; i++) {
                int start = (i * 7) % (revision.length - 20);
                TextAnchor anchor = TextAnchor.fromPosition(revision.text, start, start + 15);
                Claim claim = Claim.anchoredIn(revision, anchor,
                        new ClaimFields("Claim " + i, null, null, null, null, null, List.of(), Priority.NORMAL, null),
                        org.claimdesk.account.Account.findById(alice.id));
                if (i % 3 == 0) {
                    claim.assignee = org.claimdesk.account.Account.findById(alice.id);
                }
                claim.persist();
            }
        });
        return articleId;
    }
}
