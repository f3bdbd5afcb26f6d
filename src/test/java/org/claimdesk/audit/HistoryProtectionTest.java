package org.claimdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.claimdesk.Fixtures;
import org.claimdesk.account.Account;
import org.hibernate.envers.AuditReaderFactory;
import org.junit.jupiter.api.Test;

/**
 * Nobody rewrites history: the database refuses UPDATE, DELETE and TRUNCATE on the revision table,
 * every history table and the hash chain, for the application's own user (a superuser in tests)
 * and for an ordinary role granted every privilege; audited rows are never deleted; and every
 * entity a person changes is audited.
 */
@QuarkusTest
class HistoryProtectionTest {

    static final String PROBE_ROLE = "claimdesk_history_probe";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    /** The history of a fresh claim: its id and the revision that created it. */
    long[] claimWithHistory() {
        Long articleId = Fixtures.seedRealArticle();
        Long claimId = Fixtures.seedClaim(articleId, "Carlton Gardens", "Carlton Gardens was the Free French HQ");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select min(revision_id) from claim_aud where id = " + claimId)) {
            assertTrue(row.next());
            return new long[] {claimId, row.getLong(1)};
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String refusal(Connection connection, String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }, "refused: " + sql);
        return refused.getMessage();
    }

    @Test
    void theApplicationsDatabaseUserCannotUpdateDeleteOrTruncateHistory() throws SQLException {
        long[] claim = claimWithHistory();
        try (Connection connection = dataSource.getConnection()) {
            assertTrue(refusal(connection, "update claim_aud set claim_reviewed = 'rewritten' where id = " + claim[0])
                    .contains("Claimdesk history is append-only: UPDATE on claim_aud is refused"));
            assertTrue(refusal(connection, "delete from claim_aud where id = " + claim[0])
                    .contains("Claimdesk history is append-only: DELETE on claim_aud is refused"));
            assertTrue(refusal(connection, "update audit_revision set reason = 'rewritten' where id = " + claim[1])
                    .contains("Claimdesk history is append-only: UPDATE on audit_revision is refused"));
            assertTrue(refusal(connection, "delete from audit_revision where id = " + claim[1])
                    .contains("Claimdesk history is append-only: DELETE on audit_revision is refused"));
            assertTrue(refusal(connection, "update audit_chain set hash = repeat('0', 64) where revision_id = " + claim[1])
                    .contains("Claimdesk history is append-only: UPDATE on audit_chain is refused"));
            assertTrue(refusal(connection, "truncate verdict_aud")
                    .contains("Claimdesk history is append-only: TRUNCATE on verdict_aud is refused"));
            try (Statement statement = connection.createStatement()) {
                statement.execute("set session_replication_role = replica");
                assertTrue(refusal(connection, "delete from claim_aud where id = " + claim[0]).contains("append-only"),
                        "replica mode does not bypass the triggers");
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("reset session_replication_role");
                }
            }
            try (Statement statement = connection.createStatement(); ResultSet user = statement.executeQuery(
                    "select count(*) from claim_aud where id = " + claim[0] + " and claim_reviewed = 'rewritten'")) {
                user.next();
                assertEquals(0, user.getInt(1), "nothing was rewritten");
            }
        }
    }

    @Test
    void anOrdinaryRoleWithEveryPrivilegeIsRefusedToo() throws SQLException {
        long[] claim = claimWithHistory();
        String url;
        try (Connection admin = dataSource.getConnection(); Statement statement = admin.createStatement()) {
            url = admin.getMetaData().getURL();
            statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + PROBE_ROLE + "') then"
                    + " create role " + PROBE_ROLE + " login password 'probe'; end if; end $$");
            statement.execute("grant all privileges on all tables in schema " + schema(admin) + " to " + PROBE_ROLE);
            statement.execute("grant usage on schema " + schema(admin) + " to " + PROBE_ROLE);
        }
        try (Connection probe = DriverManager.getConnection(url, PROBE_ROLE, "probe");
                Statement statement = probe.createStatement();
                ResultSet who = statement.executeQuery("select current_user, rolsuper from pg_roles where rolname = current_user")) {
            assertTrue(who.next());
            assertEquals(PROBE_ROLE, who.getString(1));
            assertFalse(who.getBoolean(2), "an ordinary role, not a superuser");
            assertTrue(refusal(probe, "update claim_aud set claim_reviewed = 'rewritten' where id = " + claim[0])
                    .contains("Claimdesk history is append-only: UPDATE on claim_aud is refused"));
            assertTrue(refusal(probe, "delete from audit_revision where id = " + claim[1])
                    .contains("Claimdesk history is append-only: DELETE on audit_revision is refused"));
            assertTrue(refusal(probe, "truncate audit_chain").contains("append-only"));
        }
    }

    @Test
    void nothingAuditedIsPhysicallyDeleted() throws SQLException {
        long[] claim = claimWithHistory();
        try (Connection connection = dataSource.getConnection()) {
            assertTrue(refusal(connection, "delete from claim where id = " + claim[0])
                    .contains("Claimdesk keeps every row of claim: DELETE is refused"));
            assertTrue(refusal(connection, "truncate comment cascade").contains("Claimdesk keeps every row of comment"));
            assertTrue(refusal(connection, "delete from rating_level where id = 1").contains("keeps every row of rating_level"));
        }
    }

    @Test
    void everyHistoryTableAndEveryAuditedTableCarriesItsTriggers() throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> historyTables = HistoryTables.listTables(connection);
            assertTrue(historyTables.containsAll(List.of("claim_aud", "source_aud", "verdict_aud", "sign_off_aud",
                    "comment_aud", "article_aud", "article_revision_aud", "rating_scale_aud", "rating_level_aud")));
            List<String> appendOnly = new ArrayList<>(historyTables);
            appendOnly.addAll(List.of("audit_revision", "audit_chain"));
            for (String table : appendOnly) {
                expectTrigger(connection, table, table + "_append_only", missing);
                expectTrigger(connection, table, table + "_no_truncate", missing);
            }
            for (String history : historyTables) {
                String audited = history.substring(0, history.length() - 4);
                expectTrigger(connection, audited, audited + "_keep_rows", missing);
                expectTrigger(connection, audited, audited + "_no_truncate", missing);
            }
            expectTrigger(connection, "audit_revision", "audit_revision_chain", missing);
        }
        assertEquals(List.of(), missing, "triggers missing or not enabled ALWAYS");
    }

    @Test
    void everyEntityAPersonChangesIsAuditedAndAccountsAreNot() {
        List<String> notAudited = new ArrayList<>();
        for (EntityType<?> entity : entityManager.getMetamodel().getEntities()) {
            Class<?> type = entity.getJavaType();
            boolean audited = AuditReaderFactory.get(entityManager).isEntityClassAudited(type);
            // FormSubmission only remembers which idempotency keys were used (double-click protection).
            if (type == Account.class || type == AuditRevision.class || type == org.claimdesk.web.FormSubmission.class) {
                assertFalse(audited, type.getSimpleName() + " is not audited");
            } else if (!audited) {
                notAudited.add(type.getName());
            }
        }
        assertEquals(List.of(), notAudited, "every entity a person changes is @Audited");
    }

    private static void expectTrigger(Connection connection, String table, String trigger, List<String> missing) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                "select t.tgenabled from pg_trigger t join pg_class c on c.oid = t.tgrelid"
                + " where c.relname = '" + table + "' and t.tgname = '" + trigger + "'")) {
            if (!row.next() || !"A".equals(row.getString(1))) {
                missing.add(table + "." + trigger);
            }
        }
    }

    private static String schema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("select current_schema()")) {
            row.next();
            return row.getString(1);
        }
    }
}
