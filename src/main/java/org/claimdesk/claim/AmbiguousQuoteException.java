package org.claimdesk.claim;

/**
 * Thrown when a quote occurs more than once in an article text and the text given before and
 * after it does not single out one occurrence. The form should ask for more of the surrounding
 * words.
 */
public class AmbiguousQuoteException extends AnchorException {

    private static final long serialVersionUID = 1L;

    /** How many times the quote occurs. */
    private final int occurrences;

    /**
     * Creates the exception.
     *
     * @param occurrences how many times the quote occurs in the text, 2 or more
     */
    public AmbiguousQuoteException(int occurrences) {
        super("the quote occurs " + occurrences + " times in the article text;"
                + " add some of the words just before or after it to say which one you mean");
        this.occurrences = occurrences;
    }

    /**
     * Returns how many times the quote occurs in the article text.
     *
     * @return the number of occurrences, 2 or more
     */
    public int occurrences() {
        return occurrences;
    }
}
