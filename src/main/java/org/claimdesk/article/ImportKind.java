package org.claimdesk.article;

import io.quarkus.qute.TemplateEnum;

/** How an article revision's text reached the desk. Stored as its name. */
@TemplateEnum
public enum ImportKind {
    /** Pasted into the import form. */
    PASTE,
    /** Uploaded as a .txt, .md or .html file. */
    UPLOAD,
    /** Fetched from the article's URL. */
    URL
}
