package org.claimdesk.source;

import io.quarkus.qute.TemplateEnum;

/** Why a snapshot was taken. Stored as its name. */
@TemplateEnum
public enum SnapshotCause {
    /** The source was just attached to a claim. */
    ADDED,
    /** A person asked to fetch the source again. */
    FETCH_AGAIN,
    /** The scheduled link check re-fetched it. */
    LINK_CHECK
}
