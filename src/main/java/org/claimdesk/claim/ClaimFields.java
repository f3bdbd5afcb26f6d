package org.claimdesk.claim;

import java.time.LocalDate;
import java.util.List;

/**
 * The editable fields of a claim, checked and converted (see {@link ClaimForm#check()}).
 *
 * @param claimReviewed short summary (schema.org {@code claimReviewed}), 1–500 characters
 * @param claimantName who made the claim (schema.org {@code Claim.author.name}); may be null
 * @param claimantSameAs http(s) URL identifying the claimant, e.g. Wikidata; may be null
 * @param claimantType Person or Organization (schema.org type of {@code Claim.author}); null when not chosen
 * @param claimDate when the claim was made; may be null
 * @param appearanceUrl http(s) URL where the claim appeared; may be null
 * @param tags distinct tags, in the order given; never null
 * @param priority never null
 * @param dueDate when the check is due; may be null
 */
public record ClaimFields(String claimReviewed, String claimantName, String claimantSameAs, ClaimantType claimantType,
        LocalDate claimDate,
        String appearanceUrl, List<String> tags, Priority priority, LocalDate dueDate) {
}
