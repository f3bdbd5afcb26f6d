package org.claimdesk.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.claimdesk.Fixtures;
import org.claimdesk.claim.CheckWorthiness.Reason;
import org.claimdesk.claim.CheckWorthiness.ReasonCode;
import org.claimdesk.claim.CheckWorthiness.Suggestion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CheckWorthinessTest {

    @Nested
    class RealArticle {

        private final String text = Fixtures.realArticle();
        private final List<Suggestion> suggestions = CheckWorthiness.suggest(text);

        @Test
        void carltonGardensAndUnifilSentencesAreInTheTopFive() {
            List<Suggestion> topFive = suggestions.subList(0, 5);
            assertTrue(topFive.stream().anyMatch(s -> s.sentence().contains("headquarters of the Free France government")
                    && s.sentence().contains("1940-1944")), describe(topFive));
            assertTrue(topFive.stream().anyMatch(s -> s.sentence().contains("four Italian soldiers working for UNIFIL")
                    && s.sentence().contains("122mm rockets") && s.sentence().contains("Shama")), describe(topFive));
        }

        @Test
        void headlineSubHeadingAndScrapingLeftoverAreNotSuggested() {
            for (Suggestion suggestion : suggestions) {
                assertFalse(suggestion.sentence().equals("Yesterday"));
                assertFalse(suggestion.sentence().equals("The war in Gaza"));
                assertFalse(suggestion.sentence().startsWith("David Lammy and Jean-Noël Barrot warn"));
            }
            assertFalse(suggestions.stream().anyMatch(s -> s.sentence().contains("Yesterday")));
        }

        @Test
        void quotedChatWithNoFactsScoresBelowTheFactualSentences() {
            int chat = find("\"We've got very important discussions,\" Lammy said.").score();
            assertTrue(chat < find("Lammy received Barrot at Carlton Gardens").score());
            assertTrue(chat < find("They both condemned Israeli attacks").score());
        }

        @Test
        void everySentenceIsSplitOut() {
            assertTrue(suggestions.stream().anyMatch(s -> s.sentence().equals(
                    "That decision prompted an angry response from the Kremlin.")));
            assertTrue(suggestions.stream().anyMatch(s -> s.sentence().startsWith("But US officials claim")));
            assertEquals(26, suggestions.size(), "25 body lines, one of them holding two sentences");
        }

        @Test
        void offsetsGiveBackTheSentenceInCodePoints() {
            for (Suggestion suggestion : suggestions) {
                assertEquals(suggestion.sentence(), TextOffsets.codePointSlice(text, suggestion.start(), suggestion.end()));
                assertEquals(suggestion.sentence(), TextAnchor.fromPosition(text, suggestion.start(), suggestion.end()).exact());
            }
        }

        @Test
        void suggestionsAreSortedByScoreThenPosition() {
            Comparator<Suggestion> order = Comparator.comparingInt(Suggestion::score).reversed()
                    .thenComparingInt(Suggestion::start);
            assertEquals(suggestions.stream().sorted(order).toList(), suggestions);
        }

        @Test
        void scoreIsTheSumOfTheReasonsCutToZeroToHundred() {
            for (Suggestion suggestion : suggestions) {
                int sum = suggestion.reasons().stream().mapToInt(Reason::points).sum();
                assertEquals(Math.max(0, Math.min(100, sum)), suggestion.score());
            }
        }

        @Test
        void reasonsNameTheWordsThatMatched() {
            Suggestion unifil = find("They both condemned Israeli attacks");
            assertTrue(reason(unifil, ReasonCode.NAMED_ENTITY).orElseThrow().explanation().contains("\"UNIFIL\""));
            assertTrue(reason(unifil, ReasonCode.NUMBER).orElseThrow().explanation().contains("\"four\""));
            assertTrue(reason(unifil, ReasonCode.QUANTITY).orElseThrow().explanation().contains("\"122mm\""));
            assertTrue(reason(unifil, ReasonCode.ATTRIBUTION).orElseThrow().explanation().contains("\"said\""));

            Suggestion carlton = find("Lammy received Barrot at Carlton Gardens");
            assertTrue(reason(carlton, ReasonCode.DATE).orElseThrow().explanation().contains("\"1940-1944\""));
            assertTrue(reason(carlton, ReasonCode.NAMED_ENTITY).orElseThrow().explanation().contains("\"Carlton Gardens\""));
        }

        @Test
        void nameAtTheStartOfASentenceCountsWhenTheArticleUsesItInsideSentences() {
            Suggestion carlton = find("Lammy received Barrot at Carlton Gardens");
            assertTrue(reason(carlton, ReasonCode.NAMED_ENTITY).orElseThrow().explanation().contains("\"Lammy\""));
            Suggestion alone = CheckWorthiness.assess(carlton.sentence());
            assertFalse(reason(alone, ReasonCode.NAMED_ENTITY).orElseThrow().explanation().contains("\"Lammy\""));
        }

        private Suggestion find(String sentenceStart) {
            return suggestions.stream().filter(s -> s.sentence().startsWith(sentenceStart)).findFirst()
                    .orElseThrow(() -> new AssertionError("not suggested: " + sentenceStart));
        }
    }

    @Nested
    class LinesThatAreNotBodyText {

        @Test
        void bylinesAndBoilerplateAreDropped() {
            String text = String.join("\n",
                    "Minister opens new bridge",
                    "By Jane Smith and John Doe, Transport Correspondents, Example News, London",
                    "Share",
                    "Advertisement",
                    "Read more: Bridges across the country are crumbling, says report.",
                    "The bridge cost £25m and took three years to build, the council said.",
                    "Image caption, The bridge at dawn",
                    "Related Topics",
                    "© 2024 Example News. All rights reserved.",
                    "Copyright Example News Ltd 2024");
            List<Suggestion> suggestions = CheckWorthiness.suggest(text);

            assertEquals(1, suggestions.size(), describe(suggestions));
            assertEquals("The bridge cost £25m and took three years to build, the council said.",
                    suggestions.get(0).sentence());
        }

        @Test
        void firstLineThatEndsLikeASentenceIsKept() {
            List<Suggestion> suggestions = CheckWorthiness.suggest("Inflation fell to 3% in June 2023, the ONS said.\n");
            assertEquals(1, suggestions.size());
        }

        @Test
        void longLineWithoutFinalPunctuationIsKept() {
            String text = "Headline\nThe council said the bridge cost £25m and took three years to build";
            assertEquals(1, CheckWorthiness.suggest(text).size());
        }

        @Test
        void emptyTextHasNoSuggestions() {
            assertTrue(CheckWorthiness.suggest("").isEmpty());
            assertTrue(CheckWorthiness.suggest("\n\n").isEmpty());
        }

        @Test
        void abbreviationsDoNotEndSentences() {
            List<Suggestion> suggestions = CheckWorthiness.suggest(
                    "Headline\nMr. Smith said the U.S. economy grew 3% in 2023. Prices rose again.");
            assertEquals(2, suggestions.size(), describe(suggestions));
        }

        @Test
        void offsetsCountEmojiAndAstralLettersAsOneCodePoint() {
            String text = "Headline 😀\n😀 𝔘 Jean-Noël Barrot said 4 soldiers were hurt on 1 October. Was it true?\n"
                    + "Shares in 𝔘Corp rose 12% in 2024, according to analysts.";
            List<Suggestion> suggestions = CheckWorthiness.suggest(text);

            assertEquals(3, suggestions.size(), describe(suggestions));
            for (Suggestion suggestion : suggestions) {
                assertEquals(suggestion.sentence(), TextOffsets.codePointSlice(text, suggestion.start(), suggestion.end()));
            }
            Suggestion barrot = suggestions.stream().filter(s -> s.sentence().contains("Barrot")).findFirst().orElseThrow();
            assertEquals(11, barrot.start(), "after the headline's 10 code points and its line end");
        }
    }

    @Nested
    class Reasons {

        @Test
        void numbersAndNumberWordsScoreUp() {
            assertHas("Police said 250 people and four officers attended the rally.", ReasonCode.NUMBER, "\"250\"", "\"four\"");
            assertHas("North Korea deployed thousands of troops to help Russia.", ReasonCode.NUMBER, "\"thousands\"");
        }

        @Test
        void quantitiesWithUnitsScoreUp() {
            assertHas("Two exploding 122mm rockets hit the base.", ReasonCode.QUANTITY, "\"122mm\"");
            assertHas("Prices rose 4.5% while the deficit reached £12bn this spring.", ReasonCode.QUANTITY,
                    "\"4.5%\"", "\"£12bn\"");
            assertHas("They provided billions of euros in assistance to Kyiv.", ReasonCode.QUANTITY, "\"billions of euros\"");
        }

        @Test
        void datesScoreUp() {
            assertHas("It was the headquarters of the government in exile between 1940-1944.", ReasonCode.DATE,
                    "\"1940-1944\"");
            assertHas("Israel began its ground invasion of Lebanon on 1 October, officials said.", ReasonCode.DATE,
                    "\"1 October\"");
            assertHas("The talks in London took place on Friday with senior officials.", ReasonCode.DATE, "\"Friday\"");
            assertHas("The summit was held on March 3, 2023 in Dubai by the hosts.", ReasonCode.DATE, "\"March 3, 2023\"");
        }

        @Test
        void aYearRangeCountsAsTwoDates() {
            int range = points("The minister served in the government between 1940-1944.", ReasonCode.DATE);
            int year = points("The minister served in the government from 1940 onwards.", ReasonCode.DATE);
            assertTrue(range > year);
        }

        @Test
        void digitsOfADateAreNotCountedAgainAsNumbers() {
            Suggestion suggestion = CheckWorthiness.assess("Israel began its ground invasion of Lebanon on 1 October.");
            assertTrue(reason(suggestion, ReasonCode.NUMBER).isEmpty());
        }

        @Test
        void namesAndAcronymsScoreUp() {
            assertHas("The alliance was launched at the G20 in Brazil after COP28 talks.", ReasonCode.NAMED_ENTITY,
                    "\"G20\"", "\"Brazil\"", "\"COP28\"");
            assertHas("Several UNIFIL posts were hit, the NATO spokesman said.", ReasonCode.NAMED_ENTITY,
                    "\"UNIFIL\"", "\"NATO\"");
            assertHas("The meeting took place at Carlton Gardens in central London.", ReasonCode.NAMED_ENTITY,
                    "\"Carlton Gardens\"", "\"London\"");
        }

        @Test
        void capitalisedFirstWordAndFunctionWordsAreNotNames() {
            Suggestion suggestion = CheckWorthiness.assess("Several posts have been hit since the war began.");
            assertTrue(reason(suggestion, ReasonCode.NAMED_ENTITY).isEmpty());
            Suggestion quoted = CheckWorthiness.assess("He wrote: \"The talks went on.\"");
            assertTrue(reason(quoted, ReasonCode.NAMED_ENTITY).isEmpty());
        }

        @Test
        void attributedStatementsScoreUp() {
            assertHas("According to the ministry, the base was hit twice.", ReasonCode.ATTRIBUTION, "\"According to\"");
            assertHas("US officials claim the policy shift came later.", ReasonCode.ATTRIBUTION, "\"claim\"");
        }

        @Test
        void comparisonsScoreUp() {
            assertHas("Unemployment is more than double the national average.", ReasonCode.COMPARISON, "\"more than\"");
            assertHas("The weapons can strike targets deeper inside Russia.", ReasonCode.COMPARISON, "\"deeper\"");
            assertHas("It is the largest renewable project in the region.", ReasonCode.COMPARISON, "\"largest\"");
            Suggestion notSuperlative = CheckWorthiness.assess("Investors showed interest in the forest project.");
            assertTrue(reason(notSuperlative, ReasonCode.COMPARISON).isEmpty());
        }

        @Test
        void questionsScoreDown() {
            assertEquals(-20, points("Is the United Kingdom really spending more on defence?", ReasonCode.QUESTION));
        }

        @Test
        void opinionsScoreDown() {
            assertHas("I think the Alliance is a wonderful idea for everyone here.", ReasonCode.OPINION,
                    "\"I think\"", "\"wonderful\"");
            assertHas("We believe these are very important talks for Europe.", ReasonCode.OPINION,
                    "\"We believe\"", "\"very important\"");
        }

        @Test
        void judgementWordsInNamesAreNotOpinions() {
            Suggestion suggestion = CheckWorthiness.assess("Great Britain sent aid to the region last year, officials said.");
            assertTrue(reason(suggestion, ReasonCode.OPINION).isEmpty(), suggestion.reasons().toString());
        }

        @Test
        void predictionsScoreDown() {
            assertHas("Member countries will work together on clean finance.", ReasonCode.PREDICTION, "\"will\"");
            assertHas("I look forward to continuing those discussions with ministers.", ReasonCode.PREDICTION,
                    "\"look forward\"");
            assertHas("The pair were expected to cover the war in Ukraine.", ReasonCode.PREDICTION, "\"expected to\"");
        }

        @Test
        void quotedSpeechWithoutFactsScoresDown() {
            assertEquals(-15, points("\"We've got very important discussions,\" Lammy said.", ReasonCode.QUOTED_SPEECH));
            Suggestion withFacts = CheckWorthiness.assess("\"We sent 500 troops in 2022,\" the minister said.");
            assertTrue(reason(withFacts, ReasonCode.QUOTED_SPEECH).isEmpty());
        }

        @Test
        void shortSentencesScoreDown() {
            assertEquals(-15, points("Prices rose sharply.", ReasonCode.SHORT));
        }

        @Test
        void factualSentenceOutscoresOpinionAndPrediction() {
            int fact = CheckWorthiness.assess(
                    "The Office for National Statistics said inflation fell to 3.2% in March 2024.").score();
            int opinion = CheckWorthiness.assess("I think this is a really terrible idea for the country.").score();
            int prediction = CheckWorthiness.assess("We will look forward to better times ahead.").score();
            assertTrue(fact > opinion && fact > prediction, fact + " " + opinion + " " + prediction);
            assertEquals(0, opinion);
        }

        @Test
        void assessSpansTheWholeSentenceInCodePoints() {
            Suggestion suggestion = CheckWorthiness.assess("😀 Shares in 𝔘Corp rose 12% in 2024.");
            assertEquals(0, suggestion.start());
            assertEquals(35, suggestion.end());
        }

        @Test
        void reasonsComeInReasonCodeOrder() {
            Suggestion suggestion = CheckWorthiness.assess(
                    "Will NATO spend more than 2% by 2030, as the minister said according to Reuters?");
            List<ReasonCode> codes = suggestion.reasons().stream().map(Reason::code).toList();
            assertEquals(codes.stream().sorted().toList(), codes);
            assertTrue(codes.contains(ReasonCode.QUESTION), codes.toString());
        }
    }

    private static void assertHas(String sentence, ReasonCode code, String... words) {
        Suggestion suggestion = CheckWorthiness.assess(sentence);
        Reason reason = reason(suggestion, code)
                .orElseThrow(() -> new AssertionError("no " + code + " in " + suggestion.reasons()));
        for (String word : words) {
            assertTrue(reason.explanation().contains(word), reason.explanation() + " should name " + word);
        }
        boolean up = switch (code) {
            case QUESTION, OPINION, PREDICTION, QUOTED_SPEECH, SHORT -> false;
            default -> true;
        };
        assertEquals(up, reason.points() > 0, reason.toString());
    }

    private static int points(String sentence, ReasonCode code) {
        return reason(CheckWorthiness.assess(sentence), code).map(Reason::points).orElse(0);
    }

    private static Optional<Reason> reason(Suggestion suggestion, ReasonCode code) {
        return suggestion.reasons().stream().filter(reason -> reason.code() == code).findFirst();
    }

    private static String describe(List<Suggestion> suggestions) {
        StringBuilder out = new StringBuilder();
        suggestions.forEach(s -> out.append(s.score()).append(' ').append(s.sentence()).append('\n'));
        return out.toString();
    }
}
