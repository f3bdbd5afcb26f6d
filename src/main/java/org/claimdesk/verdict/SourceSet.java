package org.claimdesk.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.claimdesk.source.Source;

/**
 * The set of a claim's active sources as an editor saw it, written as {@code id:version} pairs in
 * id order (e.g. {@code "51:0,101:2"}), so a sign-off can tell whether sources were added,
 * changed or retracted since the editor opened the form.
 */
public final class SourceSet {

    private SourceSet() {
    }

    /** The canonical form of the active sources among the given ones. */
    public static String of(List<Source> sources) {
        return sources.stream().filter(Source::isActive)
                .sorted((a, b) -> Long.compare(a.id, b.id))
                .map(source -> source.id + ":" + source.version)
                .collect(Collectors.joining(","));
    }

    /**
     * What changed between two canonical forms, in words.
     *
     * @return one line per added, retracted or changed source; empty when equal
     */
    public static List<String> changes(String seen, String now) {
        Map<String, String> before = parse(seen);
        Map<String, String> after = parse(now);
        List<String> changes = new ArrayList<>();
        after.forEach((id, version) -> {
            if (!before.containsKey(id)) {
                changes.add("Source #" + id + " was added.");
            } else if (!before.get(id).equals(version)) {
                changes.add("Source #" + id + " was edited.");
            }
        });
        before.keySet().stream().filter(id -> !after.containsKey(id))
                .forEach(id -> changes.add("Source #" + id + " was retracted."));
        return changes;
    }

    private static Map<String, String> parse(String set) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (set != null && !set.isBlank()) {
            for (String pair : set.split(",")) {
                String[] parts = pair.split(":", 2);
                entries.put(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "");
            }
        }
        return entries;
    }
}
