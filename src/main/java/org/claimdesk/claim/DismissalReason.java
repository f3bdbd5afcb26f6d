package org.claimdesk.claim;

import io.quarkus.qute.TemplateEnum;

/** Why an editor dismissed a claim. Stored as its name. */
@TemplateEnum
public enum DismissalReason {
    NOT_CHECKABLE, OPINION, DUPLICATE
}
