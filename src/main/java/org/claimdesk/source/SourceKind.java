package org.claimdesk.source;

import io.quarkus.qute.TemplateEnum;

/** What kind of evidence a source is. Stored as its name. */
@TemplateEnum
public enum SourceKind {
    PRIMARY_DOCUMENT, OFFICIAL_STATEMENT, DATASET, EXPERT, NEWS_REPORT, OTHER
}
