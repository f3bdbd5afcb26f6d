package org.claimdesk.verdict;

import io.quarkus.qute.TemplateEnum;

/** Where one verdict revision stands. Stored as its name. */
@TemplateEnum
public enum VerdictState {
    /** Proposed, awaiting an editor's sign-off. */
    PROPOSED,
    /** Signed off by an editor other than its author. */
    SIGNED_OFF,
    /** Sent back to its author with a reason. */
    SENT_BACK,
    /** Replaced by a later verdict revision (kept, never deleted). */
    SUPERSEDED
}
