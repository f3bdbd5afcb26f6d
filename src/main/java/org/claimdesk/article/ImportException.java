package org.claimdesk.article;

/**
 * A refused article import: names the form field at fault, says what is wrong in words a
 * reviewer understands, and carries the HTTP status to answer with (400, or 413 for too large).
 */
public class ImportException extends RuntimeException {

    /** The form field the message belongs to, e.g. {@code "file"} or {@code "text"}. */
    public final String field;

    /** HTTP status for the response: 400 or 413. */
    public final int status;

    public ImportException(String field, String message, int status) {
        super(message);
        this.field = field;
        this.status = status;
    }
}
