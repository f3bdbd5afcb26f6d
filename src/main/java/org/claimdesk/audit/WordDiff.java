package org.claimdesk.audit;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-by-word difference between two texts, for showing how a long text (a rating explanation,
 * a quote, a comment) changed. Texts are split into words and the white space between them;
 * java-diff-utils (Myers' algorithm) finds the smallest set of words removed and added.
 */
public final class WordDiff {

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    /** What happened to a run of text. */
    public enum Change {
        SAME, REMOVED, ADDED
    }

    /**
     * A run of text that stayed, was removed or was added.
     *
     * @param change what happened to it
     * @param text the words (with the white space between them)
     */
    public record Segment(Change change, String text) {

        /** True for words only the earlier text has. */
        public boolean removed() {
            return change == Change.REMOVED;
        }

        /** True for words only the later text has. */
        public boolean added() {
            return change == Change.ADDED;
        }
    }

    private WordDiff() {
    }

    /**
     * The segments that turn {@code before} into {@code after}, in reading order: at each change the
     * removed words come before the added ones; adjacent segments of the same kind are merged.
     *
     * @param before the earlier text; null counts as empty
     * @param after the later text; null counts as empty
     * @return the segments; their SAME and REMOVED texts joined give {@code before}, SAME and ADDED give {@code after}
     */
    public static List<Segment> between(String before, String after) {
        List<String> from = tokens(before);
        List<String> to = tokens(after);
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, Change.SAME, from.subList(position, start));
            add(segments, Change.REMOVED, delta.getSource().getLines());
            add(segments, Change.ADDED, delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(segments, Change.SAME, from.subList(position, from.size()));
        return segments;
    }

    /**
     * True when a word diff reads better than the two texts side by side: both exist and one of them
     * has at least {@code minLength} characters.
     */
    public static boolean worthShowing(String before, String after, int minLength) {
        return before != null && after != null && Math.max(before.length(), after.length()) >= minLength;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text != null) {
            Matcher matcher = TOKEN.matcher(text);
            while (matcher.find()) {
                tokens.add(matcher.group());
            }
        }
        return tokens;
    }

    private static void add(List<Segment> segments, Change change, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).change() == change) {
            segments.set(last, new Segment(change, segments.get(last).text() + text));
        } else {
            segments.add(new Segment(change, text));
        }
    }
}
