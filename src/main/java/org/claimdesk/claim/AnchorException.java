package org.claimdesk.claim;

/**
 * Thrown when a claim cannot be anchored to an article text: the selection lies outside the
 * text, is empty or only white space, or the quote is not in the text. The message is written
 * for the person who made the selection and can be shown to them as it is.
 */
public class AnchorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message a human-readable reason, not null
     */
    public AnchorException(String message) {
        super(message);
    }
}
