package org.claimdesk.source;

import io.quarkus.qute.TemplateEnum;

/** How a source bears on the claim. Stored as its name. */
@TemplateEnum
public enum SourceStance {
    SUPPORTS, REFUTES, CONTEXT
}
