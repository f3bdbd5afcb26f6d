package org.claimdesk.claim;

import io.quarkus.qute.TemplateEnum;

/** How urgent checking a claim is. Stored as its name. */
@TemplateEnum
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
