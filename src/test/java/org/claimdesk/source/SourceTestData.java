package org.claimdesk.source;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.claimdesk.Fixtures;
import org.claimdesk.account.Account;
import org.claimdesk.claim.Claim;
import org.claimdesk.fetch.FetchResult;
import org.claimdesk.fetch.PageContent;

/** Helpers for source tests: adding sources over HTTP, waiting for snapshots, building rows directly. */
final class SourceTestData {

    private SourceTestData() {
    }

    /** A POST with the CSRF token of a page that has a form. */
    static RequestSpecification form(String page) {
        Fixtures.Csrf csrf = Fixtures.csrfFrom(page);
        return given().redirects().follow(false).cookie("claimdesk-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.token());
    }

    /** The minimal fields of a source with a URL: primary document, supports. */
    static Map<String, String> fields(String url) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("url", url);
        fields.put("kind", "PRIMARY_DOCUMENT");
        fields.put("stance", "SUPPORTS");
        return fields;
    }

    /** POST /sources for a claim with these fields (no redirects followed). */
    static Response addSource(Long claimId, Map<String, String> fields) {
        RequestSpecification request = form("/claims/" + claimId).formParam("claim", claimId);
        fields.forEach(request::formParam);
        return request.post("/sources");
    }

    /** Adds a source and returns its id, failing unless the answer is the redirect to the claim page. */
    static Long addedSource(Long claimId, Map<String, String> fields) {
        Response response = addSource(claimId, fields);
        if (response.statusCode() != 303) {
            fail("Source not added: " + response.statusCode() + " " + response.asString());
        }
        String location = response.getHeader("Location");
        return Long.valueOf(location.substring(location.indexOf("#source-") + "#source-".length()));
    }

    /** A source as stored, with its creator and retractor loaded. */
    static Source source(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> Source.findForPage(id));
    }

    static long sourceCount() {
        return QuarkusTransaction.requiringNew().call(() -> Source.count());
    }

    /** The newest snapshot of a source, or null. */
    static SourceSnapshot latest(Long sourceId) {
        return QuarkusTransaction.requiringNew().call(() -> SourceSnapshot.findLatest(Source.findById(sourceId)));
    }

    /** A snapshot's stored text. */
    static String text(Long snapshotId) {
        return QuarkusTransaction.requiringNew().call(() -> SourceSnapshot.getEntityManager()
                .createQuery("select n.text from SourceSnapshot n where n.id = ?1", String.class)
                .setParameter(1, snapshotId).getSingleResult());
    }

    /**
     * Waits (at most 20 s, checking every 100 ms) until the source's newest snapshot is no longer
     * PENDING, and returns it.
     */
    static SourceSnapshot awaitSnapshot(Long sourceId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            SourceSnapshot snapshot = latest(sourceId);
            if (snapshot != null && !snapshot.isPending()) {
                return snapshot;
            }
            sleep();
        }
        return fail("The snapshot of source " + sourceId + " is still pending after 20 s");
    }

    /** Waits (at most 20 s) until no snapshot anywhere is PENDING, so background work is over. */
    static void awaitNoPendingSnapshots() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (QuarkusTransaction.requiringNew().call(() -> SourceSnapshot.count("state", SnapshotState.PENDING)) > 0) {
            if (Instant.now().isAfter(deadline)) {
                fail("Snapshots still pending after 20 s");
            }
            sleep();
        }
    }

    /**
     * Stores a source directly (no fetch), optionally with a finished snapshot.
     *
     * @param snapshotBody HTML body of an OK snapshot, or null for no snapshot
     */
    static Long storedSource(Long claimId, String url, String title, SourceStance stance, String snapshotBody) {
        Account alice = Fixtures.account(Fixtures.ALICE);
        return QuarkusTransaction.requiringNew().call(() -> {
            Source source = Source.attachedTo(Claim.findById(claimId), new SourceFields(url, url == null ? "Phone call" : null,
                    title, null, SourceKind.NEWS_REPORT, stance, "An excerpt", null, Instant.now()), Account.findById(alice.id));
            source.persist();
            if (snapshotBody != null) {
                SourceSnapshot snapshot = SourceSnapshot.pending(source, SnapshotCause.ADDED, source.createdBy);
                snapshot.persist();
                snapshot.complete(okResult(url, snapshotBody), PageContent.of(okResult(url, snapshotBody)), null);
            }
            return source.id;
        });
    }

    /** A PENDING snapshot stored directly: nothing fetches it until {@link #finish} is called. */
    static Long pendingSnapshot(Long sourceId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SourceSnapshot snapshot = SourceSnapshot.pending(Source.findById(sourceId), SnapshotCause.FETCH_AGAIN, null);
            snapshot.persist();
            return snapshot.id;
        });
    }

    /** Completes a PENDING snapshot as if its fetch had answered this HTML body. */
    static void finish(Long snapshotId, String html) {
        QuarkusTransaction.requiringNew().run(() -> {
            SourceSnapshot snapshot = SourceSnapshot.findById(snapshotId);
            FetchResult result = okResult(snapshot.url, html);
            snapshot.complete(result, PageContent.of(result), SourceSnapshot.findPreviousOk(snapshot));
        });
    }

    static FetchResult okResult(String url, String html) {
        return new FetchResult(url, url, FetchResult.Outcome.OK, null, 200, "text/html; charset=utf-8", Instant.now(),
                html.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
