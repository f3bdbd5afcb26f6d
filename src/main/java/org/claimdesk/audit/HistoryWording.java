package org.claimdesk.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How history reads on a page: labels of the recorded columns, values in words (an account id as
 * the person's name, a rating level id as its label, an enum constant as words, a timestamp in
 * UTC), and a headline per changed object ("Verdict #51 sent back"). Plain logic, no database.
 */
public final class HistoryWording {

    /** Columns that hold an account id. */
    public static final Set<String> ACCOUNT_COLUMNS = Set.of("assignee_id", "author_id", "editor_id", "created_by_id",
            "retracted_by_id", "sent_back_by_id", "requested_by_id", "updated_by_id");

    /** Columns that hold an article revision id. */
    public static final Set<String> ARTICLE_REVISION_COLUMNS = Set.of("article_revision_id", "current_revision_id");

    /** The column that holds a rating level id. */
    public static final String LEVEL_COLUMN = "rating_level_id";

    /** Columns not shown: bookkeeping, or the link to the claim whose timeline is shown. */
    static final Set<String> HIDDEN = Set.of("id", "revision_id", "revision_type", "updated_at", "created_at", "claim_id",
            "article_id");

    /** Columns whose values are enum constants. */
    static final Set<String> ENUM_COLUMNS = Set.of("status", "state", "priority", "stance", "kind", "anchor_state", "claimant_type",
            "dismissal_reason", "import_kind", "cause", "change");

    /** Labels of the recorded columns, in the order a change lists its fields. */
    static final Map<String, String> LABELS = inOrder(
            Map.entry("title", "Title"),
            Map.entry("claim_reviewed", "Claim reviewed"),
            Map.entry("claimant_name", "Claimant"),
            Map.entry("claimant_type", "Claimant type"),
            Map.entry("claimant_same_as", "Claimant identifier (sameAs)"),
            Map.entry("claim_date", "Claim date"),
            Map.entry("appearance_url", "Appearance URL"),
            Map.entry("anchor_exact", "Quote"),
            Map.entry("anchor_prefix", "Words before the quote"),
            Map.entry("anchor_suffix", "Words after the quote"),
            Map.entry("anchor_start", "Quote start (code point)"),
            Map.entry("anchor_end", "Quote end (code point)"),
            Map.entry("anchor_state", "Anchor"),
            Map.entry("article_revision_id", "Article text revision"),
            Map.entry("current_revision_id", "Current text revision"),
            Map.entry("tags", "Tags"),
            Map.entry("priority", "Priority"),
            Map.entry("due_date", "Due date"),
            Map.entry("status", "Status"),
            Map.entry("assignee_id", "Assignee"),
            Map.entry("duplicate_of_id", "Duplicate of"),
            Map.entry("url", "URL"),
            Map.entry("description", "Description"),
            Map.entry("publisher", "Publisher"),
            Map.entry("kind", "Kind"),
            Map.entry("stance", "Stance"),
            Map.entry("excerpt", "Excerpt"),
            Map.entry("note", "Note"),
            Map.entry("accessed_at", "Accessed at"),
            Map.entry("retracted_at", "Retracted at"),
            Map.entry("retracted_by_id", "Retracted by"),
            Map.entry("retraction_reason", "Retraction reason"),
            Map.entry("rating_level_id", "Rating"),
            Map.entry("rating_explanation", "Rating explanation"),
            Map.entry("correction_note", "Correction note"),
            Map.entry("state", "State"),
            Map.entry("send_back_reason", "Send-back reason"),
            Map.entry("sent_back_by_id", "Sent back by"),
            Map.entry("sent_back_at", "Sent back at"),
            Map.entry("verdict_id", "Verdict"),
            Map.entry("claim_version", "Claim version signed"),
            Map.entry("source_set", "Sources signed (id:version)"),
            Map.entry("editor_id", "Editor"),
            Map.entry("body", "Body"),
            Map.entry("source_id", "Source"),
            Map.entry("final_url", "Final URL"),
            Map.entry("http_status", "HTTP status"),
            Map.entry("sha256", "SHA-256"),
            Map.entry("scale_id", "Scale"),
            Map.entry("rating_value", "Rating value"),
            Map.entry("publisher_name", "Publisher name"),
            Map.entry("publisher_url", "Publisher URL"),
            Map.entry("claimreview_url_pattern", "ClaimReview URL pattern"),
            Map.entry("author_id", "Author"),
            Map.entry("created_by_id", "Created by"),
            Map.entry("requested_by_id", "Requested by"),
            Map.entry("updated_by_id", "Updated by"));

