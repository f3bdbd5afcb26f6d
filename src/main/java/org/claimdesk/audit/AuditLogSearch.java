package org.claimdesk.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The desk's audit log: every revision, newest first, narrowed by an {@link AuditLogFilter}, with
 * the objects each revision changed. Pages are keyset-paged by revision id and cost two SQL
 * statements however long history is; the CSV export streams every matching change from one
 * cursor without holding the result in memory.
 */
@ApplicationScoped
public class AuditLogSearch {

    /** Revisions per page. */
    public static final int PAGE_SIZE = 50;

    /** The CSV export's header row. */
    public static final List<String> CSV_HEADER = List.of("revision", "changed_at_utc", "person", "username", "request_id",
            "reason", "kind", "object_id", "change", "claim_id", "article_id");

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    HistoryTables tables;

    /**
     * One page of the log.
     *
     * @param rows the revisions, newest first
     * @param olderBefore the keyset of the next older page, or null when this is the oldest
     */
    public record Page(List<Row> rows, Long olderBefore) {
    }

    /**
     * One revision.
     *
     * @param revision its id
     * @param changedAt when it was committed (UTC)
     * @param person who made it (display name), or {@link ClaimTimeline#SYSTEM}
     * @param reason the reason recorded, or null
     * @param requestId the HTTP request it came from, or null
     * @param changes the objects it changed (only those matching the kind and article filters)
     */
    public record Row(long revision, Instant changedAt, String person, String reason, String requestId, List<ObjectChange> changes) {
    }

    /**
     * One object a revision changed.
     *
     * @param kind the kind's name
     * @param kindLabel how the kind reads
     * @param objectId the object's id, or null for history tables without a single id
     * @param change "added", "changed" or "removed"
     * @param claimId the claim it belongs to, or null
     * @param articleId the article it belongs to, or null
     */
    public record ObjectChange(String kind, String kindLabel, Long objectId, String change, Long claimId, Long articleId) {
    }

    /**
     * One page of revisions matching the filter.
     *
     * @param before only revisions with a smaller id (the previous page's {@code olderBefore}), or null for the newest
     */
    @SuppressWarnings("unchecked")
    public Page page(AuditLogFilter filter, Long before) {
        Map<String, Object> parameters = new HashMap<>();
        String where = revisionConditions(filter, parameters);
        Query revisions = entityManager.createNativeQuery("select r.id, r.changed_at, a.display_name, r.reason, r.request_id"
                + " from audit_revision r left join account a on a.id = r.account_id"
                + " where r.id < :before" + where + " order by r.id desc limit :limit");
        parameters.forEach(revisions::setParameter);
        List<Object[]> found = revisions.setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setParameter("limit", PAGE_SIZE + 1).getResultList();
        boolean hasOlder = found.size() > PAGE_SIZE;
        List<Object[]> shown = hasOlder ? found.subList(0, PAGE_SIZE) : found;
        List<Long> ids = shown.stream().map(row -> ((Number) row[0]).longValue()).toList();

        Map<String, Object> changeParameters = new HashMap<>();
        Query changes = entityManager.createNativeQuery("select c.revision_id, c.kind, c.object_id, c.revision_type, c.claim_id,"
                + " c.article_id from (" + changes(filter, "x.revision_id in (:revisions)", changeParameters) + ") c"
                + " order by c.revision_id desc, c.kind, c.object_id");
        changeParameters.forEach(changes::setParameter);
        List<Object[]> changeRows = changes.setParameter("revisions", ids.isEmpty() ? List.of(-1L) : ids).getResultList();
        Map<Long, List<ObjectChange>> byRevision = new LinkedHashMap<>();
        for (Object[] row : changeRows) {
            byRevision.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add(new ObjectChange(
                    (String) row[1], tables.label((String) row[1]), asLong(row[2]), changeWord(((Number) row[3]).intValue()),
                    asLong(row[4]), asLong(row[5])));
        }
        List<Row> rows = shown.stream().map(row -> new Row(((Number) row[0]).longValue(), ClaimTimeline.instant(row[1]),
                row[2] == null ? ClaimTimeline.SYSTEM : (String) row[2], (String) row[3], (String) row[4],
                byRevision.getOrDefault(((Number) row[0]).longValue(), List.of()))).toList();
        return new Page(rows, hasOlder ? ids.get(ids.size() - 1) : null);
    }

