package org.claimdesk.source;

import static io.restassured.RestAssured.given;
import static org.claimdesk.source.SourceTestData.addSource;
import static org.claimdesk.source.SourceTestData.addedSource;
import static org.claimdesk.source.SourceTestData.fields;
import static org.claimdesk.source.SourceTestData.form;
import static org.claimdesk.source.SourceTestData.source;
import static org.claimdesk.source.SourceTestData.sourceCount;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.Map;
import org.claimdesk.Fixtures;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Sources over HTTP as alice (reviewer), with the default address rule: private addresses are
 * refused, so nothing here reaches a network (fetching is tested in {@link SourceSnapshotsTest}).
 */
@QuarkusTest
@TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
class SourcesTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void aSourceIsSavedWithEveryFieldAndListedUnderItsStance() {
        Long claimId = Fixtures.seedCarltonClaim();
        Map<String, String> typed = fields("https://archives.example/free-france/carlton-gardens");
        typed.put("title", "Free France in London");
        typed.put("publisher", "National Archives (example)");
        typed.put("stance", "supports");
        typed.put("excerpt", "General de Gaulle's headquarters moved to 4 Carlton Gardens in July 1940.");
        typed.put("note", "Matches the plaque on the building.");
        typed.put("accessedAt", "2024-11-22T14:05");

        Long id = addedSource(claimId, typed);

