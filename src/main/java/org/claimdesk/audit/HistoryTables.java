package org.claimdesk.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The history tables ({@code <table>_aud}) present in the database, as kinds of audited object,
 * with how each kind belongs to a claim and an article. The claim timeline, the audit log and the
 * hash chain verifier build their SQL from these kinds.
 *
 * <p>The tables are read from the database catalog once at start-up, so a history table added by
 * a migration is picked up without code changes: a table the code does not know yet is still
 * listed in the audit log under its own name, just not attached to a claim or an article.
 * Every SQL fragment here is a constant of this class; none is built from user input.
 */
@ApplicationScoped
public class HistoryTables {

    /** SQL that lists the history tables of the current schema, names in byte order. */
    public static final String LIST_TABLES_SQL = "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " where c.relkind = 'r' and n.nspname = current_schema() and c.relname like '%\\_aud' escape '\\'"
            + " order by c.relname collate \"C\"";

    /**
     * One kind of audited object.
     *
     * @param name the entity table's name, e.g. {@code "claim"}; also the value of the audit log's kind filter
     * @param label how the kind reads on a page, e.g. "Sign-off"
     * @param claimOf SQL expression over the history row {@code x} giving the claim id, or {@code "null"}
     * @param articleOf SQL expression over {@code x} giving the article id, or {@code "null"}
     * @param rowsOfClaim SQL condition over {@code x} with the parameter {@code :claim} that selects the
     *        history rows of one claim's timeline (index-friendly), or null when the kind is not on a timeline
     * @param idOf SQL expression over {@code x} giving the object's id ({@code "x.id"}), or {@code "null"} for
     *        history tables the code does not know (which may have no single id column)
     */
    public record Kind(String name, String label, String claimOf, String articleOf, String rowsOfClaim, String idOf) {

        Kind(String name, String label, String claimOf, String articleOf, String rowsOfClaim) {
            this(name, label, claimOf, articleOf, rowsOfClaim, "x.id");
        }

        /** The history table, e.g. {@code claim_aud}. */
        public String table() {
            return name + "_aud";
        }

        /** True when rows of this kind appear on a claim's timeline. */
        public boolean onClaimTimeline() {
            return rowsOfClaim != null;
        }
    }

    private static final String ARTICLE_OF_CLAIM = "(select c.article_id from claim c where c.id = %s)";

    /** The kinds the code knows, in the order the audit log's kind filter lists them. */
    static final List<Kind> KNOWN = List.of(
            new Kind("article", "Article", "null", "x.id", null),
            new Kind("article_revision", "Article text revision", "null", "x.article_id", null),
            new Kind("claim", "Claim", "x.id", "x.article_id", "x.id = :claim"),
            new Kind("source", "Source", "x.claim_id", ARTICLE_OF_CLAIM.formatted("x.claim_id"), "x.claim_id = :claim"),
            new Kind("source_snapshot", "Source snapshot", "(select s.claim_id from source s where s.id = x.source_id)",
                    ARTICLE_OF_CLAIM.formatted("(select s.claim_id from source s where s.id = x.source_id)"),
                    "x.source_id in (select s.id from source s where s.claim_id = :claim)"),
            new Kind("verdict", "Verdict", "x.claim_id", ARTICLE_OF_CLAIM.formatted("x.claim_id"), "x.claim_id = :claim"),
            new Kind("sign_off", "Sign-off", "(select v.claim_id from verdict v where v.id = x.verdict_id)",
                    ARTICLE_OF_CLAIM.formatted("(select v.claim_id from verdict v where v.id = x.verdict_id)"),
                    "x.verdict_id in (select v.id from verdict v where v.claim_id = :claim)"),
            new Kind("comment", "Comment", "x.claim_id", ARTICLE_OF_CLAIM.formatted("x.claim_id"), "x.claim_id = :claim"),
            new Kind("rating_scale", "Rating scale", "null", "null", null),
            new Kind("rating_level", "Rating level", "null", "null", null),
            new Kind("desk_settings", "Desk settings", "null", "null", null));

    @Inject
    AgroalDataSource dataSource;

    private static final Logger LOG = Logger.getLogger(HistoryTables.class);

    private volatile Map<String, Kind> present = Map.of();

    void onStart(@Observes StartupEvent event) {
        try {
            refresh();
        } catch (IllegalStateException e) {
            LOG.warn("History tables not read at start-up; trying again on first use", e);
        }
    }

    /** Reads the history tables from the database catalog again (start-up does it once). */
    public void refresh() {
        try (Connection connection = dataSource.getConnection()) {
            present = kindsOf(listTables(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the history tables from the database catalog", e);
        }
    }

    /** The kinds whose history table exists, known kinds first in their order, then unknown ones by name. */
    public List<Kind> kinds() {
        return List.copyOf(present().values());
    }

    /** The kinds that appear on a claim's timeline. */
    public List<Kind> claimTimelineKinds() {
        return present().values().stream().filter(Kind::onClaimTimeline).toList();
    }

    /** The kind with this name, if its history table exists. */
    public Optional<Kind> kind(String name) {
        return Optional.ofNullable(name == null ? null : present().get(name));
    }

    /** How a kind name reads on a page ("sign_off" → "Sign-off"); the words of the name for unknown kinds. */
    public String label(String name) {
        Kind kind = present().get(name);
        return kind != null ? kind.label() : words(name);
    }

    private Map<String, Kind> present() {
        if (present.isEmpty()) {
            refresh();
        }
        return present;
    }

    /**
     * The history table names of a database, in byte order.
     *
     * @throws SQLException when the catalog cannot be read
     */
    public static List<String> listTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(LIST_TABLES_SQL)) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** The kinds for a list of history table names: known kinds in their order, then the others. */
    static Map<String, Kind> kindsOf(List<String> tables) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (Kind known : KNOWN) {
            if (tables.contains(known.table())) {
                kinds.put(known.name(), known);
            }
        }
        for (String table : tables) {
            String name = table.substring(0, table.length() - "_aud".length());
            if (!kinds.containsKey(name) && name.matches("[a-z_][a-z0-9_]*")) {
                kinds.put(name, new Kind(name, words(name), "null", "null", null, "null"));
            }
        }
        return kinds;
    }

    /** "rating_level" → "Rating level". */
    static String words(String name) {
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
