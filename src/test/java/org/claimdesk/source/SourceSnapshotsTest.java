package org.claimdesk.source;

import static io.restassured.RestAssured.given;
import static org.claimdesk.source.SourceTestData.addedSource;
import static org.claimdesk.source.SourceTestData.awaitSnapshot;
import static org.claimdesk.source.SourceTestData.fields;
import static org.claimdesk.source.SourceTestData.form;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimdesk.Fixtures;
import org.claimdesk.LocalFetching;
import org.claimdesk.fetch.FixtureSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Snapshots fetched in the background from a local fixture site, with private addresses allowed
 * (the address rule switched on: loopback is fetched), and the link check.
 */
@QuarkusTest
@TestProfile(LocalFetching.class)
@TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
class SourceSnapshotsTest {

    static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static FixtureSite site;

    @Inject
    SourceSnapshots snapshots;

    @BeforeAll
    static void startSite() {
        site = FixtureSite.start(16);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void addingAFixturePageToTheCarltonGardensClaimStoresItsSnapshot() throws Exception {
        Long claimId = Fixtures.seedCarltonClaim();
        Instant before = Instant.now();
        Map<String, String> typed = fields(site.url("/article"));
        typed.put("title", "Typed by the reviewer");

        Long sourceId = addedSource(claimId, typed);
        SourceSnapshot snapshot = awaitSnapshot(sourceId);

        assertEquals(SnapshotState.OK, snapshot.state, snapshot.failure);
        assertEquals(SnapshotCause.ADDED, snapshot.cause);
        assertEquals(site.url("/article"), snapshot.url);
        assertEquals(site.url("/article"), snapshot.finalUrl);
        assertEquals(200, snapshot.httpStatus);
        assertEquals("text/html; charset=utf-8", snapshot.contentType);
        assertTrue(!snapshot.fetchedAt.isBefore(before) && !snapshot.fetchedAt.isAfter(Instant.now()));
        assertEquals(sha256(FixtureSite.ARTICLE), snapshot.sha256);
        assertEquals(FixtureSite.ARTICLE.length, snapshot.sizeBytes);
        assertEquals(FixtureSite.ARTICLE_TITLE, snapshot.suggestedTitle);
        assertEquals(FixtureSite.ARTICLE_PUBLISHER, snapshot.suggestedPublisher);
        assertNull(snapshot.change, "nothing to compare the first snapshot with");
        String text = SourceTestData.text(snapshot.id);
        assertTrue(text.contains(FixtureSite.ARTICLE_SENTENCE), text);
        assertFalse(text.contains("tracker"));
        assertEquals("Typed by the reviewer", SourceTestData.source(sourceId).title, "the page's title never overwrites");

        given().get("/claims/" + claimId).then().statusCode(200)
                .body(containsString("as fetched at " + UTC_MINUTES.format(snapshot.fetchedAt)))
                .body(containsString("The page's own title: “" + FixtureSite.ARTICLE_TITLE + "”"))
                .body(containsString("Use the page's publisher: “" + FixtureSite.ARTICLE_PUBLISHER + "”"));
        given().get("/sources/" + sourceId + "/snapshots/" + snapshot.id).then().statusCode(200)
                .body(containsString("From 1940 to 1944, 4 Carlton Gardens in London was the headquarters of General de Gaulle&#39;s Free French."));
    }

    @Test
    void aRedirectedPageRecordsItsFinalUrl() {
        Long claimId = Fixtures.seedCarltonClaim();
        Long sourceId = addedSource(claimId, fields(site.url("/hop/3")));
        SourceSnapshot snapshot = awaitSnapshot(sourceId);
        assertEquals(SnapshotState.OK, snapshot.state);
        assertEquals(site.url("/hop/3"), snapshot.url);
        assertEquals(site.url("/article"), snapshot.finalUrl);
    }

    @Test
    void aFailedFetchIsARecordedStateOnTheClaimPageNotAnErrorPage() {
        Long claimId = Fixtures.seedCarltonClaim();
        Long missing = addedSource(claimId, fields(site.url("/missing")));
        Long tooManyHops = addedSource(claimId, fields(site.url("/hop/6")));

        assertEquals("404", awaitSnapshot(missing).failure);
        assertEquals(404, awaitSnapshot(missing).httpStatus);
        assertEquals("too many redirects", awaitSnapshot(tooManyHops).failure);
        given().get("/claims/" + claimId).then().statusCode(200)
                .body(containsString("<strong>404</strong>"))
                .body(containsString("<strong>too many redirects</strong>"));
    }

    @Test
    void aPdfKeepsStatusTypeSizeAndHashWithoutText() throws Exception {
        Long claimId = Fixtures.seedCarltonClaim();
        Long sourceId = addedSource(claimId, fields(site.url("/report.pdf")));
        SourceSnapshot snapshot = awaitSnapshot(sourceId);

        assertEquals(SnapshotState.OK, snapshot.state);
        assertEquals("application/pdf", snapshot.contentType);
        assertEquals(FixtureSite.PDF.length, snapshot.sizeBytes);
        assertEquals(sha256(FixtureSite.PDF), snapshot.sha256);
        assertNull(SourceTestData.text(snapshot.id));
        assertNull(snapshot.suggestedTitle);
        given().get("/sources/" + sourceId + "/snapshots/" + snapshot.id).then().statusCode(200)
                .body(containsString("No text was kept for this snapshot (application/pdf)"));
    }

    @Test
    void fetchAgainAddsASnapshotAndKeepsTheEarlierOnes() {
        Long claimId = Fixtures.seedCarltonClaim();
        Long sourceId = addedSource(claimId, fields(site.url("/article")));
        SourceSnapshot first = awaitSnapshot(sourceId);

        form("/claims/" + claimId).post("/sources/" + sourceId + "/fetch").then().statusCode(303);
        SourceSnapshot second = awaitSnapshot(sourceId);

        assertNotEquals(first.id, second.id);
        assertEquals(SnapshotCause.FETCH_AGAIN, second.cause);
        assertEquals(SnapshotChange.UNCHANGED, second.change);
        List<SourceSnapshot> all = QuarkusTransaction.requiringNew()
                .call(() -> SourceSnapshot.findBySource(Source.findById(sourceId)));
        assertEquals(List.of(second.id, first.id), all.stream().map(s -> s.id).toList());
    }

    @Test
    void theLinkCheckFlagsAPageWhoseContentChangedAndOneThatStartedToAnswer404() {
        String changing = "/changing-" + UUID.randomUUID();
        String vanishing = "/vanishing-" + UUID.randomUUID();
        String steady = "/steady-" + UUID.randomUUID();
        site.page(changing, "<html><body><article><p>The plaque was unveiled in 1993.</p></article></body></html>");
        site.page(vanishing, "<html><body><p>Archive record 42.</p></body></html>");
        site.page(steady, "<html><body><p>Unchanging record.</p></body></html>");
        Long claimId = Fixtures.seedCarltonClaim();
        Long changed = addedSource(claimId, fields(site.url(changing)));
        Long gone = addedSource(claimId, fields(site.url(vanishing)));
        Long same = addedSource(claimId, fields(site.url(steady)));
        List.of(changed, gone, same).forEach(SourceTestData::awaitSnapshot);

        site.page(changing, "<html><body><article><p>The plaque was unveiled in 1994.</p></article></body></html>");
        site.status(vanishing, 404);
        SourceSnapshots.LinkCheck result = snapshots.checkLinks(Instant.now().plusSeconds(1));

        assertTrue(result.checked() >= 3);
        assertTrue(result.changed() >= 1 && result.gone() >= 1, result.toString());
        SourceSnapshot changedSnapshot = SourceTestData.latest(changed);
        assertEquals(SnapshotCause.LINK_CHECK, changedSnapshot.cause);
        assertNull(changedSnapshot.requestedBy);
        assertEquals(SnapshotChange.CHANGED, changedSnapshot.change);
        assertEquals(SnapshotChange.GONE, SourceTestData.latest(gone).change);
        assertEquals("404", SourceTestData.latest(gone).failure);
        assertEquals(SnapshotChange.UNCHANGED, SourceTestData.latest(same).change);

        given().get("/claims/" + claimId).then()
                .body(containsString("<strong>Changed:</strong>"))
                .body(containsString("<strong>Gone:</strong> the page answered “404”"));
        String desk = given().get("/desk").asString();
        assertTrue(desk.contains("href=\"/claims/" + claimId + "#source-" + changed + "\""), "the changed page is on the desk");
        assertTrue(desk.contains("href=\"/claims/" + claimId + "#source-" + gone + "\""), "the vanished page is on the desk");
        assertFalse(desk.contains("#source-" + same + "\""), "an unchanged page is not");

        SourceSnapshots.LinkCheck again = snapshots.checkLinks(Instant.now().minusSeconds(3600));
        assertEquals(0, again.checked(), "sources fetched within the interval are not due");
    }
}
