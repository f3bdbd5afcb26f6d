package org.claimdesk.source;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimdesk.claim.Claim;

/**
 * A claim's sources as its page shows them: the active ones grouped by stance (supports, refutes,
 * context, in that order, empty groups left out), then the retracted ones, each with its newest
 * snapshot. Loaded with two queries however many sources the claim has.
 *
 * @param claim the claim
 * @param groups active sources by stance, oldest first within a group
 * @param retracted retracted sources, oldest first
 */
@TemplateData
public record ClaimSources(Claim claim, List<Group> groups, List<Row> retracted) {

    /**
     * One source and its newest snapshot.
     *
     * @param latest the newest snapshot, or null for a described source (no URL)
     */
    @TemplateData
    public record Row(Source source, SourceSnapshot latest) {

        /** True while the newest snapshot is being fetched. */
        public boolean isPending() {
            return latest != null && latest.isPending();
        }
    }

    /** The active sources of one stance. */
    @TemplateData
    public record Group(SourceStance stance, List<Row> rows) {
    }

    /** The sources of a claim with their newest snapshots (two queries). */
    public static ClaimSources of(Claim claim) {
        return of(claim, Source.findByClaim(claim));
    }

    /**
     * The given sources of a claim with their newest snapshots (one query), for a caller that has
     * already loaded them with {@link Source#findByClaim}.
     *
     * @param sources every source of the claim, oldest first
     */
    public static ClaimSources of(Claim claim, List<Source> sources) {
        Map<Long, SourceSnapshot> latest = new HashMap<>();
        for (SourceSnapshot snapshot : SourceSnapshot.findLatestByClaim(claim)) {
            latest.put(snapshot.source.id, snapshot);
        }
        Map<SourceStance, List<Row>> byStance = new EnumMap<>(SourceStance.class);
        List<Row> retracted = new ArrayList<>();
        for (Source source : sources) {
            Row row = new Row(source, latest.get(source.id));
            if (source.isActive()) {
                byStance.computeIfAbsent(source.stance, stance -> new ArrayList<>()).add(row);
            } else {
                retracted.add(row);
            }
        }
        List<Group> groups = new ArrayList<>();
        byStance.forEach((stance, rows) -> groups.add(new Group(stance, rows)));
        return new ClaimSources(claim, groups, retracted);
    }

    /** How many active sources the claim has. */
    public int activeCount() {
        return groups.stream().mapToInt(group -> group.rows().size()).sum();
    }

    /** True when the claim has no sources at all, active or retracted. */
    public boolean isEmpty() {
        return groups.isEmpty() && retracted.isEmpty();
    }
}
