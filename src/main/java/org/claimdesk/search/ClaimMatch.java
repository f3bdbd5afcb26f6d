package org.claimdesk.search;

import java.time.Instant;
import org.claimdesk.claim.ClaimStatus;

/**
 * A claim found as "checked before", with its current verdict (the latest revision).
 *
 * @param createdAt when the claim was created (UTC)
 * @param verdictState the current verdict's state name, or null when the claim has no verdict
 * @param rating the current verdict's rating, or null when the claim has no verdict
 * @param signedOffAt when the current verdict was signed off (UTC), or null
 * @param verdictCreatedAt when the current verdict was proposed (UTC), or null
 * @param score similarity from 0 to 1 (see {@link SimilarClaims})
 */
public record ClaimMatch(long claimId, String claimReviewed, ClaimStatus status, Instant createdAt, long articleId,
        String articleTitle, String verdictState, Rating rating, Instant signedOffAt, Instant verdictCreatedAt,
        double score) {

    /**
     * A rating as the rating badge shows it.
     *
     * @param label schema.org {@code alternateName}
     * @param ratingValue schema.org {@code ratingValue}, or null for outcomes outside the scale
     * @param colour badge colour, {@code #rrggbb}
     */
    public record Rating(String label, Integer ratingValue, String colour) {
    }

    /** True when the current verdict is signed off (published). */
    public boolean signedOff() {
        return "SIGNED_OFF".equals(verdictState);
    }

    /** When the claim was last decided: the sign-off, else the proposed verdict, else its creation (UTC). */
    public Instant date() {
        return SimilarClaims.dateOf(this);
    }

    /** The score as a whole percentage, e.g. 53. */
    public int percent() {
        return (int) Math.round(score * 100);
    }
}
