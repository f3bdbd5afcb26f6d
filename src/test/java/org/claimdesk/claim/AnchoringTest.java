package org.claimdesk.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.claimdesk.Fixtures;
import org.claimdesk.claim.Reanchored.Outcome;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AnchoringTest {

    private static final String ARTICLE = Fixtures.realArticle();

    private static final String CARLTON =
            "Carlton Gardens, which was the headquarters of the Free France government in exile between 1940-1944";

    private static final String UNIFIL = "They both condemned Israeli attacks on UN peacekeepers based in Lebanon"
            + " with four Italian soldiers working for UNIFIL injured when two exploding 122mm rockets hit the"
            + " mission base in Shama, Italy's Defence Ministry said.";

    @Nested
    class Locate {

        @Test
        void quoteThatOccursOnceIsAnchoredAtItsCodePointOffsets() {
            TextAnchor anchor = Anchoring.locate(ARTICLE, CARLTON, null, null);

            assertEquals(CARLTON, anchor.exact());
            assertEquals(TextOffsets.codePointOffsetOf(ARTICLE, CARLTON), anchor.start());
            assertEquals(anchor.start() + CARLTON.codePoints().count(), anchor.end());
            assertEquals(CARLTON, TextOffsets.codePointSlice(ARTICLE, anchor.start(), anchor.end()));
        }

        @Test
        void unifilSentenceOfTheRealArticleIsAnchoredAtItsCodePointOffsets() {
            TextAnchor anchor = Anchoring.locate(ARTICLE, UNIFIL, null, null);

            assertEquals(UNIFIL, anchor.exact());
            assertEquals(TextOffsets.codePointOffsetOf(ARTICLE, UNIFIL), anchor.start());
            assertEquals(UNIFIL, TextOffsets.codePointSlice(ARTICLE, anchor.start(), anchor.end()));
            assertEquals("curity guarantees,\" they wrote.\n", anchor.prefix(), "32 code points");
            assertTrue(anchor.suffix().startsWith("\nSeveral UNIFIL posts"));
        }

        @Test
        void offsetsAfterAccentedLettersCountCodePoints() {
            String text = "France's Foreign Minister Jean-Noël Barrot has met David Lammy.";
            TextAnchor anchor = Anchoring.locate(text, "Barrot has met", null, null);
            assertEquals(36, anchor.start());
            assertEquals("Barrot has met", TextOffsets.codePointSlice(text, anchor.start(), anchor.end()));
        }

        @Test
        void offsetsAfterEmojiAndAstralLettersCountCodePoints() {
            String text = "😀😀 𝔘𝔑 the mission base in Shama 😀 was hit";
            TextAnchor anchor = Anchoring.locate(text, "mission base in Shama 😀", null, null);

            assertEquals(10, anchor.start());
            assertEquals(33, anchor.end());
            assertEquals("mission base in Shama 😀", anchor.exact());
            assertEquals("😀😀 𝔘𝔑 the ", anchor.prefix());
            assertEquals(" was hit", anchor.suffix());
        }

        @Test
        void curlyAndStraightApostrophesMatchEachOther() {
            TextAnchor anchor = Anchoring.locate(ARTICLE, "cover in Friday's talks", null, null);
            assertEquals("cover in Friday’s talks", anchor.exact(), "the anchor quotes the article as it is");

            TextAnchor straight = Anchoring.locate(ARTICLE, "“We’ve got very important discussions,”", null, null);
            assertEquals("\"We've got very important discussions,\"", straight.exact());
        }

        @Test
        void whitespaceRunsAndLineEndsInTheQuoteAreIgnored() {
            TextAnchor anchor = Anchoring.locate(ARTICLE, "  Carlton   Gardens,\nwhich\u00A0was  ", null, null);
            assertEquals("Carlton Gardens, which was", anchor.exact());

            TextAnchor acrossLines = Anchoring.locate(ARTICLE, "government in exile between 1940-1944. \"More than ever",
                    null, null);
            assertEquals("government in exile between 1940-1944.\n\"More than ever", acrossLines.exact());
        }

        @Test
        void quoteNotInTheTextIsRefused() {
            AnchorException error = assertThrows(AnchorException.class,
                    () -> Anchoring.locate(ARTICLE, "five Italian soldiers", null, null));
            assertEquals("quote not found in the article text", error.getMessage());
        }

        @Test
        void blankQuoteIsRefused() {
            assertThrows(AnchorException.class, () -> Anchoring.locate(ARTICLE, " \n ", null, null));
        }

        @Test
        void quoteThatOccursTwiceWithoutHintsIsAmbiguous() {
            AmbiguousQuoteException error = assertThrows(AmbiguousQuoteException.class,
                    () -> Anchoring.locate(ARTICLE, "Lammy and Barrot", null, null));
            assertEquals(2, error.occurrences());
            assertTrue(error.getMessage().contains("2 times"));
        }

        @Test
        void suffixHintChoosesBetweenOccurrences() {
            TextAnchor anchor = Anchoring.locate(ARTICLE, "Lammy and Barrot", null, "wrote,");
            assertEquals(TextOffsets.codePointOffsetOf(ARTICLE, "Lammy and Barrot wrote"), anchor.start());
        }

        @Test
        void prefixHintChoosesBetweenOccurrences() {
            TextAnchor anchor = Anchoring.locate(ARTICLE, "Lammy and Barrot", "The war in Gaza", "");
            assertEquals(TextOffsets.codePointOffsetOf(ARTICLE, "Lammy and Barrot also"), anchor.start());
        }

        @Test
        void hintsNearbyButNotAdjacentStillChoose() {
            TextAnchor anchor = Anchoring.locate(ARTICLE, "Lammy and Barrot", null, "the UK and France");
            assertEquals(TextOffsets.codePointOffsetOf(ARTICLE, "Lammy and Barrot wrote"), anchor.start());
        }

        @Test
        void hintsThatFitNoOccurrenceLeaveTheQuoteAmbiguous() {
            AmbiguousQuoteException error = assertThrows(AmbiguousQuoteException.class,
                    () -> Anchoring.locate(ARTICLE, "Lammy and Barrot", "nowhere", "nothing"));
            assertEquals(2, error.occurrences());
        }

        @Test
        void hintsThatFitEveryOccurrenceLeaveTheQuoteAmbiguous() {
            String text = "the UK said so. the UK said so.";
            AmbiguousQuoteException error = assertThrows(AmbiguousQuoteException.class,
                    () -> Anchoring.locate(text, "UK", "the", "said"));
            assertEquals(2, error.occurrences());
        }
    }

    @Nested
    class Reanchor {

        private final TextAnchor carlton = Anchoring.locate(ARTICLE, CARLTON, null, null);

        @Test
        void unchangedTextKeepsTheAnchor() {
            Reanchored result = Anchoring.reanchor(carlton, ARTICLE);

            assertEquals(Outcome.KEPT, result.outcome());
            assertEquals(carlton, result.anchor());
            assertEquals(1.0, result.similarity());
            assertFalse(result.needsConfirmation());
        }

        @Test
        void wordInsertedBeforeTheSentenceMovesTheAnchor() {
            String newText = ARTICLE.replace("Lammy received Barrot at", "Lammy warmly received Barrot at");
            Reanchored result = Anchoring.reanchor(carlton, newText);

            assertEquals(Outcome.MOVED, result.outcome());
            assertEquals(CARLTON, result.anchor().exact());
            assertEquals(carlton.start() + "warmly ".length(), result.anchor().start());
            assertEquals("Lammy warmly received Barrot at ", result.anchor().prefix());
            assertFalse(result.needsConfirmation());
        }

        @Test
        void emojiInsertedBeforeTheQuoteShiftsItByOneCodePointEach() {
            String newText = "😀𝔘 " + ARTICLE;
            Reanchored result = Anchoring.reanchor(carlton, newText);

            assertEquals(Outcome.MOVED, result.outcome());
            assertEquals(carlton.start() + 3, result.anchor().start());
            assertEquals(CARLTON, TextOffsets.codePointSlice(newText, result.anchor().start(), result.anchor().end()));
        }

        @Test
        void changedWhitespaceInsideTheQuoteStillMovesIt() {
            String newText = "Intro.\n" + ARTICLE.replace("Free France government", "Free France\ngovernment");
            Reanchored result = Anchoring.reanchor(carlton, newText);

            assertEquals(Outcome.MOVED, result.outcome());
            assertTrue(result.anchor().exact().contains("Free France\ngovernment"));
        }

        @Test
        void oneWordChangedInsideTheQuoteIsAFuzzyMatchToConfirm() {
            String newText = ARTICLE.replace("headquarters of the Free France", "seat of the Free France");
            Reanchored result = Anchoring.reanchor(carlton, newText);

            assertEquals(Outcome.FUZZY, result.outcome());
            assertTrue(result.needsConfirmation());
            assertEquals("Carlton Gardens, which was the seat of the Free France government in exile between 1940-1944",
                    result.anchor().exact());
            assertTrue(result.similarity() > 0.8 && result.similarity() < 1.0, "similarity " + result.similarity());
            assertEquals(result.anchor().exact(),
                    TextOffsets.codePointSlice(newText, result.anchor().start(), result.anchor().end()));
        }

        @Test
        void fuzzyMatchLeavesOutPunctuationTheOldQuoteDidNotHave() {
            String newText = ARTICLE.replace("between 1940-1944.", "between 1940-1945.");
            Reanchored result = Anchoring.reanchor(carlton, newText);

            assertEquals(Outcome.FUZZY, result.outcome());
            assertTrue(result.anchor().exact().endsWith("between 1940-1945"), result.anchor().exact());
            assertTrue(result.anchor().exact().startsWith("Carlton Gardens"), result.anchor().exact());
        }

        @Test
        void deletedSentenceOrphansTheAnchor() {
            String newText = ARTICLE.replace("Lammy received Barrot at " + CARLTON + ".\n", "");
            Reanchored result = Anchoring.reanchor(carlton, newText);

            assertEquals(Outcome.ORPHANED, result.outcome());
            assertNull(result.anchor());
            assertEquals(0.0, result.similarity());
        }

        @Test
        void emptyNewTextOrphansTheAnchor() {
            assertEquals(Outcome.ORPHANED, Anchoring.reanchor(carlton, "").outcome());
        }

        @Test
        void repeatedQuoteIsChosenByItsOldContext() {
            TextAnchor second = Anchoring.locate(ARTICLE, "Lammy and Barrot", null, "wrote");
            String newText = "Update: Lammy and Barrot met.\n" + ARTICLE;
            Reanchored result = Anchoring.reanchor(second, newText);

            assertEquals(Outcome.MOVED, result.outcome());
            assertEquals(TextOffsets.codePointOffsetOf(newText, "Lammy and Barrot wrote"), result.anchor().start());
        }

        @Test
        void repeatedQuoteWithNoContextToChooseIsFuzzyAtTheNearestOccurrence() {
            TextAnchor anchor = Anchoring.locate("aaaaaaaaaaaa UK", "UK", null, null);
            Reanchored result = Anchoring.reanchor(anchor, "c UK d c UK d");

            assertEquals(Outcome.FUZZY, result.outcome());
            assertTrue(result.needsConfirmation());
            assertEquals(9, result.anchor().start(), "the occurrence nearest the old offset 13");
            assertEquals("UK", result.anchor().exact());
        }

        @Test
        void everyBodyLineOfTheArticleIsOrphanedWhenDeletedAndFuzzyWhenOneWordChanges() {
            List<String> lines = Arrays.asList(ARTICLE.split("\n"));
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                String[] words = line.split(" ");
                if (words.length < 8) {
                    continue;
                }
                TextAnchor anchor = Anchoring.locate(ARTICLE, line, null, null);

                List<String> deleted = new ArrayList<>(lines);
                deleted.remove(i);
                assertEquals(Outcome.ORPHANED, Anchoring.reanchor(anchor, String.join("\n", deleted)).outcome(),
                        "deleted: " + line);

                words[words.length / 2] = "zebra";
                List<String> changed = new ArrayList<>(lines);
                changed.set(i, String.join(" ", words));
                Reanchored fuzzy = Anchoring.reanchor(anchor, String.join("\n", changed));
                assertEquals(Outcome.FUZZY, fuzzy.outcome(), "changed: " + line);
                assertEquals(changed.get(i), fuzzy.anchor().exact());
            }
        }
    }

    @Test
    void similarityIsTheDiceCoefficientOfTheLongestCommonSubsequence() {
        assertEquals(1.0, Anchoring.similarity("same", "same"));
        assertEquals(0.0, Anchoring.similarity("abc", "xyz"));
        assertEquals(0.75, Anchoring.similarity("abcd", "abcx"), 1e-9);
        assertEquals(0.5, Anchoring.similarity("abcd", "abxy"), 1e-9);
        assertEquals(1.0, Anchoring.similarity("😀𝔘", "😀𝔘"));
        assertEquals(0.5, Anchoring.similarity("😀a", "😀b"), 1e-9);
    }
}
