package org.claimdesk.claim;

import java.util.Objects;

/**
 * Conversions between Unicode code point offsets, which Claimdesk stores in every anchor, and
 * Java {@code char} (UTF-16 code unit) indexes, which {@link String} methods and browser
 * selections use.
 *
 * <p>The two differ as soon as a text holds a character outside the Basic Multilingual Plane,
 * such as an emoji ("😀") or a mathematical letter ("𝔘"): each takes one code point but two
 * {@code char}s. All methods take non-null text and throw {@link NullPointerException}
 * otherwise.
 */
public final class CodePoints {

    private CodePoints() {
    }

    /**
     * Returns the length of {@code text} in code points.
     *
     * @param text any text, not null
     * @return the number of code points, 0 or more
     */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * Converts a code point offset into the {@code char} index where that code point starts.
     *
     * @param text the text the offset refers to, not null
     * @param codePointIndex an offset in code points, from 0 to {@link #length(String)} inclusive
     * @return the matching {@code char} index, from 0 to {@code text.length()} inclusive
     * @throws IndexOutOfBoundsException if the offset lies outside the text
     */
    public static int toCharIndex(String text, int codePointIndex) {
        Objects.requireNonNull(text, "text");
        if (codePointIndex < 0) {
            throw new IndexOutOfBoundsException("code point offset " + codePointIndex + " is negative");
        }
        try {
            return text.offsetByCodePoints(0, codePointIndex);
        } catch (IndexOutOfBoundsException e) {
            throw new IndexOutOfBoundsException("code point offset " + codePointIndex
                    + " is past the end of a text of " + length(text) + " code points");
        }
    }

    /**
     * Converts a {@code char} index into a code point offset.
     *
     * @param text the text the index refers to, not null
     * @param charIndex a {@code char} index, from 0 to {@code text.length()} inclusive
     * @return the offset in code points of the code point starting at {@code charIndex}
     * @throws IndexOutOfBoundsException if the index lies outside the text
     * @throws IllegalArgumentException if the index falls between the two halves of a surrogate
     *     pair, so that it names no code point boundary
     */
    public static int toCodePointIndex(String text, int charIndex) {
        Objects.requireNonNull(text, "text");
        if (charIndex < 0 || charIndex > text.length()) {
            throw new IndexOutOfBoundsException("char index " + charIndex
                    + " is outside a text of " + text.length() + " chars");
        }
        if (charIndex > 0 && charIndex < text.length()
                && Character.isHighSurrogate(text.charAt(charIndex - 1))
                && Character.isLowSurrogate(text.charAt(charIndex))) {
            throw new IllegalArgumentException("char index " + charIndex + " splits a surrogate pair");
        }
        return text.codePointCount(0, charIndex);
    }

    /**
     * Returns the part of {@code text} between two code point offsets.
     *
     * @param text the text, not null
     * @param start first code point, inclusive, 0 or more
     * @param end last code point, exclusive, from {@code start} to {@link #length(String)}
     * @return the substring, never null, empty when {@code start == end}
     * @throws IndexOutOfBoundsException if the offsets lie outside the text or {@code start > end}
     */
    public static String substring(String text, int start, int end) {
        if (start > end) {
            throw new IndexOutOfBoundsException("start " + start + " is after end " + end);
        }
        return text.substring(toCharIndex(text, start), toCharIndex(text, end));
    }

    /**
     * Tells whether a code point counts as white space for anchoring: Java white space, or a
     * Unicode space separator such as the no-break space (U+00A0).
     *
     * @param codePoint any code point
     * @return true for white space
     */
    public static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
