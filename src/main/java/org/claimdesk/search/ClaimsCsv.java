package org.claimdesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Claims as CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted with
 * doubled quotes, CRLF after each record, a header record first), one record per claim with its
 * current verdict. Every field is quoted. Values are written as stored (an absent value is an empty
 * field), except that a value a spreadsheet would run as a formula, one beginning with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return, gets a leading apostrophe
 * (OWASP's advice against CSV injection); {@link #stored(String)} removes it when reading back.
 */
public final class ClaimsCsv {

    /** The header record, in column order. */
    public static final List<String> COLUMNS = List.of("claim_id", "claim_reviewed", "quote", "status", "claimant",
            "claimant_same_as", "claim_date", "appearance_url", "tags", "assignee", "article_id", "article_title",
            "verdict_revision", "verdict_state", "rating", "rating_value", "rating_explanation", "correction_note",
            "signed_off_at", "verdict_proposed_at");

    /** RFC 4180 with the header record. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(COLUMNS.toArray(String[]::new))
            .setQuoteMode(QuoteMode.ALL)
            .get();

    /** First characters that make a spreadsheet read a cell as a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;

    /**
     * Starts a CSV document: writes the header record.
     *
     * @param out where the document goes; the caller encodes it as UTF-8 and closes it
     * @throws UncheckedIOException when writing fails
     */
    public ClaimsCsv(Writer out) {
        try {
            printer = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one claim as a record.
     *
     * @throws UncheckedIOException when writing fails (for example when the client went away)
     */
    public void write(SearchHit hit) {
        try {
            printer.printRecord(values(hit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes what was written to the underlying writer. */
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record of one claim, in {@link #COLUMNS} order; absent values are empty strings. */
    public static List<String> values(SearchHit hit) {
        return Stream.of(Long.toString(hit.claimId()), hit.claimReviewed(), hit.quote(), hit.status().name(),
                text(hit.claimantName()), text(hit.claimantSameAs()), text(hit.claimDate()), text(hit.appearanceUrl()),
                text(hit.tags()), text(hit.assigneeName()), Long.toString(hit.articleId()), hit.articleTitle(),
                text(hit.verdictNumber()), text(hit.verdictState()), text(hit.ratingLabel()), text(hit.ratingValue()),
                text(hit.ratingExplanation()), text(hit.correctionNote()), text(hit.signedOffAt()),
                text(hit.verdictCreatedAt())).map(ClaimsCsv::inert).toList();
    }

    /**
     * A cell value as written: the value itself, or with a leading apostrophe when it begins with a
     * character that starts a spreadsheet formula ({@code = + - @}, tab, carriage return).
     */
    public static String inert(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** The stored value of a cell written by {@link #inert(String)}. */
    public static String stored(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
