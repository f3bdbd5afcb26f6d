package org.claimdesk.claim;

import io.quarkus.qute.TemplateEnum;

/**
 * Where a claim is in the workflow (see DESIGN.md): OPEN → IN_PROGRESS → AWAITING_SIGN_OFF →
 * SIGNED_OFF, or DISMISSED from OPEN/IN_PROGRESS. Stored as its name.
 */
@TemplateEnum
public enum ClaimStatus {
    OPEN, IN_PROGRESS, AWAITING_SIGN_OFF, SIGNED_OFF, DISMISSED
}
