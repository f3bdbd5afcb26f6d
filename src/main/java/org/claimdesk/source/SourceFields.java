package org.claimdesk.source;

import java.time.Instant;

/**
 * The fields of a new source, checked and converted (see {@link SourceForm#check()}).
 *
 * @param url absolute http(s) URL of at most 2000 characters; null for a described source
 * @param description what the source is when it has no URL; may be null when {@code url} is given
 * @param title at most 500 characters; may be null
 * @param publisher at most 300 characters; may be null
 * @param kind never null
 * @param stance never null
 * @param excerpt the quoted passage; may be null
 * @param note may be null
 * @param accessedAt when the reviewer consulted the source (UTC), never null and not in the future
 */
public record SourceFields(String url, String description, String title, String publisher, SourceKind kind,
        SourceStance stance, String excerpt, String note, Instant accessedAt) {
}
