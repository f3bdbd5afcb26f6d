package org.claimdesk.search;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a search typed in PostgreSQL's web search syntax ({@code websearch_to_tsquery}):
 * {@code "a phrase"}, {@code -word} or {@code -"a phrase"} to leave words out, and {@code or}
 * between alternatives. Used to estimate how many claims a search matches, not to match them
 * (PostgreSQL parses the words for that).
 *
 * @param positive the words a match must (or, with {@code or}, may) hold, quotes and operators
 *     removed, separated by spaces; empty when there are none
 * @param either true when {@code or} joins some of the words
 * @param anyExcluded true when some words are left out with {@code -}
 */
public record SearchWords(String positive, boolean either, boolean anyExcluded) {

    /** A {@code -}-prefixed word or quoted phrase, a quoted phrase, or a run of other characters. */
    private static final Pattern TERM = Pattern.compile("(-?)(\"[^\"]*\"?|[^\\s\"]+)");

    /**
     * Splits typed words.
     *
     * @param text the words as typed; null counts as empty
     */
    public static SearchWords of(String text) {
        StringBuilder positive = new StringBuilder();
        boolean either = false;
        boolean excluded = false;
        Matcher term = TERM.matcher(text == null ? "" : text);
        while (term.find()) {
            String words = term.group(2).replace("\"", " ").strip();
            if (words.isEmpty()) {
                continue;
            }
            if (!term.group(1).isEmpty()) {
                excluded = true;
            } else if (words.toLowerCase(Locale.ROOT).equals("or") && !term.group(2).startsWith("\"")) {
                either = true;
            } else {
                positive.append(positive.isEmpty() ? "" : " ").append(words);
            }
        }
        return new SearchWords(positive.toString(), either, excluded);
    }
}
