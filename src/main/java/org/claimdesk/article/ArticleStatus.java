package org.claimdesk.article;

import io.quarkus.qute.TemplateEnum;

/** Where an article is in the desk's work. Stored as its name. */
@TemplateEnum
public enum ArticleStatus {
    /** Imported; nobody has split it into claims yet. */
    NEW,
    /** Claims are being checked. */
    IN_CHECK,
    /** Every claim is signed off or dismissed. */
    CHECKED
}
