package org.claimdesk.search;

import java.util.List;
import org.claimdesk.claim.Claim;

/**
 * What the claim page shows under "Checked before": similar claims on the desk with their verdicts
 * and, for a claim dismissed as a duplicate, the original with its verdict.
 *
 * <p>The claim page renders the original itself (one cheap statement by primary key) and loads the
 * similar claims after the page, from {@code /claims/{id}/similar} ({@link #similarTo}), because
 * the similarity lookup costs far more than the rest of the page.
 */
public final class CheckedBefore {

    /** Most similar claims shown on a claim page. */
    public static final int LIMIT = 5;

    private CheckedBefore() {
    }

    /**
     * Claims similar to a claim's claimReviewed, most similar first, the claim itself and its
     * original (when it is a duplicate) left out; one SQL statement. The claim's article must be
     * loaded (its language guides the word matching).
     *
     * @return at most {@link #LIMIT} matches
     */
    public static List<ClaimMatch> similarTo(Claim claim) {
        return SimilarClaims.to(claim.claimReviewed, claim.article.language, claim.id, LIMIT + 1)
                .stream().filter(match -> claim.duplicateOf == null || match.claimId() != claim.duplicateOf.id)
                .limit(LIMIT).toList();
    }

    /**
     * The claim a duplicate duplicates, with its current verdict (one SQL statement), or null when
     * the claim is not marked a duplicate.
     */
    public static ClaimMatch originalOf(Claim claim) {
        return claim.duplicateOf == null ? null : SimilarClaims.summary(claim.duplicateOf.id);
    }
}
