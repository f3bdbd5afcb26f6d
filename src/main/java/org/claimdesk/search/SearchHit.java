package org.claimdesk.search;

import io.quarkus.qute.RawString;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.claimdesk.claim.ClaimStatus;

/**
 * One claim found by a search, with its current verdict (the latest revision) when it has one.
 *
 * @param tags the claim's tags joined by ", ", or null
 * @param assigneeName display name of the assignee, or null
 * @param verdictNumber the current verdict's revision number, or null when the claim has no verdict
 * @param verdictState the current verdict's state name ({@code PROPOSED}, {@code SIGNED_OFF}, …), or null
 * @param ratingLabel the current verdict's rating label (schema.org {@code alternateName}), or null
 * @param ratingValue its schema.org {@code ratingValue} (1 = worst), or null for outcomes outside the scale
 * @param ratingColour its badge colour ({@code #rrggbb}), or null
 * @param signedOffAt when the current verdict was signed off (UTC), or null
 * @param verdictCreatedAt when the current verdict was proposed (UTC), or null
 * @param rank full-text rank (0 for a search without words), rounded to 6 decimals
 * @param claimReviewedMarked claimReviewed with matches between {@link Highlight#START} and
 *     {@link Highlight#STOP}, or null when not asked for
 * @param quoteMarked fragments of the quote around matches, marked the same way, or null
 * @param explanationMarked fragments of the current verdict's explanation, marked, or null
 */
public record SearchHit(long claimId, String claimReviewed, String quote, ClaimStatus status, String claimantName,
        String claimantSameAs, LocalDate claimDate, String appearanceUrl, String tags, String assigneeName,
        long articleId, String articleTitle, Integer verdictNumber, String verdictState, String ratingLabel,
        Integer ratingValue, String ratingColour, String ratingExplanation, String correctionNote,
        Instant signedOffAt, Instant verdictCreatedAt, BigDecimal rank, String claimReviewedMarked,
        String quoteMarked, String explanationMarked) {

    /** claimReviewed as HTML, matches in {@code <mark>}. */
    public RawString claimReviewedHtml() {
        return Highlight.html(claimReviewedMarked != null ? claimReviewedMarked : claimReviewed);
    }

    /** The quote (or its fragments around matches) as HTML, matches in {@code <mark>}. */
    public RawString quoteHtml() {
        return Highlight.html(quoteMarked != null ? quoteMarked : quote);
    }

    /**
     * Fragments of the verdict's explanation around matches as HTML, or an empty string when the
     * search has no words or the claim no verdict.
     */
    public RawString explanationHtml() {
        return Highlight.html(explanationMarked);
    }

    /** True when the explanation holds a match (worth showing under the claim). */
    public boolean explanationMatches() {
        return explanationMarked != null && explanationMarked.indexOf(Highlight.START) >= 0;
    }

    /** The cursor that starts the page after this row. */
    public SearchCursor cursor() {
        return new SearchCursor(rank, claimId);
    }
}
