package org.claimdesk.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Splits an article revision's text into paragraphs and each paragraph into segments, so that
 * claim spans (which may overlap, and may cross paragraphs) can be shown as highlights.
 *
 * <p>All offsets are Unicode code points of the stored text. Paragraphs are the text's lines.
 */
public final class Highlights {

    private Highlights() {
    }

    /**
     * A claim's span to highlight.
     *
     * @param claimId the claim's id
     * @param start inclusive start, code points
     * @param end exclusive end, code points
     */
    public record Span(long claimId, int start, int end) {
    }

    /**
     * A run of text covered by the same set of claims.
     *
     * @param text the run's text
     * @param claimIds the claims covering it, in span order; empty when none
     * @param starting the claims whose span starts at this run
     * @param ending the claims whose span ends with this run
     */
    public record Segment(String text, List<Long> claimIds, List<Long> starting, List<Long> ending) {

        /** True when at least one claim covers the run. */
        public boolean highlighted() {
            return !claimIds.isEmpty();
        }

        /** How many claims overlap here (1 for a plain highlight). */
        public int depth() {
            return claimIds.size();
        }
    }

    /**
     * One paragraph (line) of the text.
     *
     * @param start code point offset of the paragraph in the whole text
     * @param segments its runs, in order
     */
    public record Paragraph(int start, List<Segment> segments) {
    }

    /**
     * Builds the paragraphs of a text with the given spans marked.
     *
     * @param text stored revision text ({@code \n} between paragraphs)
     * @param spans claim spans in this text; spans outside the text are clipped
     * @return one paragraph per line, never null
     */
    public static List<Paragraph> of(String text, List<Span> spans) {
        int[] codePoints = text.codePoints().toArray();
        List<Paragraph> paragraphs = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i <= codePoints.length; i++) {
            if (i == codePoints.length || codePoints[i] == '\n') {
                if (i > lineStart) {
                    paragraphs.add(new Paragraph(lineStart, segments(codePoints, lineStart, i, spans)));
                }
                lineStart = i + 1;
            }
        }
        return paragraphs;
    }

    private static List<Segment> segments(int[] codePoints, int from, int to, List<Span> spans) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(from, to));
        for (Span span : spans) {
            if (span.start() > from && span.start() < to) {
                cuts.add(span.start());
            }
            if (span.end() > from && span.end() < to) {
                cuts.add(span.end());
            }
        }
        List<Segment> segments = new ArrayList<>();
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null) {
                segments.add(segment(codePoints, previous, cut, spans));
            }
            previous = cut;
        }
        return segments;
    }

    private static Segment segment(int[] codePoints, int start, int end, List<Span> spans) {
        List<Long> covering = new ArrayList<>();
        List<Long> starting = new ArrayList<>();
        List<Long> ending = new ArrayList<>();
        for (Span span : spans) {
            if (span.start() < end && span.end() > start) {
                covering.add(span.claimId());
                if (span.start() == start) {
                    starting.add(span.claimId());
                }
                if (span.end() == end) {
                    ending.add(span.claimId());
                }
            }
        }
        return new Segment(new String(codePoints, start, end - start), covering, starting, ending);
    }
}
