package org.claimdesk.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.claimdesk.claim.ClaimantType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ClaimReview JSON-LD and Google's readiness rules, without the app. */
class ClaimReviewTest {

    static final PublisherSettings PUBLISHER = publisher("https://factcheck.example.org/claims/{id}");

    static PublisherSettings publisher(String pattern) {
        return new PublisherSettings() {
            public String name() {
                return "Example Fact Check";
            }

            public String url() {
                return "https://www.factcheck.example.org/";
            }

            public String claimreviewUrlPattern() {
                return pattern;
            }
        };
    }

    static ClaimReview carlton(String claimReviewed, Integer value, Integer worst, Integer best, String label) {
        return new ClaimReview(51, claimReviewed, "David Lammy", "https://www.wikidata.org/wiki/Q587741",
                ClaimantType.PERSON, LocalDate.of(2024, 11, 22), "https://news.example/lammy-barrot", label, value, worst, best,
                "The blue plaque confirms it.", null, LocalDate.of(2024, 11, 25), null);
    }

    static ClaimReview.Check rule(List<ClaimReview.Check> checks, String startsWith) {
        return checks.stream().filter(c -> c.rule().startsWith(startsWith)).findFirst().orElseThrow();
    }

    @Test
    void aScaleRatingCarriesItsNumbersAndTheClaimItsAuthorDateAndAppearance() {
        ObjectNode json = carlton("Carlton Gardens was the Free French HQ 1940-1944", 5, 1, 5, "True").toJsonLd(PUBLISHER);

        assertEquals("https://schema.org", json.get("@context").asText());
        assertEquals("ClaimReview", json.get("@type").asText());
        assertEquals("https://factcheck.example.org/claims/51", json.get("url").asText());
        assertEquals("2024-11-25", json.get("datePublished").asText());
        assertEquals("Organization", json.at("/author/@type").asText());
        assertEquals("Example Fact Check", json.at("/author/name").asText());
        assertEquals(5, json.at("/reviewRating/ratingValue").asInt());
        assertEquals(5, json.at("/reviewRating/bestRating").asInt());
        assertEquals(1, json.at("/reviewRating/worstRating").asInt());
        assertEquals("True", json.at("/reviewRating/alternateName").asText());
        assertEquals("Claim", json.at("/itemReviewed/@type").asText());
        assertEquals("Person", json.at("/itemReviewed/author/@type").asText());
        assertEquals("https://www.wikidata.org/wiki/Q587741", json.at("/itemReviewed/author/sameAs").asText());
        assertEquals("2024-11-22", json.at("/itemReviewed/datePublished").asText());
        assertEquals("https://news.example/lammy-barrot", json.at("/itemReviewed/appearance/url").asText());
        assertFalse(json.has("correction"));
    }

    @Test
    void anOutcomeOutsideTheScaleCarriesItsAlternateNameOnly() {
        ObjectNode rating = (ObjectNode) carlton("Carlton Gardens was the Free French HQ", null, null, null, "Unverifiable")
                .toJsonLd(PUBLISHER).get("reviewRating");

        assertEquals(List.of("@type", "alternateName"), List.copyOf(iterable(rating.fieldNames())));
        assertEquals("Unverifiable", rating.get("alternateName").asText());
    }

    @Test
    void aCorrectionCarriesItsNoteAndDateModified() {
        ClaimReview correction = new ClaimReview(51, "Carlton Gardens was the Free French HQ", "Italy's Defence Ministry", null,
                null, null, null, "Mostly true", 4, 1, 5, "Nuanced.", "We first said True.", LocalDate.of(2024, 11, 25),
                LocalDate.of(2024, 12, 2));
        ObjectNode json = correction.toJsonLd(PUBLISHER);

        assertEquals("2024-12-02", json.get("dateModified").asText());
        assertEquals("CorrectionComment", json.at("/correction/@type").asText());
        assertEquals("We first said True.", json.at("/correction/text").asText());
        assertEquals("Organization", json.at("/itemReviewed/author/@type").asText(), "a ministry is an organisation");
        assertFalse(json.get("itemReviewed").has("appearance"));
    }

