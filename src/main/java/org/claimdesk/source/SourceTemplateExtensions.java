package org.claimdesk.source;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** Display helpers for sources and snapshots in templates, grouped by the type they format. */
@TemplateExtension
public class SourceTemplateExtensions {

    /** A stance as a group heading: "Supports the claim", "Refutes the claim", "Context". */
    static String heading(SourceStance stance) {
        return switch (stance) {
            case SUPPORTS -> "Supports the claim";
            case REFUTES -> "Refutes the claim";
            case CONTEXT -> "Context";
        };
    }

    /** A snapshot's state in a few words: "fetching…", "fetched", or its failure ("timed out", "404"). */
    static String stateText(SourceSnapshot snapshot) {
        return switch (snapshot.state) {
            case PENDING -> "fetching…";
            case OK -> "fetched";
            case FAILED -> snapshot.failure;
        };
    }

    /** A change as a flag: "changed", "gone", "unchanged". */
    static String flagText(SnapshotChange change) {
        return change.name().toLowerCase(Locale.ROOT);
    }

    /** What a source is called on a page: its title, else its URL, else its description. */
    static String displayName(Source source) {
        if (source.title != null) {
            return source.title;
        }
        return source.url != null ? source.url : source.description;
    }

    /** A byte count for people: "812 bytes", "12.3 kB", "4.8 MB" (decimal units); empty for null. */
    static String byteSize(Long bytes) {
        if (bytes == null) {
            return "";
        }
        if (bytes < 1000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
