package org.claimdesk.search;

import java.time.Instant;
import org.claimdesk.claim.ClaimStatus;

/**
 * A claim found as "checked before", with what its verdicts say: the latest signed-off verdict
 * counts (even while a correction of it awaits sign-off); without one, a verdict awaiting sign-off
 * shows its rating as proposed; a sent-back verdict shows no rating, only that it was sent back.
 *
 * @param createdAt when the claim was created (UTC)
 * @param verdictState the latest verdict revision's state name ({@code PROPOSED}, {@code SIGNED_OFF}
 *     or {@code SENT_BACK}), or null when the claim has no verdict
 * @param rating the rating of the latest signed-off verdict, else of the latest verdict while it
 *     awaits sign-off; null without either (no verdict, or only a sent-back one)
 * @param signedOffAt when the latest signed-off verdict was signed off (UTC), or null when none was
 * @param verdictCreatedAt when the latest verdict revision was proposed (UTC), or null
 * @param sentBackAt when the latest verdict revision was sent back (UTC), or null
 * @param score similarity from 0 to 1 (see {@link SimilarClaims})
 */
public record ClaimMatch(long claimId, String claimReviewed, ClaimStatus status, Instant createdAt, long articleId,
        String articleTitle, String verdictState, Rating rating, Instant signedOffAt, Instant verdictCreatedAt,
        Instant sentBackAt, double score) {

    /**
     * A rating as the rating badge shows it.
     *
     * @param label schema.org {@code alternateName}
     * @param ratingValue schema.org {@code ratingValue}, or null for outcomes outside the scale
     * @param colour badge colour, {@code #rrggbb}
     */
    public record Rating(String label, Integer ratingValue, String colour) {
    }

    /** True when a verdict of the claim was signed off (published); {@link #rating} is then its rating. */
    public boolean signedOff() {
        return signedOffAt != null;
    }

    /** True when the latest verdict revision awaits sign-off (a first verdict, or a correction when {@link #signedOff}). */
    public boolean proposed() {
        return "PROPOSED".equals(verdictState);
    }

    /** True when the latest verdict revision was sent back to its author. */
    public boolean sentBack() {
        return "SENT_BACK".equals(verdictState);
    }

    /**
     * When the claim was last decided: the latest sign-off, else when its verdict was sent back or
     * proposed, else its creation (UTC).
     */
    public Instant date() {
        return SimilarClaims.dateOf(this);
    }

    /** The score as a whole percentage, e.g. 53. */
    public int percent() {
        return (int) Math.round(score * 100);
    }
}
