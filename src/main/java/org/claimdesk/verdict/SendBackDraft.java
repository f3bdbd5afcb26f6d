package org.claimdesk.verdict;

/**
 * The send-back form of a claim page as it is shown: empty, or with a refused send-back's typed
 * reason kept and what was wrong with it.
 *
 * @param reason the reason as typed (white space kept), or null for an empty form
 * @param problem why the verdict was not sent back, naming the field, or null
 */
public record SendBackDraft(String reason, String problem) {

    /** The empty send-back form. */
    public static final SendBackDraft EMPTY = new SendBackDraft(null, null);

    /** True when the form shows a refused send-back. */
    public boolean refused() {
        return problem != null;
    }
}
