package org.claimdesk.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One claim's history as a timeline: every revision that changed the claim or something attached
 * to it (sources and their snapshots, verdicts, sign-offs, comments), newest first, with who, when,
 * why, and each changed field from → to.
 *
 * <p>Read straight from the history tables with three native SQL statements per page, whatever the
 * length of the history: the page's revisions with their people, the changed fields of those
 * revisions (each history row compared with the same object's previous history row), and the names
 * the values refer to (people, rating levels, text revisions). Pages are keyset-paged by revision id.
 */
@ApplicationScoped
public class ClaimTimeline {

    /** Revisions per page. */
    public static final int PAGE_SIZE = 25;

    /** Texts at least this long show as a word diff instead of from → to. */
    static final int WORD_DIFF_LENGTH = 60;

    @Inject
    EntityManager entityManager;

    @Inject
    HistoryTables tables;

    /**
     * One page of a timeline.
     *
     * @param entries the revisions, newest first
     * @param before the keyset this page was read with (revisions older than it), or null for the newest page
     * @param olderBefore the keyset of the next older page, or null when this is the oldest
     */
    public record Page(List<Entry> entries, Long before, Long olderBefore) {

        /** True when this is not the newest page. */
        public boolean paged() {
            return before != null;
        }
    }

    /**
     * One revision on the timeline.
     *
     * @param revision the revision id
     * @param changedAt when it was committed (UTC)
     * @param person the display name of who made it, or "Claimdesk (system)" for changes without an account
     * @param reason the reason given (send back, dismissal, correction note), or null
     * @param changes what changed, one item per object
     */
    public record Entry(long revision, Instant changedAt, String person, String reason, List<Change> changes) {
    }

    /**
     * What one revision did to one object.
     *
     * @param kind the kind's name, e.g. "verdict"
     * @param objectId the object's id
     * @param headline what happened, in words
     * @param fields the changed fields (for an added object: every field it was created with)
     */
    public record Change(String kind, long objectId, String headline, List<FieldChange> fields) {
    }

    /**
     * One changed field.
     *
     * @param column the recorded column, e.g. "rating_explanation"
     * @param label how it reads
     * @param before the value before, in words; null when it had none
     * @param after the value after, in words; null when it has none
     * @param diff a word diff for long texts, else null
     */
    public record FieldChange(String column, String label, String before, String after, List<WordDiff.Segment> diff) {
    }

    /**
     * A page of a claim's timeline.
     *
     * @param claimId the claim
     * @param before only revisions with a smaller id (the {@code olderBefore} of the newer page), or null for the newest
     * @return the page; empty when the claim has no recorded history
     */
    public Page page(long claimId, Long before) {
        List<HistoryTables.Kind> kinds = tables.claimTimelineKinds();
        List<Object[]> revisions = revisions(kinds, claimId, before, PAGE_SIZE + 1);
        boolean hasOlder = revisions.size() > PAGE_SIZE;
        List<Object[]> shown = hasOlder ? revisions.subList(0, PAGE_SIZE) : revisions;
        List<Long> ids = shown.stream().map(row -> ((Number) row[0]).longValue()).toList();
        List<Object[]> fieldRows = changes(kinds, claimId, ids);
        Map<String, String> names = names(fieldRows);

        Map<Long, Map<String, ChangeBuilder>> byRevision = new HashMap<>();
        for (Object[] row : fieldRows) {
            long revision = ((Number) row[0]).longValue();
            String kind = (String) row[1];
            long objectId = ((Number) row[2]).longValue();
            ChangeBuilder change = byRevision.computeIfAbsent(revision, r -> new LinkedHashMap<>())
                    .computeIfAbsent(kind + ":" + objectId, key -> new ChangeBuilder(kind, objectId, ((Number) row[3]).intValue()));
            if (row[4] != null) {
                change.add((String) row[4], (String) row[5], (String) row[6]);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Object[] row : shown) {
            long revision = ((Number) row[0]).longValue();
            List<Change> changes = byRevision.getOrDefault(revision, Map.of()).values().stream()
                    .map(change -> change.build(names)).toList();
            entries.add(new Entry(revision, instant(row[1]), row[2] == null ? SYSTEM : (String) row[2], (String) row[3], changes));
        }
        return new Page(entries, before, hasOlder ? ids.get(ids.size() - 1) : null);
    }

    /** Who a revision without an account is shown as. */
    public static final String SYSTEM = "Claimdesk (system)";

    @SuppressWarnings("unchecked")
    private List<Object[]> revisions(List<HistoryTables.Kind> kinds, long claimId, Long before, int limit) {
        String touched = kinds.stream()
                .map(kind -> "select x.revision_id from " + kind.table() + " x where " + kind.rowsOfClaim())
                .collect(Collectors.joining(" union "));
        return entityManager.createNativeQuery("select r.id, r.changed_at, a.display_name, r.reason"
                + " from audit_revision r left join account a on a.id = r.account_id"
                + " where r.id in (select t.revision_id from (" + touched + ") t where t.revision_id < :before"
                + " order by t.revision_id desc limit :limit)"
                + " order by r.id desc")
                .setParameter("claim", claimId)
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Rows (revision, kind, object id, revision type, column, value before, value after): one per
     * changed column of each object the given revisions changed, or one with a null column when
     * nothing but bookkeeping changed.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> changes(List<HistoryTables.Kind> kinds, long claimId, List<Long> revisions) {
        String rows = kinds.stream().map(kind -> "select '" + kind.name() + "' as kind, x.revision_id, x.id as object_id,"
                + " x.revision_type, to_jsonb(x) as after_row, to_jsonb(p) as before_row from " + kind.table() + " x"
                + " left join lateral (select * from " + kind.table() + " p where p.id = x.id and p.revision_id < x.revision_id"
                + " order by p.revision_id desc limit 1) p on true"
                + " where x.revision_id in (:revisions) and " + kind.rowsOfClaim())
                .collect(Collectors.joining(" union all "));
        return entityManager.createNativeQuery("select c.revision_id, c.kind, c.object_id, c.revision_type,"
                + " f.k, c.before_row ->> f.k, c.after_row ->> f.k from (" + rows + ") c"
                + " left join lateral (select keys.k from (select jsonb_object_keys(c.after_row) as k"
                + " union select jsonb_object_keys(coalesce(c.before_row, cast('{}' as jsonb)))) keys"
                + " where (c.before_row ->> keys.k) is distinct from (c.after_row ->> keys.k)"
                + " and keys.k not in ('revision_id', 'revision_type')) f on true"
                + " order by c.revision_id desc, c.kind, c.object_id, f.k")
                .setParameter("claim", claimId)
                .setParameter("revisions", revisions.isEmpty() ? List.of(-1L) : revisions)
                .getResultList();
    }

    /** The names behind the ids in the changed values, keyed "account:12", "level:3", "revision:51" (one statement). */
    @SuppressWarnings("unchecked")
    private Map<String, String> names(List<Object[]> fieldRows) {
        Set<Long> accounts = new LinkedHashSet<>(List.of(-1L));
        Set<Long> levels = new LinkedHashSet<>(List.of(-1L));
        Set<Long> revisions = new LinkedHashSet<>(List.of(-1L));
        for (Object[] row : fieldRows) {
            String column = (String) row[4];
            if (column == null) {
                continue;
            }
            Set<Long> target = HistoryWording.ACCOUNT_COLUMNS.contains(column) ? accounts
                    : HistoryWording.LEVEL_COLUMN.equals(column) ? levels
                    : HistoryWording.ARTICLE_REVISION_COLUMNS.contains(column) ? revisions : null;
            if (target != null) {
                addId(target, (String) row[5]);
                addId(target, (String) row[6]);
            }
        }
        List<Object[]> rows = entityManager.createNativeQuery(
                "select 'account:' || a.id, a.display_name from account a where a.id in (:accounts)"
                + " union all select 'level:' || l.id, l.label || coalesce(' (' || l.rating_value || ')', '')"
                + " from rating_level l where l.id in (:levels)"
                + " union all select 'revision:' || r.id, cast(r.number as text) from article_revision r where r.id in (:revisions)")
                .setParameter("accounts", accounts)
                .setParameter("levels", levels)
                .setParameter("revisions", revisions)
                .getResultList();
        Map<String, String> names = new HashMap<>();
        for (Object[] row : rows) {
            names.put((String) row[0], (String) row[1]);
        }
        return names;
    }

    private static void addId(Set<Long> ids, String value) {
        if (value != null && value.matches("\\d{1,18}")) {
            ids.add(Long.valueOf(value));
        }
    }

    /** A timestamp from a native query (the JDBC driver may give any of these types) as an instant. */
    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value);
    }

    /** Collects the changed columns of one object in one revision. */
    private final class ChangeBuilder {
        final String kind;
        final long objectId;
        final int revisionType;
        final Map<String, String[]> columns = new LinkedHashMap<>();

        ChangeBuilder(String kind, long objectId, int revisionType) {
            this.kind = kind;
            this.objectId = objectId;
            this.revisionType = revisionType;
        }

        void add(String column, String before, String after) {
            columns.put(column, new String[] {before, after});
        }

        Change build(Map<String, String> names) {
            Map<String, String> after = new HashMap<>();
            columns.forEach((column, values) -> after.put(column, values[1]));
            String headline = HistoryWording.headline(kind, tables.label(kind), objectId, revisionType, after, columns.keySet());
            List<FieldChange> fields = new ArrayList<>();
            if (revisionType != 2) {
                columns.keySet().stream().sorted(HistoryWording.READING_ORDER).forEach(column -> {
                    String[] values = columns.get(column);
                    if (HistoryWording.shown(column)) {
                        String from = HistoryWording.value(column, values[0], names);
                        String to = HistoryWording.value(column, values[1], names);
                        List<WordDiff.Segment> diff = WordDiff.worthShowing(from, to, WORD_DIFF_LENGTH)
                                ? WordDiff.between(from, to) : null;
                        fields.add(new FieldChange(column, HistoryWording.label(column), from, to, diff));
                    }
                });
            }
            return new Change(kind, objectId, headline, fields);
        }
    }
}
