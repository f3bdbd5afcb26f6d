package org.claimdesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Claims as CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted with
 * doubled quotes, CRLF after each record, a header record first), one record per claim with its
 * current verdict. Values are written exactly as stored (an absent value is an empty field) so the
 * file reads back field for field; spreadsheet users should import it as text.
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
            .get();

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
        return Arrays.asList(Long.toString(hit.claimId()), hit.claimReviewed(), hit.quote(), hit.status().name(),
                text(hit.claimantName()), text(hit.claimantSameAs()), text(hit.claimDate()), text(hit.appearanceUrl()),
                text(hit.tags()), text(hit.assigneeName()), Long.toString(hit.articleId()), hit.articleTitle(),
                text(hit.verdictNumber()), text(hit.verdictState()), text(hit.ratingLabel()), text(hit.ratingValue()),
                text(hit.ratingExplanation()), text(hit.correctionNote()), text(hit.signedOffAt()),
                text(hit.verdictCreatedAt()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
