package org.claimdesk.claim;

import io.quarkus.qute.TemplateEnum;

/** Why an editor dismissed a claim. Stored as its name. */
@TemplateEnum
public enum DismissalReason {
    NOT_CHECKABLE, OPINION, DUPLICATE;

    /** The reason a form sent (its name, surrounding white space ignored), or null for none or an unknown one. */
    public static DismissalReason parse(String sent) {
        if (sent == null) {
            return null;
        }
        try {
            return valueOf(sent.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