        Source saved = source(id);
        assertEquals("https://archives.example/free-france/carlton-gardens", saved.url);
        assertEquals("Free France in London", saved.title);
        assertEquals("National Archives (example)", saved.publisher);
        assertEquals(SourceKind.PRIMARY_DOCUMENT, saved.kind);
        assertEquals(SourceStance.SUPPORTS, saved.stance);
        assertEquals("Matches the plaque on the building.", saved.note);
        assertEquals(Instant.parse("2024-11-22T14:05:00Z"), saved.accessedAt);
        assertEquals(Fixtures.ALICE, saved.createdBy.username);
        assertTrue(saved.isActive());
        given().get("/claims/" + claimId).then().statusCode(200)
                .body(containsString("Sources (1)"))
                .body(containsString("Supports the claim (1)"))
                .body(containsString("id=\"source-" + id + "\""))
                .body(containsString("Primary document"))
                .body(containsString("National Archives (example)"))
                .body(containsString("General de Gaulle&#39;s headquarters moved to 4 Carlton Gardens"))
                .body(containsString("<section id=\"sources\" class=\"sources\" aria-labelledby=\"sources-heading\" data-swap-refusal>"))
                .body(containsString("<form action=\"/sources\" method=\"POST\""))
                .body(containsString("hx-post=\"/sources\""))
                .body(containsString("hx-target=\"#sources\""))
                .body(containsString("<script src=\"/static/form-refusals.js\" defer></script>"))
                .body(containsString("href=\"/sources/new?claim=" + claimId + "\""));
    }

    @Test
    void theFullFormPageOffersEveryFieldForAClaim() {
        Long claimId = Fixtures.seedCarltonClaim();
        given().get("/sources/new?claim=" + claimId).then().statusCode(200)
                .body(containsString("Add a source to claim #" + claimId))
                .body(containsString("name=\"claim\" value=\"" + claimId + "\""))
                .body(containsString("<label for=\"accessedAt\">Accessed at (UTC)</label>"))
                .body(containsString("<option value=\"OFFICIAL_STATEMENT\">Official statement</option>"))
                .body(containsString("<option value=\"REFUTES\">Refutes the claim</option>"));
        given().get("/sources/new?claim=987654321").then().statusCode(404);
    }

    @Test
    void accessedAtDefaultsToNow() {
        Long claimId = Fixtures.seedCarltonClaim();
        Instant before = Instant.now().minusSeconds(1);
        Long id = addedSource(claimId, fields("https://archives.example/default-accessed-at"));
        Instant accessed = source(id).accessedAt;
        assertTrue(!accessed.isBefore(before) && !accessed.isAfter(Instant.now()), accessed.toString());
    }

    @Test
    void aSourceWithoutUrlIsSavedWithItsDescriptionAndNoSnapshot() {
        Long claimId = Fixtures.seedCarltonClaim();
        Map<String, String> typed = fields("");
        typed.put("description", "Phone call with the Ordre de la Libération's archivist, 25 November 2024");
        typed.put("kind", "EXPERT");
        typed.put("stance", "CONTEXT");

        Long id = addedSource(claimId, typed);

        assertNull(source(id).url);
        assertNull(SourceTestData.latest(id), "nothing to fetch");
        given().get("/claims/" + claimId).then()
                .body(containsString("Context (1)"))
                .body(containsString("Phone call with the Ordre de la Libération&#39;s archivist"));
    }

    @Test
    void aLoopbackUrlIsRefusedByTheDefaultAddressRuleAsARecordedFailure() {
        Long claimId = Fixtures.seedCarltonClaim();
        Long id = addedSource(claimId, fields("http://127.0.0.1:9/internal-report"));

        SourceSnapshot snapshot = SourceTestData.awaitSnapshot(id);

        assertEquals(SnapshotState.FAILED, snapshot.state);
        assertEquals("refused: private address", snapshot.failure);
        assertNull(snapshot.httpStatus, "no request was sent");
        given().get("/claims/" + claimId).then().statusCode(200)
                .body(containsString("Snapshot failed:"))
                .body(containsString("refused: private address"));
    }

    @Test
    void badInputIsRefusedWith400AndAMessageAndSavesNothing() {
        Long claimId = Fixtures.seedCarltonClaim();
        long before = sourceCount();

        assertRefused(addSource(claimId, fields("javascript:alert(1)")), "The URL must be a web address");
        assertRefused(addSource(claimId, fields("data:text/html,hello")), "The URL must be a web address");
        assertRefused(addSource(claimId, fields("file:///etc/passwd")), "The URL must be a web address");
        assertRefused(addSource(claimId, fields("  ")), "Give the source&#39;s URL, or describe a source");
        Map<String, String> badKind = fields("https://archives.example/kind");
        badKind.put("kind", "RUMOUR");
        assertRefused(addSource(claimId, badKind), "The kind must be one of PRIMARY_DOCUMENT");
        Map<String, String> badStance = fields("https://archives.example/stance");
        badStance.put("stance", "MAYBE");
        assertRefused(addSource(claimId, badStance), "The stance must be one of SUPPORTS, REFUTES, CONTEXT");
        Map<String, String> noStance = fields("https://archives.example/no-stance");
        noStance.remove("stance");
        assertRefused(addSource(claimId, noStance), "Choose whether the source supports or refutes the claim");
        Map<String, String> future = fields("https://archives.example/future");
        future.put("accessedAt", "2999-01-01T00:00");
        assertRefused(addSource(claimId, future), "The accessed-at time is in the future.");
        Map<String, String> badDate = fields("https://archives.example/bad-date");
        badDate.put("accessedAt", "yesterday");
        assertRefused(addSource(claimId, badDate), "must be a date and time such as 2024-11-22T14:05");

        assertEquals(before, sourceCount());
        Map<String, String> kept = fields("javascript:alert(1)");
        kept.put("title", "Typed title stays");
        kept.put("excerpt", "Typed excerpt stays");
        addSource(claimId, kept).then().statusCode(400)
                .body(containsString("value=\"Typed title stays\""))
                .body(containsString(">Typed excerpt stays</textarea>"))
                .body(containsString("<option value=\"PRIMARY_DOCUMENT\" selected>"))
                .body(containsString("The source was not added"));
        form("/claims/" + claimId).formParam("claim", 987654321).formParam("url", "https://archives.example/x")
                .formParam("kind", "OTHER").formParam("stance", "CONTEXT").post("/sources").then().statusCode(404);
        assertEquals(before, sourceCount());
    }

    @Test
    void theSameUrlTwiceOnAClaimIsRefusedWithALinkToTheExistingSourceUntilItIsRetracted() {
        Long claimId = Fixtures.seedCarltonClaim();
        String url = "https://archives.example/free-france/duplicate";
        Long first = addedSource(claimId, fields(url));
        long before = sourceCount();

        addSource(claimId, fields("  " + url + " ")).then().statusCode(400)
                .body(containsString("This URL is already a source of this claim."))
                .body(containsString("href=\"/sources/" + first + "\""));
        assertEquals(before, sourceCount());

        Long otherClaim = Fixtures.seedCarltonClaim();
        addedSource(otherClaim, fields(url));

        form("/claims/" + claimId).formParam("reason", "Wrong document").post("/sources/" + first + "/retract")
                .then().statusCode(303);
        Long again = addedSource(claimId, fields(url));
        assertTrue(again > 0);
    }

    @Test
    void retractingNeedsAReasonAndKeepsTheSourceVisibleAsRetracted() {
        Long claimId = Fixtures.seedCarltonClaim();
        Long id = addedSource(claimId, fields("https://archives.example/retract-me"));

        form("/claims/" + claimId).formParam("reason", "   ").post("/sources/" + id + "/retract").then()
                .statusCode(400).body(containsString("Give a reason for retracting the source."));
        assertTrue(source(id).isActive());

        String reason = "The archive page is about 1945, not 1940-1944 (" + id + ")";
        Response retracted = form("/claims/" + claimId).formParam("reason", reason).post("/sources/" + id + "/retract");
        assertEquals(303, retracted.statusCode());
        assertTrue(retracted.getHeader("Location").endsWith("/claims/" + claimId + "#source-" + id));

        Source saved = source(id);
        assertFalse(saved.isActive());
        assertEquals(reason, saved.retractionReason);
        assertEquals(Fixtures.ALICE, saved.retractedBy.username);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Source.countActive(org.claimdesk.claim.Claim.findById(claimId))));
        long revisionsWithReason = QuarkusTransaction.requiringNew().call(() -> Source.getEntityManager()
                .createQuery("select count(r) from AuditRevision r where r.reason = ?1", Long.class)
                .setParameter(1, reason).getSingleResult());
        assertEquals(1, revisionsWithReason, "history records why");
        given().get("/claims/" + claimId).then()
                .body(containsString("Sources (0)"))
                .body(containsString("Retracted (1)"))
                .body(containsString("is-retracted"))
                .body(containsString(reason));
        form("/claims/" + claimId).formParam("reason", "Again").post("/sources/" + id + "/retract").then().statusCode(409);
        form("/claims/" + claimId).post("/sources/" + id + "/fetch").then().statusCode(409);
    }

    @Test
    void withHtmxAddingAnswersTheSourcesSectionAndARefusalComesBackInPlace() {
        Long claimId = Fixtures.seedCarltonClaim();
        Map<String, String> typed = fields("https://archives.example/htmx");
        typed.put("title", "Added with htmx");

        Response added = addSourceWithHtmx(claimId, typed);

        assertEquals(200, added.statusCode());
        String section = added.asString();
        assertTrue(section.startsWith("<section id=\"sources\""), section);
        assertFalse(section.contains("<html"), "a fragment, not a page");
        assertTrue(section.contains("Added with htmx"));
        assertTrue(section.contains("Source added; fetching a snapshot of its page."));

        typed.put("url", "file:///etc/passwd");
        Response refused = addSourceWithHtmx(claimId, typed);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().startsWith("<section id=\"sources\""));
        assertTrue(refused.asString().contains("<details class=\"add-source\" open>"));
        assertTrue(refused.asString().contains("The URL must be a web address"));
        assertTrue(refused.asString().contains("value=\"file:///etc/passwd\""), "the typed value is kept");
    }

    private static Response addSourceWithHtmx(Long claimId, Map<String, String> fields) {
        Fixtures.Csrf csrf = Fixtures.csrfFrom("/claims/" + claimId);
        var request = given().redirects().follow(false).cookie("claimdesk-csrf", csrf.cookie())
                .header("HX-Request", "true").header("X-CSRF-TOKEN", csrf.token()).formParam("csrf-token", csrf.token())
                .formParam("claim", claimId);
        fields.forEach(request::formParam);
        return request.post("/sources");
    }

    @Test
    void thePageOfAPendingSnapshotPollsEveryTwoSecondsUntilItIsDone() {
        Long claimId = Fixtures.seedCarltonClaim();
        Long sourceId = SourceTestData.storedSource(claimId, "https://archives.example/pending", null, SourceStance.SUPPORTS, null);
        Long snapshotId = SourceTestData.pendingSnapshot(sourceId);

        given().get("/claims/" + claimId).then()
                .body(containsString("Snapshot: fetching…"))
                .body(containsString("hx-get=\"/sources/" + sourceId + "/snapshot\" hx-trigger=\"every 2s\""));
        given().header("HX-Request", "true").get("/sources/" + sourceId + "/snapshot").then().statusCode(200)
                .body(containsString("hx-trigger=\"every 2s\""));

        SourceTestData.finish(snapshotId, "<html><head><title>Done</title></head><body><p>Fetched text</p></body></html>");

        given().header("HX-Request", "true").get("/sources/" + sourceId + "/snapshot").then().statusCode(200)
                .body(not(containsString("hx-trigger")))
                .body(containsString("as fetched at"));
        given().redirects().follow(false).get("/sources/" + sourceId + "/snapshot").then().statusCode(303);
    }

    @Test
    void aSuggestedTitleIsOfferedOnlyWhereNoneWasTypedAndNeverOverwritesOne() {
        Long claimId = Fixtures.seedCarltonClaim();
        String page = "<html><head><meta property=\"og:title\" content=\"Free France at Carlton Gardens\">"
                + "<meta property=\"og:site_name\" content=\"Example Archive\"></head><body><p>Text</p></body></html>";
        Long untitled = SourceTestData.storedSource(claimId, "https://archives.example/untitled", null, SourceStance.SUPPORTS, page);
        Long titled = SourceTestData.storedSource(claimId, "https://archives.example/titled", "My own title", SourceStance.REFUTES, page);
        Long untitledSnapshot = SourceTestData.latest(untitled).id;
        Long titledSnapshot = SourceTestData.latest(titled).id;

        String claimPage = given().get("/claims/" + claimId).asString();
        assertTrue(claimPage.contains("Use the page's title: “Free France at Carlton Gardens”"));
        assertTrue(claimPage.contains("The page's own title: “Free France at Carlton Gardens”"), "shown, not offered");
        assertEquals(2, claimPage.split("Use the page's publisher", -1).length - 1, "both have no publisher");

        form("/claims/" + claimId).formParam("snapshot", untitledSnapshot).formParam("field", "title")
                .post("/sources/" + untitled + "/suggestion").then().statusCode(303);
        form("/claims/" + claimId).formParam("snapshot", titledSnapshot).formParam("field", "title")
                .post("/sources/" + titled + "/suggestion").then().statusCode(409);
        form("/claims/" + claimId).formParam("snapshot", titledSnapshot).formParam("field", "title")
                .post("/sources/" + untitled + "/suggestion").then().statusCode(404);
        form("/claims/" + claimId).formParam("snapshot", untitledSnapshot).formParam("field", "note")
                .post("/sources/" + untitled + "/suggestion").then().statusCode(400);

        assertEquals("Free France at Carlton Gardens", source(untitled).title);
        assertEquals("My own title", source(titled).title);
    }

    @Test
    void theSnapshotTextIsShownAsEscapedTextAsFetched() {
        Long claimId = Fixtures.seedCarltonClaim();
        Long sourceId = SourceTestData.storedSource(claimId, "https://archives.example/escaped", null, SourceStance.CONTEXT,
                "<html><body><p>Plaque text &lt;script&gt;alert(1)&lt;/script&gt; at 4 Carlton Gardens</p></body></html>");
        SourceSnapshot snapshot = SourceTestData.latest(sourceId);

        String page = given().get("/sources/" + sourceId + "/snapshots/" + snapshot.id).then().statusCode(200).extract().asString();

        assertTrue(page.contains("As fetched at"));
        assertTrue(page.contains("<p>Plaque text &lt;script&gt;alert(1)&lt;/script&gt; at 4 Carlton Gardens</p>"), page);
        assertFalse(page.contains("<script>alert(1)"));
        assertTrue(page.contains(snapshot.sha256));
        Long otherSource = SourceTestData.storedSource(claimId, "https://archives.example/other", null, SourceStance.CONTEXT, null);
        given().get("/sources/" + otherSource + "/snapshots/" + snapshot.id).then().statusCode(404);
        given().get("/sources/987654321").then().statusCode(404);
    }

    @Test
    void theSourcePageListsEverySnapshot() {
        Long claimId = Fixtures.seedCarltonClaim();
        Long sourceId = SourceTestData.storedSource(claimId, "https://archives.example/history", null, SourceStance.SUPPORTS,
                "<p>First version</p>");
        SourceTestData.finish(SourceTestData.pendingSnapshot(sourceId), "<p>Second version</p>");

        String page = given().get("/sources/" + sourceId).then().statusCode(200).extract().asString();

        assertTrue(page.contains("Every snapshot (2)"), page);
        assertTrue(page.contains(">changed</td>"), "the second snapshot is compared with the first");
        assertEquals(SnapshotChange.CHANGED, SourceTestData.latest(sourceId).change);
    }

    @Test
    void theClaimPageIssuesTheSameNumberOfStatementsFor3And60Sources() {
        Long few = claimWithSources(3);
        Long many = claimWithSources(60);
        SourceTestData.awaitNoPendingSnapshots();
        given().get("/claims/" + few).then().statusCode(200);

        long fewStatements = statementsFor("/claims/" + few);
        long manyStatements = statementsFor("/claims/" + many);

        assertEquals(fewStatements, manyStatements, "statements must not grow with the number of sources");
        assertTrue(given().get("/claims/" + many).asString().contains("Sources (" + (60 - 60 / 4) + ")"));
    }

    @Test
    void theClaimPageLoadsItsSourcesOnceAndLeavesTheSimilarClaimsToItsOwnRequest() {
        Long claimId = claimWithSources(4);
        SourceTestData.awaitNoPendingSnapshots();
        given().get("/claims/" + claimId).then().statusCode(200);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        String page = given().get("/claims/" + claimId).then().statusCode(200).extract().asString();

        String sourcesQuery = "select s from Source s join fetch s.createdBy left join fetch s.retractedBy"
                + " where s.claim = ?1 order by s.id";
        assertEquals(1, statistics.getQueryStatistics(sourcesQuery).getExecutionCount(), "the sources are loaded once");
        assertTrue(java.util.Arrays.stream(statistics.getQueries()).noneMatch(query -> query.contains("claim_word_count")),
                "the similar-claims lookup is not part of the page: " + String.join("\n", statistics.getQueries()));
        assertTrue(page.contains("hx-get=\"/claims/" + claimId + "/similar\""), "the page loads it afterwards");
        assertTrue(page.contains("Sources (" + (4 - 4 / 4) + ")"), "every active source is shown");
        statistics.clear();
        given().header("HX-Request", "true").get("/claims/" + claimId + "/similar").then().statusCode(200);
        assertTrue(java.util.Arrays.stream(statistics.getQueries()).anyMatch(query -> query.contains("claim_word_count")),
                "the fragment runs the lookup (so its absence above is seen)");
    }

    private long statementsFor(String path) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        given().get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    private static Long claimWithSources(int count) {
        Long claimId = Fixtures.seedCarltonClaim();
        org.claimdesk.account.Account alice = Fixtures.account(Fixtures.ALICE);
        for (int i = 0; i < count; i++) {
            SourceStance stance = SourceStance.values()[i % 3];
            String url = i % 5 == 4 ? null : "https://archives.example/" + claimId + "/" + i;
            Long sourceId = SourceTestData.storedSource(claimId, url, i % 2 == 0 ? null : "Source " + i, stance,
                    url == null ? null : "<html><head><title>Page " + i + "</title></head><body><p>Text " + i + "</p></body></html>");
            if (i % 4 == 3) {
                QuarkusTransaction.requiringNew().run(() -> Source.<Source>findById(sourceId)
                        .retract(org.claimdesk.account.Account.findById(alice.id), "Not relevant"));
            }
        }
        return claimId;
    }

    private static void assertRefused(Response response, String message) {
        assertEquals(400, response.statusCode(), response.asString());
        assertTrue(response.asString().contains(message), "expected message: " + message + "\n" + response.asString());
    }
}
