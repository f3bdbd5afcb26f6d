package org.claimdesk.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodePointsTest {

    /** "a😀b𝔘c": the emoji and the Fraktur U take two chars each but one code point. */
    private static final String ASTRAL = "a\uD83D\uDE00b\uD835\uDD18c";

    @Test
    void lengthCountsAstralCharactersOnce() {
        assertEquals(7, ASTRAL.length());
        assertEquals(5, CodePoints.length(ASTRAL));
        assertEquals(0, CodePoints.length(""));
    }

    @Test
    void codePointOffsetsConvertToCharIndexesAndBack() {
        int[] charIndexes = {0, 1, 3, 4, 6, 7};
        for (int codePoint = 0; codePoint < charIndexes.length; codePoint++) {
            assertEquals(charIndexes[codePoint], CodePoints.toCharIndex(ASTRAL, codePoint));
            assertEquals(codePoint, CodePoints.toCodePointIndex(ASTRAL, charIndexes[codePoint]));
        }
    }

    @Test
    void accentedLettersAreOneCodePointInNfc() {
        String name = "Jean-Noël";
        assertEquals(9, CodePoints.length(name));
        assertEquals("ë", CodePoints.substring(name, 7, 8));
    }

    @Test
    void substringCutsByCodePoints() {
        assertEquals("\uD83D\uDE00b\uD835\uDD18", CodePoints.substring(ASTRAL, 1, 4));
        assertEquals("", CodePoints.substring(ASTRAL, 2, 2));
        assertEquals(ASTRAL, CodePoints.substring(ASTRAL, 0, 5));
    }

    @Test
    void offsetsOutsideTheTextAreRefused() {
        assertThrows(IndexOutOfBoundsException.class, () -> CodePoints.toCharIndex(ASTRAL, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> CodePoints.toCharIndex(ASTRAL, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> CodePoints.toCodePointIndex(ASTRAL, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> CodePoints.substring(ASTRAL, 3, 2));
    }

    @Test
    void charIndexInsideASurrogatePairIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CodePoints.toCodePointIndex(ASTRAL, 2));
        assertTrue(error.getMessage().contains("surrogate pair"));
    }

    @Test
    void noBreakSpaceCountsAsWhitespace() {
        assertTrue(CodePoints.isWhitespace('\u00A0'));
        assertTrue(CodePoints.isWhitespace('\n'));
        assertFalse(CodePoints.isWhitespace('x'));
    }
}
