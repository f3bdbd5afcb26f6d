package org.claimdesk.audit;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimdesk.Browser;
import org.claimdesk.Fixtures;
import org.claimdesk.claim.Claim;
import org.junit.jupiter.api.Test;

/**
 * The history hash chain: appended at commit for every revision, recomputed by the verifier (on
 * the admin page, from the command line and in code), which names the first revision a superuser
 * changed behind the disabled append-only trigger.
 */
@QuarkusTest
class AuditChainTest {

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URI app;

    AuditChainVerifier.Report verify() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return AuditChainVerifier.verify(connection);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    Long seedClaim(String summary) {
        return Fixtures.seedClaim(Fixtures.seedRealArticle(), "Carlton Gardens", summary);
    }

    @Test
    void everyCommittedRevisionIsChainedAndAnUntouchedChainIsIntact() throws SQLException {
        seedClaim("Carlton Gardens, chained");
        AuditChainVerifier.Report report = verify();
        assertTrue(report.intact(), report.message());
        assertNull(report.brokenRevision());
        assertEquals(count("select count(*) from audit_revision"), report.checked(), "every revision is chained");
        assertEquals(count("select max(position) from audit_chain"), report.checked(), "positions run 1, 2, 3, … without gaps");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet head = statement.executeQuery("select hash from audit_chain order by position desc limit 1")) {
            head.next();
            assertEquals(head.getString(1), report.headHash());
        }
        assertTrue(report.message().startsWith("History chain intact: " + report.checked() + " revisions checked"));
    }

    @Test
    void theChainHashIsSha256OfThePreviousHashAndTheDocumentedCanonicalContent() throws SQLException {
        Long claimId = seedClaim("Carlton Gardens, canonical");
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "select c.previous_hash, c.hash, r.changed_at, r.id from audit_chain c join audit_revision r on r.id = c.revision_id"
                + " where c.revision_id = (select min(revision_id) from claim_aud where id = ?)")) {
            statement.setLong(1, claimId);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next());
                String canonical = canonicalByHand(connection, row.getLong(4));
                assertTrue(canonical.startsWith("audit_revision {\"id\": " + row.getLong(4) + ", "), canonical);
                assertTrue(canonical.contains("\nclaim_aud {\"id\": " + claimId + ", "), canonical);
                List<String> tables = canonical.lines().skip(1).map(line -> line.substring(0, line.indexOf(' '))).toList();
                assertEquals(tables.stream().sorted().toList(), tables, "history tables in byte order");
                assertFalse(canonical.contains("null"), "null columns are left out");
                assertTrue(canonical.contains("+00:00\""), "timestamps in UTC");
                assertEquals(row.getString(2), AuditChainVerifier.hash(row.getString(1), canonical));
            }
        }
    }

    /** The canonical content as docs/history.md describes it, written out per table. */
    static String canonicalByHand(Connection connection, long revision) throws SQLException {
        StringBuilder content = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set time zone 'UTC'");
            try (ResultSet row = statement.executeQuery("select jsonb_strip_nulls(to_jsonb(r))::text from audit_revision r where id = " + revision)) {
                row.next();
                content.append("audit_revision ").append(row.getString(1));
            }
            for (String table : HistoryTables.listTables(connection)) {
                try (ResultSet rows = statement.executeQuery("select jsonb_strip_nulls(to_jsonb(t))::text from " + table
                        + " t where revision_id = " + revision + " order by jsonb_strip_nulls(to_jsonb(t))::text collate \"C\"")) {
                    while (rows.next()) {
                        content.append('\n').append(table).append(' ').append(rows.getString(1));
                    }
                }
            }
            statement.execute("reset time zone");
        }
        return content.toString();
    }

    @Test
    void aSuperuserWhoDisablesTheTriggerAndAltersOneHistoryRowIsNamedByTheVerifier() throws Exception {
        Long claimId = seedClaim("Carlton Gardens, to be tampered with");
        QuarkusTransaction.requiringNew().run(() -> {
            Claim claim = Claim.findById(claimId);
            claim.tags = "later";
            claim.updatedAt = Instant.now();
        });
        long tampered = count("select min(revision_id) from claim_aud where id = " + claimId);
        assertTrue(verify().intact(), "intact before");

        String original = tamper(claimId, tampered, "Carlton Gardens was never the Free French HQ");
        try {
            AuditChainVerifier.Report report = verify();
            assertFalse(report.intact());
            assertEquals(tampered, report.brokenRevision(), report.message());
            assertEquals(count("select position - 1 from audit_chain where revision_id = " + tampered), report.checked(),
                    "every revision before it still matched");
            assertEquals("History chain broken at revision " + tampered
                    + ": its recorded content changed after it was committed (the recomputed hash differs).", report.message());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String url;
            try (Connection connection = dataSource.getConnection()) {
                url = connection.getMetaData().getURL();
            }
            int status = VerifyAuditChain.run(new String[] {url, "postgres"}, Map.of("CLAIMDESK_DB_PASSWORD", "postgres"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, status, "the command exits 1 on a broken chain");
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("broken at revision " + tampered), err.toString(StandardCharsets.UTF_8));

            Browser carol = Browser.signIn(app, Fixtures.CAROL);
            carol.get("/admin").then().body(containsString("form method=\"get\" action=\"/admin/history-check\""));
            carol.get("/admin/history-check").then().statusCode(200)
                    .body(containsString("History chain broken at revision " + tampered));
            Browser.signIn(app, Fixtures.ALICE).get("/admin/history-check").then().statusCode(403);
        } finally {
            tamper(claimId, tampered, original);
        }
        AuditChainVerifier.Report restored = verify();
        assertTrue(restored.intact(), "restoring the original value makes it match again: " + restored.message());
        Browser.signIn(app, Fixtures.CAROL).get("/admin/history-check").then().statusCode(200)
                .body(containsString("History chain intact: "));
        assertTrue(VerifyAuditChain.run(new String[0], Map.of(), System.out, new PrintStream(new ByteArrayOutputStream())) == 2,
                "without a database URL the command explains its usage and exits 2");
    }

    /** As a superuser: disables the trigger, rewrites claimReviewed of one history row, re-enables it; returns the old value. */
    String tamper(Long claimId, long revision, String value) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String original;
            try (ResultSet row = statement.executeQuery("select claim_reviewed from claim_aud where id = " + claimId
                    + " and revision_id = " + revision)) {
                row.next();
                original = row.getString(1);
            }
            statement.execute("alter table claim_aud disable trigger claim_aud_append_only");
            try (PreparedStatement update = connection.prepareStatement(
                    "update claim_aud set claim_reviewed = ? where id = ? and revision_id = ?")) {
                update.setString(1, value);
                update.setLong(2, claimId);
                update.setLong(3, revision);
                assertEquals(1, update.executeUpdate());
            } finally {
                statement.execute("alter table claim_aud enable always trigger claim_aud_append_only");
            }
            return original;
        }
    }

    @Test
    void concurrentCommitsChainOneAfterAnother() throws Exception {
        List<Long> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claims.add(seedClaim("Carlton Gardens, concurrent " + i));
        }
        long before = count("select count(*) from audit_chain");
        List<Callable<Void>> edits = new ArrayList<>();
        for (Long claimId : claims) {
            edits.add(() -> {
                for (int round = 0; round < 10; round++) {
                    int tag = round;
                    QuarkusTransaction.requiringNew().run(() -> {
                        Claim claim = Claim.findById(claimId);
                        claim.tags = "concurrent-" + tag;
                        claim.updatedAt = Instant.now();
                    });
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Void> done : pool.invokeAll(edits)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 40, count("select count(*) from audit_chain"), "one chain row per committed revision");
        AuditChainVerifier.Report report = verify();
        assertTrue(report.intact(), report.message());
    }
}
