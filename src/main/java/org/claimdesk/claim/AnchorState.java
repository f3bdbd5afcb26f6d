package org.claimdesk.claim;

import io.quarkus.qute.TemplateEnum;

/** How well a claim's anchor fits the article's current revision. Stored as its name. */
@TemplateEnum
public enum AnchorState {
    /** The anchor holds in the revision it points to (created there, kept, or moved exactly). */
    ANCHORED,
    /** Re-anchoring found only an approximate match: moved, please confirm. */
    MOVED_UNCONFIRMED,
    /** Re-anchoring found nothing: the anchor still points into an older revision. */
    ORPHANED
}
