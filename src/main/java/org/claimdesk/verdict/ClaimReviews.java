package org.claimdesk.verdict;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.claimdesk.claim.Claim;
import org.claimdesk.settings.DeskSettings;

/**
 * Builds a claim's {@link ClaimReview} from the database: the latest verdict revision an editor
 * signed off (a correction awaiting sign-off does not replace it), published on the day of the
 * claim's first sign-off.
 */
@Unremovable
@ApplicationScoped
public class ClaimReviews {

    @Inject
    PublisherSettings publisher;

    /**
     * What the claim page shows about the ClaimReview export.
     *
     * @param review the ClaimReview of the latest signed-off verdict or, before any sign-off, of the
     *     current verdict (a preview); null when the claim has no verdict
     * @param signedOff true when {@code review} is of a signed-off verdict (it can be exported)
     * @param checks the readiness checklist of {@code review}; empty without one
     * @param snippet the embed snippet when the review can be exported; null otherwise
     */
    public record Panel(ClaimReview review, boolean signedOff, List<ClaimReview.Check> checks, String snippet) {

        /** True when the ClaimReview can be exported: signed off and no required rule fails. */
        public boolean exportable() {
            return signedOff && checks.stream().noneMatch(ClaimReview.Check::blocking);
        }
    }

    /** The bean, for static callers such as page views. */
    public static ClaimReviews get() {
        return Arc.container().instance(ClaimReviews.class).get();
    }

    /**
     * The publisher in force: what an admin saved on the admin page, configuration for the rest
     * (one SQL statement).
     */
    public PublisherSettings publisher() {
        return DeskSettings.current().publisher(publisher);
    }

    /**
     * The ClaimReview of the claim's latest signed-off verdict.
     *
     * @return the review, or null when no verdict of the claim was ever signed off
     */
    public ClaimReview signedOff(Claim claim) {
        List<SignOff> signOffs = signOffs(claim);
        return signOffs.isEmpty() ? null : review(claim, signOffs.get(0).verdict, signOffs, List.of());
    }

    /**
     * The claim page's panel: checklist and, when exportable, the embed snippet, from sign-offs the
     * caller has loaded ({@link #signOffs}); 2 SQL statements at most (the desk settings, and the
     * scale's bounds when {@code knownLevels} are of another scale version).
     *
     * @param current the claim's latest verdict revision, or null
     * @param signOffs every sign-off of the claim's verdicts, latest verdict first
     * @param knownLevels every level of one scale version (e.g. {@link RatingScale#currentLevels}), or
     *     empty: when the verdict's level belongs to that version, its worst and best ratingValue are
     *     taken from these instead of being queried
     */
    public Panel panelFor(Claim claim, Verdict current, List<SignOff> signOffs, List<RatingLevel> knownLevels) {
        Verdict verdict = signOffs.isEmpty() ? current : signOffs.get(0).verdict;
        if (verdict == null) {
            return new Panel(null, false, List.of(), null);
        }
        ClaimReview review = review(claim, verdict, signOffs, knownLevels);
        PublisherSettings inForce = publisher();
        Panel panel = new Panel(review, !signOffs.isEmpty(), review.checklist(inForce), null);
        return panel.exportable() ? new Panel(review, true, panel.checks(), review.embedSnippet(inForce)) : panel;
    }

    /**
     * Every sign-off of the claim's verdicts, latest verdict first, with verdict, level, scale and
     * editor loaded (one SQL statement).
     */
    public static List<SignOff> signOffs(Claim claim) {
        return SignOff.find("select s from SignOff s join fetch s.editor join fetch s.verdict v join fetch v.level l join fetch l.scale"
                + " where v.claim = ?1 order by v.number desc", claim).list();
    }

    private static ClaimReview review(Claim claim, Verdict verdict, List<SignOff> signOffs, List<RatingLevel> knownLevels) {
        RatingLevel level = verdict.level;
        Integer worst = null;
        Integer best = null;
        if (level.ratingValue != null) {
            boolean known = !knownLevels.isEmpty() && knownLevels.get(0).scale.id.equals(level.scale.id);
            List<RatingLevel> scaleLevels = known ? knownLevels
                    : RatingLevel.<RatingLevel>list("scale = ?1 and ratingValue is not null", level.scale);
            List<Integer> values = scaleLevels.stream().map(l -> l.ratingValue).filter(Objects::nonNull).toList();
            worst = values.stream().min(Integer::compare).orElse(null);
            best = values.stream().max(Integer::compare).orElse(null);
        }
        LocalDate published = signOffs.stream().map(s -> s.signedAt).min(java.time.Instant::compareTo)
                .map(at -> at.atOffset(ZoneOffset.UTC).toLocalDate()).orElse(null);
        LocalDate modified = signOffs.stream().filter(s -> s.verdict.id.equals(verdict.id)).findFirst()
                .map(s -> s.signedAt.atOffset(ZoneOffset.UTC).toLocalDate()).orElse(null);
        if (Objects.equals(modified, published) && verdict.correctionNote == null) {
            modified = null;
        }
        return new ClaimReview(claim.id, verdict.claimReviewed, claim.claimantName, claim.claimantSameAs, claim.claimantType,
                claim.claimDate,
                claim.appearanceUrl, level.label, level.ratingValue, worst, best, verdict.ratingExplanation,
                verdict.correctionNote, published, modified);
    }
}