    /** Labels in the order given. */
    @SafeVarargs
    private static Map<String, String> inOrder(Map.Entry<String, String>... entries) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries) {
            labels.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(labels);
    }

    private static final List<String> ORDER = List.copyOf(LABELS.keySet());

    /**
     * The order in which a change lists its fields: labelled columns in reading order (the claim
     * reviewed, then the quote and its position, …), then any other column by name.
     */
    public static final Comparator<String> READING_ORDER = Comparator
            .comparingInt((String column) -> ORDER.contains(column) ? ORDER.indexOf(column) : ORDER.size())
            .thenComparing(Comparator.naturalOrder());

    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private HistoryWording() {
    }

    /** True when a column is shown in a change's field list. */
    public static boolean shown(String column) {
        return !HIDDEN.contains(column);
    }

    /** The label of a recorded column: "claim_reviewed" → "Claim reviewed", unknown ones in words. */
    public static String label(String column) {
        String known = LABELS.get(column);
        if (known != null) {
            return known;
        }
        String name = column.endsWith("_id") ? column.substring(0, column.length() - 3) : column;
        return HistoryTables.words(name);
    }

    /**
     * A recorded value in words.
     *
     * @param column the column it was recorded in
     * @param value the value as PostgreSQL's JSON text gives it (timestamps ISO 8601 with offset); may be null
     * @param names resolves ids: {@code names.get("account:12")}, {@code "level:3"}, {@code "revision:51"}; missing ids stay numbers
     * @return the words, or null for a null value
     */
    public static String value(String column, String value, Map<String, String> names) {
        if (value == null) {
            return null;
        }
        if (ACCOUNT_COLUMNS.contains(column)) {
            return names.getOrDefault("account:" + value, "account #" + value);
        }
        if (LEVEL_COLUMN.equals(column)) {
            return names.getOrDefault("level:" + value, "level #" + value);
        }
        if (ARTICLE_REVISION_COLUMNS.contains(column)) {
            String number = names.get("revision:" + value);
            return number == null ? "revision #" + value : "revision " + number;
        }
        if (column.equals("duplicate_of_id")) {
            return "claim #" + value;
        }
        if (column.equals("verdict_id") || column.equals("source_id")) {
            return "#" + value;
        }
        if (ENUM_COLUMNS.contains(column) && value.matches("[A-Z][A-Z0-9_]*")) {
            return HistoryTables.words(value);
        }
        if (column.endsWith("_at")) {
            try {
                return UTC_MINUTES.format(OffsetDateTime.parse(value));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }

    /**
     * What happened to one object, in a few words: "Claim #12 created", "Verdict #51 sent back",
     * "Source #7 retracted", "Claim #12: anchor moved", "Claim #12: anchor confirmed".
     *
     * @param kind the kind's name (e.g. "verdict")
     * @param kindLabel how the kind reads ("Verdict")
     * @param revisionType Envers' revision type: 0 added, 1 modified, 2 removed
     * @param after the object's recorded columns after the change (raw values), never null
     * @param changedColumns the columns whose value changed
     */
    public static String headline(String kind, String kindLabel, long objectId, int revisionType, Map<String, String> after,
            Set<String> changedColumns) {
        String subject = kindLabel + " #" + objectId;
        if (revisionType == 2) {
            return subject + " removed";
        }
        if (revisionType == 0) {
            return switch (kind) {
                case "verdict" -> subject + (after.get("correction_note") != null ? " proposed as a correction" : " proposed");
                case "sign_off" -> subject + ": verdict #" + after.get("verdict_id") + " signed off";
                case "claim" -> subject + " created";
                case "comment" -> subject + " written";
                default -> subject + " added";
            };
        }
        if (kind.equals("verdict") && changedColumns.contains("state")) {
            return subject + " " + HistoryTables.words(String.valueOf(after.get("state"))).toLowerCase(Locale.ROOT);
        }
        if (kind.equals("source") && changedColumns.contains("retracted_at") && after.get("retracted_at") != null) {
            return subject + " retracted";
        }
        if (kind.equals("claim")) {
            if (changedColumns.contains("status") && "DISMISSED".equals(after.get("status"))) {
                return subject + " dismissed";
            }
            if (changedColumns.contains("anchor_start") || changedColumns.contains("article_revision_id")) {
                return subject + ": anchor moved";
            }
            if (changedColumns.contains("anchor_state")) {
                return subject + switch (String.valueOf(after.get("anchor_state"))) {
                    case "ORPHANED" -> ": anchor orphaned";
                    case "ANCHORED" -> ": anchor confirmed";
                    default -> ": anchor moved, to be confirmed";
                };
            }
        }
        return subject + " changed";
    }
}
