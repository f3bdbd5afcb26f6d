package org.claimdesk.claim;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Finds quotes in article texts and carries {@link TextAnchor}s over to new revisions of an
 * article, following the W3C Web Annotation Data Model: a TextQuoteSelector ({@code exact} with
 * {@code prefix}/{@code suffix} context) is matched first, and the TextPositionSelector
 * ({@code start}/{@code end}) is derived from where it matches.
 *
 * <p>All offsets are in Unicode code points. Quote matching ignores differences in runs of white
 * space (spaces, tabs, line ends, no-break spaces) and between curly and straight quotation marks
 * and apostrophes; the anchor returned always quotes the article text as it is.
 */
public final class Anchoring {

    /** How similar, from 0 to 1, an approximate quote must be to the old quote on its own. */
    static final double QUOTE_SIMILARITY_THRESHOLD = 0.7;

    /**
     * How similar, from 0 to 1, an approximate match must be on average over the quote alone and
     * the quote with its prefix and suffix.
     */
    static final double MATCH_SIMILARITY_THRESHOLD = 0.75;

    /** How many of the best word-overlap windows are compared code point by code point. */
    private static final int FUZZY_CANDIDATES = 12;

    /** How far, in code points, the ends of an approximate match may be adjusted. */
    private static final int EDGE_ADJUSTMENT = 3;

    private Anchoring() {
    }

