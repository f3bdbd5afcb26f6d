package org.claimdesk.source;

import io.quarkus.qute.TemplateEnum;

/** Where a snapshot's fetch stands. Stored as its name. */
@TemplateEnum
public enum SnapshotState {
    /** Requested; the background fetch has not finished yet. */
    PENDING,
    /** Fetched: the server answered 2xx and the body was within the limits. */
    OK,
    /** Not fetched: see the snapshot's failure text ("timed out", "404", "too large", …). */
    FAILED
}
