package org.claimdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The words a search estimate counts, from PostgreSQL's web search syntax. */
class SearchWordsTest {

    @Test
    void plainWordsAreAllPositive() {
        assertEquals(new SearchWords("peacekeepers rockets", false, false), SearchWords.of("peacekeepers  rockets"));
    }

    @Test
    void phrasesLoseTheirQuotesAndExclusionsAreLeftOut() {
        assertEquals(new SearchWords("Free French Carlton", false, true),
                SearchWords.of("\"Free French\" -\"de Gaulle\" Carlton -plaque"));
    }

    @Test
    void orJoinsAlternativesButAQuotedOrIsAWord() {
        assertEquals(new SearchWords("UNIFIL peacekeepers", true, false), SearchWords.of("UNIFIL OR peacekeepers"));
        assertEquals(new SearchWords("or", false, false), SearchWords.of("\"or\""));
    }

    @Test
    void onlyExclusionsOrNothingLeavesNoPositiveWords() {
        assertEquals(new SearchWords("", false, true), SearchWords.of("-rockets"));
        assertEquals(new SearchWords("", false, false), SearchWords.of(null));
        assertEquals(new SearchWords("", false, false), SearchWords.of(" \"\" "));
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
        assertEquals(new SearchWords("Shama base", false, false), SearchWords.of("\"Shama base"));
    }
}