    /**
     * Anchors a quote that a person typed or pasted, such as the claim's words copied from the
     * article.
     *
     * <p>If the quote occurs once, that occurrence is anchored. If it occurs several times, the
     * hints choose: an occurrence right after the prefix hint and right before the suffix hint
     * wins over one that merely has the hints nearby (within {@link TextAnchor#CONTEXT_LENGTH}
     * code points); the best occurrence must be the only one with its score. Leading and trailing
     * white space of the quote and hints is ignored.
     *
     * @param text the article revision text, not null
     * @param exact the quote, not null
     * @param prefixHint some of the text just before the quote; null or blank for none
     * @param suffixHint some of the text just after the quote; null or blank for none
     * @return the anchor, whose {@code exact} is taken from {@code text}; never null
     * @throws AmbiguousQuoteException if the quote occurs several times and the hints do not
     *     single one out
     * @throws AnchorException if the quote is blank or not in the text
     * @throws NullPointerException if {@code text} or {@code exact} is null
     */
    public static TextAnchor locate(String text, String exact, String prefixHint, String suffixHint) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(exact, "exact");
        String quote = foldQuery(exact);
        if (quote.isEmpty()) {
            throw new AnchorException("the quote is empty: paste the words of the claim");
        }
        Folded folded = Folded.of(text);
        List<Integer> occurrences = folded.occurrences(quote);
        if (occurrences.isEmpty()) {
            throw new AnchorException("quote not found in the article text");
        }
        if (occurrences.size() == 1) {
            return folded.anchor(text, occurrences.get(0), quote.length());
        }
        String before = prefixHint == null ? "" : foldQuery(prefixHint);
        String after = suffixHint == null ? "" : foldQuery(suffixHint);
        int best = -1;
        int bestScore = 0;
        boolean tied = false;
        for (int occurrence : occurrences) {
            int score = folded.hintScore(occurrence, quote.length(), before, after);
            if (score > bestScore) {
                best = occurrence;
                bestScore = score;
                tied = false;
            } else if (score == bestScore) {
                tied = true;
            }
        }
        if (best < 0 || tied) {
            throw new AmbiguousQuoteException(occurrences.size());
        }
        return folded.anchor(text, best, quote.length());
    }

    /**
     * Carries an anchor over to a new revision of its article.
     *
     * <ul>
     *   <li>{@code KEPT}: the new text holds the same {@code exact} at the same offsets.</li>
     *   <li>{@code MOVED}: the quote occurs once elsewhere, or several times and the old
     *       prefix and suffix pick out one occurrence (the one sharing the most context).</li>
     *   <li>{@code FUZZY}: the quote occurs several times and the context ties (the occurrence
     *       nearest the old offsets is taken), or a passage is similar enough: at least
     *       {@value #QUOTE_SIMILARITY_THRESHOLD} on the quote alone and at least
     *       {@value #MATCH_SIMILARITY_THRESHOLD} on average over the quote and the quote with its
     *       context. Similarity is the Dice coefficient of the longest common subsequence of code
     *       points, computed with java-diff-utils; candidate passages are first chosen by the
     *       words they share with the quote.</li>
     *   <li>{@code ORPHANED}: nothing close enough was found.</li>
     * </ul>
     *
     * @param old the anchor in the previous revision, not null
     * @param newText the new revision text, not null
     * @return the outcome with the new anchor (null when orphaned) and the similarity of the new
     *     quote to the old one; never null
     * @throws NullPointerException if an argument is null
     */
    public static Reanchored reanchor(TextAnchor old, String newText) {
        Objects.requireNonNull(old, "old");
        Objects.requireNonNull(newText, "newText");
        if (old.holdsIn(newText)) {
            return new Reanchored(Reanchored.Outcome.KEPT,
                    TextAnchor.fromPosition(newText, old.start(), old.end()), 1.0);
        }
        Folded folded = Folded.of(newText);
        String quote = foldQuery(old.exact());
        List<Integer> occurrences = folded.occurrences(quote);
        if (occurrences.size() == 1) {
            return found(Reanchored.Outcome.MOVED, old, folded.anchor(newText, occurrences.get(0), quote.length()));
        }
        if (occurrences.size() > 1) {
            return chooseByContext(old, newText, folded, quote, occurrences);
        }
        return findApproximately(old, newText);
    }

    private static Reanchored chooseByContext(TextAnchor old, String newText, Folded folded, String quote,
            List<Integer> occurrences) {
        String oldPrefix = Folded.of(old.prefix()).text;
        String oldSuffix = Folded.of(old.suffix()).text;
        List<TextAnchor> best = new ArrayList<>();
        int bestShared = -1;
        for (int occurrence : occurrences) {
            int shared = folded.sharedContext(occurrence, quote.length(), oldPrefix, oldSuffix);
            if (shared > bestShared) {
                best.clear();
                bestShared = shared;
            }
            if (shared == bestShared) {
                best.add(folded.anchor(newText, occurrence, quote.length()));
            }
        }
        if (best.size() == 1 && bestShared > 0) {
            return found(Reanchored.Outcome.MOVED, old, best.get(0));
        }
        TextAnchor nearest = best.stream()
                .min(Comparator.comparingInt(anchor -> Math.abs(anchor.start() - old.start())))
                .orElseThrow();
        return found(Reanchored.Outcome.FUZZY, old, nearest);
    }

    private static Reanchored found(Reanchored.Outcome outcome, TextAnchor old, TextAnchor anchor) {
        return new Reanchored(outcome, anchor, similarity(old.exact(), anchor.exact()));
    }

    private static Reanchored findApproximately(TextAnchor old, String newText) {
        List<Token> tokens = Token.split(newText);
        List<String> quoteWords = Token.split(old.exact()).stream().map(Token::word).toList();
        List<Window> windows = wordOverlapWindows(tokens, quoteWords);
        Window best = null;
        double bestScore = 0;
        for (Window window : windows.subList(0, Math.min(FUZZY_CANDIDATES, windows.size()))) {
            double score = matchScore(old, newText, window.start, window.end);
            if (score > bestScore) {
                best = window;
                bestScore = score;
            }
        }
        if (best == null || bestScore < MATCH_SIMILARITY_THRESHOLD) {
            return orphaned();
        }
        return found(Reanchored.Outcome.FUZZY, old, adjustEdges(old, newText, best));
    }

    private static Reanchored orphaned() {
        return new Reanchored(Reanchored.Outcome.ORPHANED, null, 0.0);
    }

    /**
     * Lists runs of whole words of the new text about as long as the quote (two words shorter to
     * two longer), best word overlap with the quote first, then by position.
     */
    private static List<Window> wordOverlapWindows(List<Token> tokens, List<String> quoteWords) {
        Map<String, Integer> quoteCounts = new HashMap<>();
        quoteWords.forEach(word -> quoteCounts.merge(word, 1, Integer::sum));
        List<Window> windows = new ArrayList<>();
        int wordCount = quoteWords.size();
        for (int size = Math.max(1, wordCount - 2); size <= wordCount + 2; size++) {
            for (int first = 0; first + size <= tokens.size(); first++) {
                Map<String, Integer> left = new HashMap<>(quoteCounts);
                int shared = 0;
                for (Token token : tokens.subList(first, first + size)) {
                    Integer count = left.get(token.word);
                    if (count != null && count > 0) {
                        left.put(token.word, count - 1);
                        shared++;
                    }
                }
                if (shared > 0) {
                    double overlap = 2.0 * shared / (size + wordCount);
                    windows.add(new Window(tokens.get(first).start, tokens.get(first + size - 1).end, overlap));
                }
            }
        }
        windows.sort(Comparator.comparingDouble((Window window) -> -window.overlap)
                .thenComparingInt(window -> window.start));
        return windows;
    }

    /**
     * Averages the similarity of the quote alone and of the quote with its context; 0 when the
     * quote alone is below {@link #QUOTE_SIMILARITY_THRESHOLD}, so that context cannot carry a
     * different quote.
     */
    private static double matchScore(TextAnchor old, String newText, int start, int end) {
        TextAnchor candidate = TextAnchor.fromPosition(newText, start, end);
        double quoteSimilarity = similarity(old.exact(), candidate.exact());
        if (quoteSimilarity < QUOTE_SIMILARITY_THRESHOLD) {
            return 0;
        }
        String oldWithContext = old.prefix() + old.exact() + old.suffix();
        String newWithContext = lastCodePoints(candidate.prefix(), CodePoints.length(old.prefix()))
                + candidate.exact()
                + firstCodePoints(candidate.suffix(), CodePoints.length(old.suffix()));
        return (quoteSimilarity + similarity(oldWithContext, newWithContext)) / 2;
    }

    /**
     * Moves each end of a whole-word match over a few code points of punctuation where that
     * brings the quote closer to the old one, for example to drop a full stop the old quote did
     * not include. Letters and digits are never cut.
     */
    private static TextAnchor adjustEdges(TextAnchor old, String newText, Window window) {
        int length = CodePoints.length(newText);
        TextAnchor best = TextAnchor.fromPosition(newText, window.start, window.end);
        double bestSimilarity = similarity(old.exact(), best.exact());
        int bestShift = 0;
        for (int startShift = -EDGE_ADJUSTMENT; startShift <= EDGE_ADJUSTMENT; startShift++) {
            for (int endShift = -EDGE_ADJUSTMENT; endShift <= EDGE_ADJUSTMENT; endShift++) {
                int start = window.start + startShift;
                int end = window.end + endShift;
                int shift = Math.abs(startShift) + Math.abs(endShift);
                if (start < 0 || end > length || start >= end || !wordEdges(newText, start, end)
                        || crossesWord(newText, start, window.start) || crossesWord(newText, end, window.end)) {
                    continue;
                }
                TextAnchor candidate = TextAnchor.fromPosition(newText, start, end);
                double candidateSimilarity = similarity(old.exact(), candidate.exact());
                if (candidateSimilarity > bestSimilarity
                        || (candidateSimilarity == bestSimilarity && shift < bestShift)) {
                    best = candidate;
                    bestSimilarity = candidateSimilarity;
                    bestShift = shift;
                }
            }
        }
        return best;
    }

    /** Tells whether the code points between two offsets, in either order, hold a letter or digit. */
    private static boolean crossesWord(String text, int from, int to) {
        return CodePoints.substring(text, Math.min(from, to), Math.max(from, to)).codePoints()
                .anyMatch(Character::isLetterOrDigit);
    }

    private static boolean wordEdges(String text, int start, int end) {
        int first = text.codePointAt(CodePoints.toCharIndex(text, start));
        int last = text.codePointBefore(CodePoints.toCharIndex(text, end));
        return !CodePoints.isWhitespace(first) && !CodePoints.isWhitespace(last);
    }

    /**
     * Returns the Dice coefficient of the longest common subsequence of the code points of two
     * texts: 1.0 for equal texts, 0.0 for texts with nothing in common.
     */
    static double similarity(String a, String b) {
        List<Integer> first = a.codePoints().boxed().toList();
        List<Integer> second = b.codePoints().boxed().toList();
        if (first.isEmpty() && second.isEmpty()) {
            return 1.0;
        }
        int changed = DiffUtils.diff(first, second).getDeltas().stream()
                .map(AbstractDelta::getSource)
                .mapToInt(chunk -> chunk.size())
                .sum();
        int common = first.size() - changed;
        return 2.0 * common / (first.size() + second.size());
    }

    private static String lastCodePoints(String text, int count) {
        int length = CodePoints.length(text);
        return length <= count ? text : CodePoints.substring(text, length - count, length);
    }

    private static String firstCodePoints(String text, int count) {
        return CodePoints.length(text) <= count ? text : CodePoints.substring(text, 0, count);
    }

    /** NFC-normalises, trims and folds a quote or hint for matching. */
    private static String foldQuery(String query) {
        return Folded.of(Normalizer.normalize(query, Normalizer.Form.NFC).strip()).text;
    }

    private static int foldCodePoint(int codePoint) {
        return switch (codePoint) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
            default -> codePoint;
        };
    }

    /**
     * A text with white space runs collapsed to one space and quotation marks made straight,
     * remembering for each of its chars the code point offset it came from in the original.
     */
    private static final class Folded {
        final String text;
        /** Code point offset in the original text of each char of {@link #text}. */
        final int[] origin;

        private Folded(String text, int[] origin) {
            this.text = text;
            this.origin = origin;
        }

        static Folded of(String original) {
            StringBuilder folded = new StringBuilder(original.length());
            int[] origin = new int[original.length()];
            int offset = 0;
            boolean inSpace = false;
            for (int i = 0; i < original.length(); offset++) {
                int codePoint = original.codePointAt(i);
                i += Character.charCount(codePoint);
                if (CodePoints.isWhitespace(codePoint)) {
                    if (!inSpace) {
                        origin[folded.length()] = offset;
                        folded.append(' ');
                    }
                    inSpace = true;
                    continue;
                }
                inSpace = false;
                int start = folded.length();
                folded.appendCodePoint(foldCodePoint(codePoint));
                for (int j = start; j < folded.length(); j++) {
                    origin[j] = offset;
                }
            }
            return new Folded(folded.toString(), origin);
        }

        List<Integer> occurrences(String quote) {
            List<Integer> found = new ArrayList<>();
            for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
                found.add(at);
            }
            return found;
        }

        /** Anchors the original text at a match of the given folded length (no trailing space). */
        TextAnchor anchor(String original, int at, int length) {
            return TextAnchor.fromPosition(original, origin[at], origin[at + length - 1] + 1);
        }

        /**
         * Scores how well the hints fit an occurrence: 2 for a hint right next to it (white space
         * aside), 1 for a hint nearby, 0 otherwise, added up over the hints given.
         */
        int hintScore(int at, int length, String before, String after) {
            int score = 0;
            if (!before.isEmpty()) {
                int end = skipSpacesBackward(at);
                int start = Math.max(0, end - before.length() - TextAnchor.CONTEXT_LENGTH);
                if (text.startsWith(before, end - before.length())) {
                    score += 2;
                } else if (text.substring(start, end).contains(before)) {
                    score += 1;
                }
            }
            if (!after.isEmpty()) {
                int start = skipSpacesForward(at + length);
                int end = Math.min(text.length(), start + after.length() + TextAnchor.CONTEXT_LENGTH);
                if (text.startsWith(after, start)) {
                    score += 2;
                } else if (text.substring(start, end).contains(after)) {
                    score += 1;
                }
            }
            return score;
        }

        /**
         * Counts the chars of context an occurrence shares with an old anchor: the common end of
         * the old prefix and the text before, plus the common start of the old suffix and the
         * text after.
         */
        int sharedContext(int at, int length, String oldPrefix, String oldSuffix) {
            int shared = 0;
            while (shared < oldPrefix.length() && at - shared > 0
                    && text.charAt(at - shared - 1) == oldPrefix.charAt(oldPrefix.length() - shared - 1)) {
                shared++;
            }
            int after = at + length;
            int same = 0;
            while (same < oldSuffix.length() && after + same < text.length()
                    && text.charAt(after + same) == oldSuffix.charAt(same)) {
                same++;
            }
            return shared + same;
        }

        private int skipSpacesBackward(int at) {
            while (at > 0 && text.charAt(at - 1) == ' ') {
                at--;
            }
            return at;
        }

        private int skipSpacesForward(int at) {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
            return at;
        }
    }

    /** A run of non-white-space code points, with its word lower-cased and without punctuation. */
    private record Token(int start, int end, String word) {

        static List<Token> split(String text) {
            List<Token> tokens = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            int tokenStart = -1;
            int offset = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i)), offset++) {
                int codePoint = text.codePointAt(i);
                if (!CodePoints.isWhitespace(codePoint)) {
                    tokenStart = tokenStart < 0 ? offset : tokenStart;
                    if (Character.isLetterOrDigit(codePoint)) {
                        word.appendCodePoint(codePoint);
                    }
                } else if (tokenStart >= 0) {
                    tokens.add(new Token(tokenStart, offset, word.toString().toLowerCase(Locale.ROOT)));
                    tokenStart = -1;
                    word.setLength(0);
                }
            }
            if (tokenStart >= 0) {
                tokens.add(new Token(tokenStart, offset, word.toString().toLowerCase(Locale.ROOT)));
            }
            return tokens;
        }
    }

    private record Window(int start, int end, double overlap) {
    }
}
