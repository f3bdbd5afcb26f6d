package org.claimdesk.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the history hash chain ({@code audit_chain}, see migration V0033 and docs/history.md) and
 * recomputes every link from the history rows as they are now, to tell whether history was changed
 * behind the append-only triggers' back (by a superuser or the tables' owner disabling them).
 *
 * <p>The canonical content of a revision is the line {@code audit_revision <row as JSON>} followed,
 * for every history table ({@code <table>_aud}, table names in byte order), by one line
 * {@code <table name> <row as JSON>} per row of that table with this revision id, rows ordered by
 * their JSON text in byte order; lines are joined by {@code \n} without a trailing newline.
 * {@code <row as JSON>} is PostgreSQL's {@code jsonb_strip_nulls(to_jsonb(row))::text} with the
 * session time zone UTC (keys sorted by length then bytes, timestamps ISO 8601 in UTC, null columns
 * left out). Each chain row holds
 * {@code hash = hex(SHA-256(UTF-8(previous_hash + "\n" + canonical)))}, lowercase, where
 * {@code previous_hash} is the hash of the row before in commit order (64 zeros for the first).
 *
 * <p>The rows are serialised by PostgreSQL's built-in JSON functions, but the hashes are computed
 * and compared here, independently of the database functions that wrote them. Reads run in one
 * read-only REPEATABLE READ transaction, so a consistent snapshot is checked while the desk works.
 * This class needs nothing but a JDBC connection: the admin page and the command line
 * ({@link VerifyAuditChain}) both use it.
 */
public final class AuditChainVerifier {

    /** The hash before the first revision: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /** Chain rows checked per round trip. */
    static final int BATCH = 500;

    private static final String TABLES_SQL = "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " where c.relkind = 'r' and n.nspname = current_schema() and c.relname like '%\\_aud' escape '\\'"
            + " order by c.relname collate \"C\"";

    /**
     * What the walk found.
     *
     * @param intact true when every link matched and every revision is chained
     * @param checked how many chain rows were recomputed (all of them when intact)
     * @param brokenRevision the first revision, in chain order, that does not match; null when intact
     * @param problem what is wrong with it, in words; null when intact
     * @param headHash the hash of the last chain row (to note down outside the database); null for an empty chain
     */
    public record Report(boolean intact, long checked, Long brokenRevision, String problem, String headHash) {

        /** One sentence for people: "History chain intact: …" or "History chain broken at revision …". */
        public String message() {
            if (intact) {
                return "History chain intact: " + checked + " revisions checked" + (headHash == null ? "."
                        : "; latest hash " + headHash + ".");
            }
            return "History chain broken at revision " + brokenRevision + ": " + problem;
        }
    }

    private AuditChainVerifier() {
    }

    /**
     * Walks the whole chain. The connection's auto-commit, read-only and isolation settings are
     * restored afterwards, so a pooled connection can be used.
     *
     * @param connection a connection to the Claimdesk database (any role that may read history)
     * @return the report
     * @throws SQLException when the database cannot be read (e.g. the chain table does not exist yet)
     */
    public static Report verify(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        boolean readOnly = connection.isReadOnly();
        int isolation = connection.getTransactionIsolation();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local time zone 'UTC'");
            }
            return walk(connection);
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setReadOnly(readOnly);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Report walk(Connection connection) throws SQLException {
        List<String> tables = tables(connection);
        String canonicalSql = canonicalSql(tables);
        String previous = GENESIS;
        long position = 0;
        long checked = 0;
        while (true) {
            List<ChainRow> batch = chainRows(connection, position);
            if (batch.isEmpty()) {
                break;
            }
            Map<Long, String> contents = canonical(connection, canonicalSql, tables.size() + 1,
                    batch.stream().map(ChainRow::revision).toList());
            for (ChainRow row : batch) {
                String problem = check(row, position + 1, previous, contents.get(row.revision()));
                if (problem != null) {
                    return new Report(false, checked, row.revision(), problem, null);
                }
                previous = row.hash();
                position = row.position();
                checked++;
            }
        }
        try (Statement statement = connection.createStatement(); ResultSet unchained = statement.executeQuery(
                "select r.id from audit_revision r where not exists (select 1 from audit_chain c where c.revision_id = r.id)"
                + " order by r.id limit 1")) {
            if (unchained.next()) {
                return new Report(false, checked, unchained.getLong(1),
                        "this revision is not in the chain (it was recorded with the chain trigger disabled, or its chain row was removed).",
                        null);
            }
        }
        return new Report(true, checked, null, null, checked == 0 ? null : previous);
    }

