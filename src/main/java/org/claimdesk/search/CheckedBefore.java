package org.claimdesk.search;

import java.util.List;
import org.claimdesk.claim.Claim;

/**
 * What the claim page shows under "Checked before": similar claims on the desk with their verdicts
 * and, for a claim dismissed as a duplicate, the original with its verdict.
 *
 * @param matches similar claims, most similar first (at most {@link #LIMIT})
 * @param original the claim this one duplicates, or null
 */
public record CheckedBefore(List<ClaimMatch> matches, ClaimMatch original) {

    /** Most similar claims shown on a claim page. */
    public static final int LIMIT = 5;

    /** Similar claims of a claim (the article must be loaded), in two SQL statements at most. */
    public static CheckedBefore of(Claim claim) {
        List<ClaimMatch> matches = SimilarClaims.to(claim.claimReviewed, claim.article.language, claim.id, LIMIT + 1)
                .stream().filter(match -> claim.duplicateOf == null || match.claimId() != claim.duplicateOf.id)
                .limit(LIMIT).toList();
        return new CheckedBefore(matches, claim.duplicateOf == null ? null : SimilarClaims.summary(claim.duplicateOf.id));
    }
}
