package org.claimdesk.claim;

/** Code point helpers for tests, computed independently of the classes under test. */
final class TextOffsets {

    private TextOffsets() {
    }

    /** Returns the code point offset where {@code words} first start in {@code text}. */
    static int codePointOffsetOf(String text, String words) {
        int charIndex = text.indexOf(words);
        if (charIndex < 0) {
            throw new IllegalArgumentException("not in the text: " + words);
        }
        return text.codePointCount(0, charIndex);
    }

    /** Returns the code points of {@code text} from {@code start} to {@code end}, via codePoints(). */
    static String codePointSlice(String text, int start, int end) {
        int[] codePoints = text.codePoints().toArray();
        return new String(codePoints, start, end - start);
    }
}