    /** Why a chain row does not match, or null when it does. */
    static String check(ChainRow row, long expectedPosition, String expectedPrevious, String canonical) {
        if (row.position() != expectedPosition) {
            return "chain position " + expectedPosition + " is missing (the next row found is at position " + row.position() + ").";
        }
        if (!row.previousHash().equals(expectedPrevious)) {
            return "its chain row does not point to the hash of the revision before it.";
        }
        if (canonical == null) {
            return "its revision row is missing.";
        }
        if (!row.hash().equals(hash(expectedPrevious, canonical))) {
            return "its recorded content changed after it was committed (the recomputed hash differs).";
        }
        return null;
    }

    /**
     * The hash of one chain link.
     *
     * @param previousHash the previous link's hash (lowercase hex), {@link #GENESIS} for the first
     * @param canonical the revision's canonical content
     * @return lowercase hex SHA-256 of the UTF-8 bytes of {@code previousHash + "\n" + canonical}
     */
    public static String hash(String previousHash, String canonical) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((previousHash + "\n" + canonical).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** One row of audit_chain. */
    record ChainRow(long position, long revision, String previousHash, String hash) {
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(TABLES_SQL)) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static List<ChainRow> chainRows(Connection connection, long afterPosition) throws SQLException {
        List<ChainRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select position, revision_id, previous_hash, hash"
                + " from audit_chain where position > ? order by position limit " + BATCH)) {
            statement.setLong(1, afterPosition);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new ChainRow(result.getLong(1), result.getLong(2), result.getString(3), result.getString(4)));
                }
            }
        }
        return rows;
    }

    /** One query that lists the canonical lines of a batch of revisions, in canonical order. */
    static String canonicalSql(List<String> tables) {
        StringBuilder sql = new StringBuilder("select x.revision_id, x.line from (select r.id as revision_id, '' as tbl,"
                + " 'audit_revision ' || jsonb_strip_nulls(to_jsonb(r))::text as line from audit_revision r where r.id = any(?)");
        for (String table : tables) {
            if (!table.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalStateException("Unexpected history table name: " + table);
            }
            sql.append(" union all select t.revision_id, '").append(table).append("', '").append(table)
                    .append(" ' || jsonb_strip_nulls(to_jsonb(t))::text from ").append(table).append(" t where t.revision_id = any(?)");
        }
        return sql.append(") x order by x.revision_id, x.tbl collate \"C\", x.line collate \"C\"").toString();
    }

    /**
     * The canonical content of revisions, as the chain hashes it (see the class documentation): for
     * a tool that appends many revisions at once (the benchmark's data seeder) and must chain them
     * exactly as the database would. Run it with the session time zone UTC.
     *
     * @param revisionIds revision ids, any order
     * @return revision id to canonical content, in id order, for the ids that have a revision row
     * @throws SQLException when the history tables cannot be read
     */
    public static Map<Long, String> canonicalContents(Connection connection, List<Long> revisionIds) throws SQLException {
        List<String> tables = tables(connection);
        return canonical(connection, canonicalSql(tables), tables.size() + 1, revisionIds);
    }

    /** The canonical content of each revision of the batch that still has its revision row. */
    private static Map<Long, String> canonical(Connection connection, String sql, int parameters, List<Long> batch)
            throws SQLException {
        Map<Long, List<String>> lines = new LinkedHashMap<>();
        Array ids = connection.createArrayOf("bigint", batch.toArray());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= parameters; i++) {
                statement.setArray(i, ids);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    lines.computeIfAbsent(result.getLong(1), id -> new ArrayList<>()).add(result.getString(2));
                }
            }
        } finally {
            ids.free();
        }
        Map<Long, String> contents = new LinkedHashMap<>();
        lines.forEach((id, content) -> {
            if (content.get(0).startsWith("audit_revision ")) {
                contents.put(id, String.join("\n", content));
            }
        });
        return contents;
    }
}