    /**
     * Writes every change of every matching revision as CSV (RFC 4180, UTF-8, header row
     * {@link #CSV_HEADER}), newest revision first, streaming from a database cursor. Cells that a
     * spreadsheet would read as a formula (starting with {@code = + - @}, tab or carriage return)
     * get a leading apostrophe.
     *
     * @throws UncheckedIOException when the output or the database fails
     */
    public void exportCsv(AuditLogFilter filter, OutputStream output) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String sql = "select r.id, r.changed_at, a.display_name, a.username, r.request_id, r.reason, c.kind, c.object_id,"
                + " c.revision_type, c.claim_id, c.article_id"
                + " from audit_revision r left join account a on a.id = r.account_id"
                + " join (" + changes(filter, "true", parameters) + ") c on c.revision_id = r.id"
                + " where true" + revisionConditions(filter, parameters)
                + " order by r.id desc, c.kind, c.object_id";
        List<Object> values = new ArrayList<>();
        String jdbcSql = positional(sql, parameters, values);
        Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(jdbcSql)) {
                statement.setFetchSize(500);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
                }
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        csv.printRecord(rows.getLong(1), rows.getTimestamp(2).toInstant().toString(), safe(rows.getString(3)),
                                safe(rows.getString(4)), safe(rows.getString(5)), safe(rows.getString(6)), rows.getString(7),
                                rows.getObject(8), changeWord(rows.getInt(9)), rows.getObject(10), rows.getObject(11));
                    }
                }
                csv.flush();
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("Reading the audit log failed", e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Conditions on {@code audit_revision r} (each starting with " and "), with their parameters. */
    private String revisionConditions(AuditLogFilter filter, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (filter.systemOnly()) {
            where.append(" and r.account_id is null");
        } else if (filter.accountId() != null) {
            where.append(" and r.account_id = :person");
            parameters.put("person", filter.accountId());
        }
        if (filter.fromInstant() != null) {
            where.append(" and r.changed_at >= :from");
            parameters.put("from", filter.fromInstant());
        }
        if (filter.toExclusive() != null) {
            where.append(" and r.changed_at < :to");
            parameters.put("to", filter.toExclusive());
        }
        if (filter.kind() != null || filter.article() != null) {
            List<String> exists = new ArrayList<>();
            for (HistoryTables.Kind kind : kinds(filter)) {
                exists.add("exists (select 1 from " + kind.table() + " x where x.revision_id = r.id"
                        + (filter.article() == null ? "" : " and " + kind.articleOf() + " = :article") + ")");
            }
            where.append(exists.isEmpty() ? " and false" : " and (" + String.join(" or ", exists) + ")");
            if (filter.article() != null) {
                parameters.put("article", filter.article());
            }
        }
        return where.toString();
    }

    /**
     * A union over the history tables of (revision_id, kind, object_id, revision_type, claim_id,
     * article_id), limited to the filter's kind and article and to rows where {@code condition} holds.
     */
    private String changes(AuditLogFilter filter, String condition, Map<String, Object> parameters) {
        List<String> selects = new ArrayList<>();
        for (HistoryTables.Kind kind : kinds(filter)) {
            selects.add("select x.revision_id, cast('" + kind.name() + "' as text) as kind, cast(" + kind.idOf()
                    + " as bigint) as object_id, x.revision_type, cast(" + kind.claimOf() + " as bigint) as claim_id, cast("
                    + kind.articleOf() + " as bigint) as article_id from " + kind.table() + " x where " + condition
                    + (filter.article() == null ? "" : " and " + kind.articleOf() + " = :article"));
        }
        if (filter.article() != null) {
            parameters.put("article", filter.article());
        }
        return selects.isEmpty() ? "select cast(null as bigint) as revision_id, cast(null as text) as kind, cast(null as bigint)"
                + " as object_id, cast(null as smallint) as revision_type, cast(null as bigint) as claim_id,"
                + " cast(null as bigint) as article_id where false" : String.join(" union all ", selects);
    }

    /** The kinds the filter can match: its kind, or all; only those that belong to an article when it names one. */
    private List<HistoryTables.Kind> kinds(AuditLogFilter filter) {
        List<HistoryTables.Kind> kinds = filter.kind() == null ? tables.kinds()
                : tables.kind(filter.kind()).map(List::of).orElse(List.of());
        return filter.article() == null ? kinds : kinds.stream().filter(kind -> !kind.articleOf().equals("null")).toList();
    }

    /** Replaces the named parameters with JDBC's {@code ?}, collecting their values in order. */
    private static String positional(String sql, Map<String, Object> parameters, List<Object> values) {
        StringBuilder jdbc = new StringBuilder();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(":([a-z]+)\\b").matcher(sql);
        int last = 0;
        while (matcher.find()) {
            if (!parameters.containsKey(matcher.group(1))) {
                continue;
            }
            jdbc.append(sql, last, matcher.start()).append('?');
            values.add(parameters.get(matcher.group(1)));
            last = matcher.end();
        }
        return jdbc.append(sql.substring(last)).toString();
    }

    /** Envers' revision type in words: 0 added, 1 changed, 2 removed. */
    static String changeWord(int revisionType) {
        return switch (revisionType) {
            case 0 -> "added";
            case 2 -> "removed";
            default -> "changed";
        };
    }

    /** A cell a spreadsheet will not run as a formula (OWASP CSV injection advice). */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    private static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
