package org.claimdesk.claim;

/**
 * The dismiss form of a claim page as it is shown: empty, or with a refused dismissal's typed
 * values kept and the reason it was refused.
 *
 * @param reason the chosen {@link DismissalReason} name, or null
 * @param duplicateOfId the claim number of the original as typed (perhaps not a number), or null
 * @param note the typed note, or null
 * @param problem why the claim was not dismissed, or null
 */
public record DismissalDraft(String reason, String duplicateOfId, String note, String problem) {

    /** The empty dismiss form. */
    public static final DismissalDraft EMPTY = new DismissalDraft(null, null, null, null);

    /** True when the form shows a refused dismissal (it is then open on the page). */
    public boolean refused() {
        return problem != null;
    }
}
