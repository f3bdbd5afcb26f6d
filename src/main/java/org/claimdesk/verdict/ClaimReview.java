package org.claimdesk.verdict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.claimdesk.claim.ClaimForm;
import org.claimdesk.claim.ClaimantType;
import org.claimdesk.web.FormValues;

/**
 * A verdict as schema.org ClaimReview (https://schema.org/ClaimReview), the JSON-LD that fact-check
 * publishers embed so search engines and fact-check aggregators can read the verdict; and the
 * readiness checklist that applies Google's documented ClaimReview rules to it.
 *
 * <p>Plain values only (no database), so it is built and tested without the app.
 *
 * @param claimId the claim number, put into the publisher's URL pattern
 * @param claimReviewed the claim as the verdict states it (schema.org {@code claimReviewed})
 * @param claimantName who made the claim ({@code itemReviewed.author.name}), or null
 * @param claimantSameAs a URL identifying the claimant, e.g. Wikidata ({@code sameAs}), or null
 * @param claimantType the claimant's schema.org type as chosen on the claim, or null when nobody
 *     chose it (the export then guesses it from the name, see {@link ClaimantType#guessFrom})
 * @param claimDate when the claim was made ({@code itemReviewed.datePublished}), or null
 * @param appearanceUrl where the claim appeared ({@code itemReviewed.appearance.url}), or null
 * @param ratingLabel the rating's label ({@code reviewRating.alternateName})
 * @param ratingValue the rating on the scale, 1 = worst ({@code ratingValue}); null for outcomes
 *     outside the scale (Misleading, Unverifiable), which carry {@code alternateName} only
 * @param worstRating the scale's lowest ratingValue (1), or null for an outcome outside the scale
 * @param bestRating the scale's highest ratingValue, or null for an outcome outside the scale
 * @param ratingExplanation the verdict's rationale ({@code reviewBody})
 * @param correctionNote the public note of a correction ({@code correction}), or null
 * @param datePublished when the claim's first verdict was signed off (UTC day), or null if never
 * @param dateModified when this verdict was signed off, if later than {@code datePublished}; else null
 */
