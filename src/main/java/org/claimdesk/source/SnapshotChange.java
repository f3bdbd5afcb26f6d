package org.claimdesk.source;

import io.quarkus.qute.TemplateEnum;

/**
 * How a finished snapshot compares with the source's previous OK snapshot. Stored as its name;
 * a snapshot without an earlier OK one to compare with has no change (null).
 */
@TemplateEnum
public enum SnapshotChange {
    /** Same content: same text for HTML and plain text pages, same SHA-256 of the body otherwise. */
    UNCHANGED,
    /** The content differs from the previous OK snapshot. */
    CHANGED,
    /** The page is gone: it answered 4xx or 5xx, timed out, or its host no longer answers. */
    GONE;

    /** True for the changes the desk flags (CHANGED, GONE). */
    public boolean isFlagged() {
        return this != UNCHANGED;
    }
}
