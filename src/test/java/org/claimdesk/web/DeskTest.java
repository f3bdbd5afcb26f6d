package org.claimdesk.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.claimdesk.Fixtures;
import org.claimdesk.account.Account;
import org.claimdesk.claim.Claim;
import org.claimdesk.fetch.FetchResult;
import org.claimdesk.fetch.PageContent;
import org.claimdesk.source.SnapshotCause;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceFields;
import org.claimdesk.source.SourceKind;
import org.claimdesk.source.SourceSnapshot;
import org.claimdesk.source.SourceStance;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** The desk page as alice (reviewer). */
@QuarkusTest
@TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
class DeskTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void sourcesWhoseNewestSnapshotChangedOrIsGoneAreListedWithAConstantNumberOfStatements() {
        Long claimId = Fixtures.seedCarltonClaim();
        Long gone = flaggedSource(claimId, "gone");
        given().get("/desk").then().statusCode(200);
        long oneFlagged = statementsFor("/desk");
        for (int i = 0; i < 8; i++) {
            flaggedSource(claimId, "more-" + i);
        }
        long manyFlagged = statementsFor("/desk");

        assertEquals(oneFlagged, manyFlagged, "statements must not grow with the number of flagged sources");
        String desk = given().get("/desk").asString();
        assertTrue(desk.contains("Sources that changed or disappeared"));
        assertTrue(desk.contains("href=\"/claims/" + claimId + "#source-"), desk);
        assertTrue(desk.contains("answered “404”"), "a gone page says how it answered");

        QuarkusTransaction.requiringNew().run(() -> Source.<Source>findById(gone)
                .retract(Account.findBySubject(Fixtures.ALICE), "Replaced"));
        assertTrue(!given().get("/desk").asString().contains("#source-" + gone + "\""), "retracted sources are not flagged");
    }

    /** A source with an OK snapshot followed by one that answered 404 (GONE). */
    private static Long flaggedSource(Long claimId, String name) {
        Account alice = Fixtures.account(Fixtures.ALICE);
        return QuarkusTransaction.requiringNew().call(() -> {
            String url = "https://archives.example/desk/" + claimId + "/" + name;
            Source source = Source.attachedTo(Claim.findById(claimId), new SourceFields(url, null, null, null,
                    SourceKind.DATASET, SourceStance.CONTEXT, null, null, Instant.now()), Account.findById(alice.id));
            source.persist();
            SourceSnapshot first = SourceSnapshot.pending(source, SnapshotCause.ADDED, null);
            first.persist();
            FetchResult ok = new FetchResult(url, url, FetchResult.Outcome.OK, null, 200, "text/plain", Instant.now(),
                    "Rows".getBytes(StandardCharsets.UTF_8));
            first.complete(ok, PageContent.of(ok), null);
            SourceSnapshot second = SourceSnapshot.pending(source, SnapshotCause.LINK_CHECK, null);
            second.requestedAt = first.requestedAt.plusSeconds(1);
            second.persist();
            FetchResult missing = new FetchResult(url, url, FetchResult.Outcome.HTTP_ERROR, "404", 404, "text/plain",
                    Instant.now(), null);
            second.complete(missing, PageContent.NONE, first);
            return source.id;
        });
    }

    private long statementsFor(String path) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        given().get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }
}
