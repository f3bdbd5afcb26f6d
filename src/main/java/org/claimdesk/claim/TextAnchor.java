package org.claimdesk.claim;

import java.util.Objects;

/**
 * Where a claim sits in one article revision, as the W3C Web Annotation Data Model describes a
 * text target twice over: a TextQuoteSelector ({@code exact}, {@code prefix}, {@code suffix}) and
 * a TextPositionSelector ({@code start}, {@code end}).
 *
 * <p>All offsets and lengths are in Unicode code points of the revision text (NFC-normalised,
 * {@code \n} line ends), not Java {@code char}s. {@code start} is inclusive and {@code end}
 * exclusive, so {@code exact} is the text from {@code start} to {@code end}. {@code prefix} is
 * up to {@link #CONTEXT_LENGTH} code points just before {@code start} and {@code suffix} up to
 * {@link #CONTEXT_LENGTH} just after {@code end}; both are shorter, down to empty, at the start
 * or end of the text. No component is ever null.
 *
 * @param exact the quoted words, at least one code point that is not white space
 * @param prefix the text just before the quote, possibly empty
 * @param suffix the text just after the quote, possibly empty
 * @param start offset of the first code point of the quote, 0 or more
 * @param end offset just after the last code point of the quote, greater than {@code start}
 * @see <a href="https://www.w3.org/TR/annotation-model/#text-quote-selector">W3C Web Annotation
 *     Data Model, Text Quote Selector</a>
 * @see <a href="https://www.w3.org/TR/annotation-model/#text-position-selector">W3C Web
 *     Annotation Data Model, Text Position Selector</a>
 */
public record TextAnchor(String exact, String prefix, String suffix, int start, int end) {

    /** How many code points of context {@code prefix} and {@code suffix} hold at most. */
    public static final int CONTEXT_LENGTH = 32;

    /**
     * Checks that the components fit together.
     *
     * @param exact the quoted words, not null
     * @param prefix the text just before the quote, not null, at most {@link #CONTEXT_LENGTH}
     *     code points
     * @param suffix the text just after the quote, not null, at most {@link #CONTEXT_LENGTH}
     *     code points
     * @param start offset of the first code point of the quote
     * @param end offset just after the last code point of the quote
     * @throws NullPointerException if a text component is null
     * @throws IllegalArgumentException if the offsets are negative or empty, if {@code exact}
     *     is not {@code end - start} code points long, or if a context is longer than
     *     {@link #CONTEXT_LENGTH}
     */
    public TextAnchor {
        Objects.requireNonNull(exact, "exact");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("anchor offsets must satisfy 0 <= start < end, got "
                    + start + ".." + end);
        }
        if (CodePoints.length(exact) != end - start) {
            throw new IllegalArgumentException("exact is " + CodePoints.length(exact)
                    + " code points long but the offsets span " + (end - start));
        }
        if (CodePoints.length(prefix) > CONTEXT_LENGTH || CodePoints.length(suffix) > CONTEXT_LENGTH) {
            throw new IllegalArgumentException("prefix and suffix hold at most " + CONTEXT_LENGTH
                    + " code points");
        }
    }

    /**
     * Anchors the selection between two code point offsets of a text, taking the quote and its
     * context from the text.
     *
     * @param text the article revision text, not null
     * @param start first selected code point, inclusive
     * @param end code point just after the selection, exclusive
     * @return the anchor, never null
     * @throws AnchorException if {@code start < 0}, {@code end} is past the end of the text,
     *     {@code start >= end}, or the selection is only white space
     * @throws NullPointerException if {@code text} is null
     */
    public static TextAnchor fromPosition(String text, int start, int end) {
        Objects.requireNonNull(text, "text");
        int length = CodePoints.length(text);
        if (start < 0) {
            throw new AnchorException("the selection starts before the article text (start " + start + ")");
        }
        if (end > length) {
            throw new AnchorException("the selection ends after the article text (end " + end
                    + ", but the text is " + length + " characters long)");
        }
        if (start >= end) {
            throw new AnchorException("the selection is empty: select at least one word");
        }
        int startChar = CodePoints.toCharIndex(text, start);
        int endChar = text.offsetByCodePoints(startChar, end - start);
        String exact = text.substring(startChar, endChar);
        if (exact.codePoints().allMatch(CodePoints::isWhitespace)) {
            throw new AnchorException("the selection is only white space: select at least one word");
        }
        int prefixChar = text.offsetByCodePoints(startChar, -Math.min(start, CONTEXT_LENGTH));
        int suffixChar = text.offsetByCodePoints(endChar, Math.min(length - end, CONTEXT_LENGTH));
        return new TextAnchor(exact, text.substring(prefixChar, startChar),
                text.substring(endChar, suffixChar), start, end);
    }

    /**
     * Returns the length of the quote.
     *
     * @return {@code end - start}, in code points
     */
    public int length() {
        return end - start;
    }

    /**
     * Tells whether a text still holds this anchor's quote at this anchor's position.
     *
     * @param text an article revision text, not null
     * @return true if the code points from {@code start} to {@code end} of {@code text} equal
     *     {@code exact}; false otherwise, also when the text is too short
     */
    public boolean holdsIn(String text) {
        if (CodePoints.length(text) < end) {
            return false;
        }
        return CodePoints.substring(text, start, end).equals(exact);
    }
}
