package org.claimdesk.claim;

import java.util.Objects;

/**
 * The result of carrying an anchor over to a new revision of its article, as returned by
 * {@link Anchoring#reanchor(TextAnchor, String)}.
 *
 * @param outcome how the quote was found, never null
 * @param anchor the anchor in the new text; null exactly when the outcome is
 *     {@link Outcome#ORPHANED}
 * @param similarity how close the new quote is to the old one, from 0.0 (orphaned) to 1.0 (the
 *     same code points): the Dice coefficient of their longest common subsequence of code points.
 *     A {@link Outcome#MOVED} quote may differ in white space or quotation marks and so fall
 *     slightly below 1.0
 */
public record Reanchored(Outcome outcome, TextAnchor anchor, double similarity) {

    /** How an anchor was carried over to a new revision. */
    public enum Outcome {
        /** The same position of the new text still holds the same quote. */
        KEPT,
        /** The same quote was found at another position: once, or picked out by its context. */
        MOVED,
        /**
         * Only an approximate match was found (the quote or its context changed), or the quote
         * occurs several times and its context could not choose; a person should confirm it.
         */
        FUZZY,
        /** Nothing close enough was found; the claim has no anchor in the new revision. */
        ORPHANED
    }

    /**
     * Checks that the anchor is present unless the outcome is {@link Outcome#ORPHANED}.
     *
     * @param outcome how the quote was found, not null
     * @param anchor the new anchor, null exactly when orphaned
     * @param similarity how close the new quote is to the old one, 0.0 to 1.0
     * @throws NullPointerException if {@code outcome} is null
     * @throws IllegalArgumentException if the anchor's presence does not match the outcome
     */
    public Reanchored {
        Objects.requireNonNull(outcome, "outcome");
        if ((anchor == null) != (outcome == Outcome.ORPHANED)) {
            throw new IllegalArgumentException("an anchor is required unless the outcome is ORPHANED");
        }
    }

    /**
     * Tells whether a person should confirm the new anchor ("moved, please confirm").
     *
     * @return true for {@link Outcome#FUZZY}
     */
    public boolean needsConfirmation() {
        return outcome == Outcome.FUZZY;
    }
}
