package org.claimdesk.claim;

/**
 * The comment form of a claim page as it is shown: empty, or with a refused comment's text kept
 * and the reason it was refused.
 *
 * @param body the typed text, or null for an empty form
 * @param problem why it was not saved (names the field), or null
 */
public record CommentDraft(String body, String problem) {

    /** The empty comment form. */
    public static final CommentDraft EMPTY = new CommentDraft(null, null);
}