    @Test
    void aChosenClaimantTypeWinsOverTheGuessFromTheName() {
        // "Times" reads like a newspaper, but this claimant is a person the reviewer knows
        ClaimReview chosen = new ClaimReview(51, "Carlton Gardens was the Free French HQ", "Kathleen Times", null,
                ClaimantType.PERSON, null, null, "True", 5, 1, 5, "Plaque.", null, null, null);
        assertEquals("Person", chosen.toJsonLd(PUBLISHER).at("/itemReviewed/author/@type").asText());
        assertTrue(rule(chosen.checklist(PUBLISHER), "the claimant's type").passed());

        ClaimReview guessed = new ClaimReview(51, "Carlton Gardens was the Free French HQ", "Kathleen Times", null,
                null, null, null, "True", 5, 1, 5, "Plaque.", null, null, null);
        assertEquals("Organization", guessed.toJsonLd(PUBLISHER).at("/itemReviewed/author/@type").asText());
        ClaimReview.Check open = rule(guessed.checklist(PUBLISHER), "the claimant's type");
        assertFalse(open.passed());
        assertEquals(ClaimReview.Level.RECOMMENDED, open.level());
        assertTrue(open.advice().contains("guesses Organization"), open.advice());
        assertTrue(guessed.blockingProblems(PUBLISHER).isEmpty(), "a guessed type does not block the export");
    }

    @Test
    void aNinetyCharacterClaimReviewedGetsTheLengthWarningButStaysExportable() {
        String ninety = "Carlton Gardens in London was the headquarters of the Free French from 1940 until end 1944";
        assertEquals(90, ninety.length());
        List<ClaimReview.Check> checks = carlton(ninety, 5, 1, 5, "True").checklist(PUBLISHER);

        ClaimReview.Check length = rule(checks, "claimReviewed under 75");
        assertFalse(length.passed());
        assertEquals(ClaimReview.Level.RECOMMENDED, length.level());
        assertTrue(length.advice().contains("90 characters"));
        assertTrue(carlton(ninety, 5, 1, 5, "True").blockingProblems(PUBLISHER).isEmpty());
    }

    @Test
    void ratingWordsTheScaleAndTheUrlAreChecked() {
        List<ClaimReview.Check> checks = carlton("It is false that Carlton Gardens was the HQ", 7, 1, 5, "True").checklist(PUBLISHER);
        assertFalse(rule(checks, "claimReviewed has no rating words").passed());
        assertFalse(rule(checks, "ratingValue lies between").passed());
        assertTrue(rule(checks, "url is on the publisher's domain").passed(), "www. of the publisher counts as its domain");

        assertFalse(rule(carlton("Carlton Gardens", 1, 0, 5, "False").checklist(PUBLISHER), "worstRating is 1").passed());
        assertEquals(2, carlton("Carlton Gardens", 7, 0, 5, "True").blockingProblems(PUBLISHER).size());

        List<ClaimReview.Check> elsewhere = carlton("Carlton Gardens", 5, 1, 5, "True")
                .checklist(publisher("https://other.example.com/fc/{id}"));
        assertFalse(rule(elsewhere, "url is on the publisher's domain").passed());
        assertTrue(rule(elsewhere, "url of the fact-check page").passed());
        assertFalse(carlton("Carlton Gardens", 5, 1, 5, "True").blockingProblems(publisher("https://factcheck.example.org/claims"))
                .isEmpty(), "a pattern without {id} gives every fact-check the same URL");
        assertFalse(carlton(" ", 5, 1, 5, "").blockingProblems(PUBLISHER).isEmpty());
        assertEquals(ClaimReview.Level.REQUIRED, carlton("x", 5, 1, 5, "True").checklist(PUBLISHER).get(0).level(),
                "required rules come first");
    }

    @Test
    void theEmbedSnippetCannotBeEndedByTextInTheVerdict() {
        ClaimReview review = new ClaimReview(51, "</script><script>alert(1)</script>", null, null, null, null, null, "True", 5, 1, 5,
                "A & B", null, null, null);
        String snippet = review.embedSnippet(PUBLISHER);

        assertTrue(snippet.startsWith("<script type=\"application/ld+json\">\n"));
        assertEquals(1, snippet.split("</script>", -1).length - 1, "only the closing tag of the snippet itself");
        assertTrue(snippet.contains("\\u003c/script\\u003e"));
        assertTrue(snippet.contains("A \\u0026 B"));
    }

    private static <T> java.util.List<T> iterable(java.util.Iterator<T> iterator) {
        java.util.List<T> items = new java.util.ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }
}