public record ClaimReview(long claimId, String claimReviewed, String claimantName, String claimantSameAs,
        ClaimantType claimantType, LocalDate claimDate, String appearanceUrl, String ratingLabel, Integer ratingValue, Integer worstRating,
        Integer bestRating, String ratingExplanation, String correctionNote, LocalDate datePublished,
        LocalDate dateModified) {

    /** The JSON-LD context: schema.org. */
    public static final String CONTEXT = "https://schema.org";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Whether a rule must pass for the export (REQUIRED) or is advice (RECOMMENDED). */
    public enum Level {
        /** Google does not show the fact-check without it: the export is refused. */
        REQUIRED,
        /** Google recommends it: the export goes ahead, the checklist warns. */
        RECOMMENDED
    }

    /**
     * One line of the readiness checklist.
     *
     * @param rule what the rule asks, e.g. "claimReviewed under 75 characters"
     * @param passed whether this ClaimReview follows it
     * @param advice what to do when it does not; empty when passed
     */
    public record Check(Level level, String rule, boolean passed, String advice) {

        /** True for a required rule that fails. */
        public boolean blocking() {
            return level == Level.REQUIRED && !passed;
        }
    }

    /** The public URL of this fact-check from the publisher's pattern ({@code {id}} → claim number). */
    public String url(PublisherSettings publisher) {
        return publisher.claimreviewUrlPattern().replace("{id}", Long.toString(claimId));
    }

    /**
     * The ClaimReview as a JSON-LD object (schema.org context), with only the properties that have
     * a value: outcomes outside the scale get {@code alternateName} without numbers, corrections a
     * {@code correction} (CorrectionComment) and {@code dateModified}.
     */
    public ObjectNode toJsonLd(PublisherSettings publisher) {
        ObjectNode review = JSON.createObjectNode();
        review.put("@context", CONTEXT);
        review.put("@type", "ClaimReview");
        review.put("url", url(publisher));
        review.put("claimReviewed", claimReviewed);
        if (datePublished != null) {
            review.put("datePublished", datePublished.toString());
        }
        if (dateModified != null) {
            review.put("dateModified", dateModified.toString());
        }
        ObjectNode author = review.putObject("author");
        author.put("@type", "Organization");
        author.put("name", publisher.name());
        author.put("url", publisher.url());
        ObjectNode rating = review.putObject("reviewRating");
        rating.put("@type", "Rating");
        if (ratingValue != null) {
            rating.put("ratingValue", ratingValue);
            rating.put("bestRating", bestRating);
            rating.put("worstRating", worstRating);
        }
        rating.put("alternateName", ratingLabel);
        ObjectNode claim = review.putObject("itemReviewed");
        claim.put("@type", "Claim");
        if (claimantName != null) {
            ObjectNode claimant = claim.putObject("author");
            claimant.put("@type", claimantSchemaType());
            claimant.put("name", claimantName);
            if (claimantSameAs != null) {
                claimant.put("sameAs", claimantSameAs);
            }
        }
        if (claimDate != null) {
            claim.put("datePublished", claimDate.toString());
        }
        if (appearanceUrl != null) {
            ObjectNode appearance = claim.putObject("appearance");
            appearance.put("@type", "CreativeWork");
            appearance.put("url", appearanceUrl);
        }
        review.put("reviewBody", ratingExplanation);
        if (correctionNote != null) {
            ObjectNode correction = review.putObject("correction");
            correction.put("@type", "CorrectionComment");
            correction.put("text", correctionNote);
            if (dateModified != null) {
                correction.put("datePublished", dateModified.toString());
            }
        }
        return review;
    }

    /** The JSON-LD document, indented, UTF-8 text. */
    public String toJson(PublisherSettings publisher) {
        try {
            return JSON.writeValueAsString(toJsonLd(publisher));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A ClaimReview always serialises", e);
        }
    }

    /**
     * The HTML to paste into the public fact-check page: a {@code <script type="application/ld+json">}
     * element holding the JSON-LD, with {@code <}, {@code >} and {@code &} written as JSON escapes so
     * no text in the verdict can end the script element.
     */
    public String embedSnippet(PublisherSettings publisher) {
        String json = toJson(publisher).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        return "<script type=\"application/ld+json\">\n" + json + "\n</script>";
    }

    /**
     * The schema.org type of {@code itemReviewed.author}: the chosen one, else "Organization" when
     * the claimant's name reads like an organisation's and "Person" otherwise.
     */
    public String claimantSchemaType() {
        return (claimantType != null ? claimantType : ClaimantType.guessFrom(claimantName)).schemaType();
    }

    /**
     * Google's ClaimReview rules applied to this review, required rules first.
     *
     * @see <a href="https://developers.google.com/search/docs/appearance/structured-data/factcheck">Google
     *     Search Central: Fact check (ClaimReview) structured data</a>
     */
    public List<Check> checklist(PublisherSettings publisher) {
        List<Check> checks = new ArrayList<>();
        boolean hasClaim = claimReviewed != null && !claimReviewed.isBlank();
        checks.add(check(Level.REQUIRED, "claimReviewed is given", hasClaim, "State the claim the verdict is about."));
        checks.add(check(Level.REQUIRED, "reviewRating has an alternateName", ratingLabel != null && !ratingLabel.isBlank(),
                "Give the rating a label on the rating scale."));
        String url = url(publisher);
        boolean urlOk = publisher.claimreviewUrlPattern().contains("{id}") && FormValues.isHttpUrl(url);
        checks.add(check(Level.REQUIRED, "url of the fact-check page is given", urlOk,
                "Set the ClaimReview URL pattern (Admin, desk settings) to an http(s) URL containing {id}."));
        if (ratingValue != null) {
            checks.add(check(Level.REQUIRED, "worstRating is 1 or more", worstRating != null && worstRating >= 1,
                    "The scale's worst level must have ratingValue 1 or more."));
            checks.add(check(Level.REQUIRED, "ratingValue lies between worstRating and bestRating",
                    worstRating != null && bestRating != null && worstRating <= ratingValue && ratingValue <= bestRating,
                    "The rating's value must lie within the scale."));
        }
        checks.add(check(Level.RECOMMENDED, "author (the publishing organisation) is named",
                publisher.name() != null && !publisher.name().isBlank(), "Set the publisher name (Admin, desk settings)."));
        checks.add(check(Level.RECOMMENDED, "datePublished: the verdict is signed off", datePublished != null,
                "An editor's sign-off gives the fact-check its publication date."));
        checks.add(check(Level.RECOMMENDED, "itemReviewed names who made the claim (author)", claimantName != null,
                "Fill in the claimant."));
        if (claimantName != null) {
            checks.add(check(Level.RECOMMENDED, "the claimant's type (Person or Organization) was chosen",
                    claimantType != null, "Choose on the claim form whether the claimant is a person or an organization;"
                            + " until then the export guesses " + claimantSchemaType() + " from the name."));
        }
        checks.add(check(Level.RECOMMENDED, "itemReviewed says when the claim was made (datePublished)", claimDate != null,
                "Fill in the claim date."));
        checks.add(check(Level.RECOMMENDED, "itemReviewed says where the claim appeared (appearance)", appearanceUrl != null,
                "Fill in the appearance URL."));
        int length = hasClaim ? claimReviewed.strip().length() : 0;
        checks.add(check(Level.RECOMMENDED, "claimReviewed under " + ClaimForm.RECOMMENDED_CLAIM_REVIEWED + " characters",
                length <= ClaimForm.RECOMMENDED_CLAIM_REVIEWED,
                "claimReviewed has " + length + " characters; shorten it to under "
                        + ClaimForm.RECOMMENDED_CLAIM_REVIEWED + "."));
        String ratingWord = ClaimForm.ratingWordIn(claimReviewed);
        checks.add(check(Level.RECOMMENDED, "claimReviewed has no rating words", ratingWord == null,
                "Remove \"" + ratingWord + "\": state the claim, not the verdict."));
        checks.add(check(Level.RECOMMENDED, "url is on the publisher's domain", onPublisherDomain(url, publisher.url()),
                "The fact-check page should be on the same site as " + publisher.url() + "."));
        checks.sort((a, b) -> a.level().compareTo(b.level()));
        return checks;
    }

    /** The required rules this review fails, as advice; empty when it may be exported. */
    public List<String> blockingProblems(PublisherSettings publisher) {
        return checklist(publisher).stream().filter(Check::blocking).map(check -> check.rule() + ": " + check.advice())
                .toList();
    }

    private static Check check(Level level, String rule, boolean passed, String advice) {
        return new Check(level, rule, passed, passed ? "" : advice);
    }

    /** True when the URL's host is the publisher's host or a subdomain of it. */
    static boolean onPublisherDomain(String url, String publisherUrl) {
        String host = hostOf(url);
        String publisherHost = hostOf(publisherUrl);
        if (host == null || publisherHost == null) {
            return false;
        }
        String domain = publisherHost.startsWith("www.") ? publisherHost.substring(4) : publisherHost;
        return host.equals(domain) || host.endsWith("." + domain);
    }

    private static String hostOf(String url) {
        try {
            String host = url == null ? null : new URI(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
