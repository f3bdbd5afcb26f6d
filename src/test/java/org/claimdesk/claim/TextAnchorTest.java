package org.claimdesk.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimdesk.Fixtures;
import org.junit.jupiter.api.Test;

class TextAnchorTest {

    private static final String CARLTON =
            "Carlton Gardens, which was the headquarters of the Free France government in exile between 1940-1944";

    @Test
    void selectionInTheMiddleGetsThirtyTwoCodePointsOfContextEachSide() {
        String text = "0123456789".repeat(10);
        TextAnchor anchor = TextAnchor.fromPosition(text, 40, 45);

        assertEquals("01234", anchor.exact());
        assertEquals(text.substring(8, 40), anchor.prefix());
        assertEquals(text.substring(45, 77), anchor.suffix());
        assertEquals(32, anchor.prefix().length());
        assertEquals(5, anchor.length());
    }

    @Test
    void contextIsCutAtTheStartAndEndOfTheText() {
        TextAnchor anchor = TextAnchor.fromPosition("Lammy met Barrot.", 0, 5);
        assertEquals("Lammy", anchor.exact());
        assertEquals("", anchor.prefix());
        assertEquals(" met Barrot.", anchor.suffix());

        TextAnchor last = TextAnchor.fromPosition("Lammy met Barrot.", 10, 17);
        assertEquals("Barrot.", last.exact());
        assertEquals("Lammy met ", last.prefix());
        assertEquals("", last.suffix());
    }

    @Test
    void offsetsCountAccentedLettersEmojiAndAstralLettersAsOneCodePoint() {
        String text = "😀 Jean-Noël Barrot met 𝔘 officials 😀";
        TextAnchor anchor = TextAnchor.fromPosition(text, 2, 18);

        assertEquals("Jean-Noël Barrot", anchor.exact());
        assertEquals("😀 ", anchor.prefix());
        assertEquals(" met 𝔘 officials 😀", anchor.suffix());

        TextAnchor astral = TextAnchor.fromPosition(text, 23, 24);
        assertEquals("𝔘", astral.exact());
        assertEquals(1, astral.length());
        assertEquals(2, astral.exact().length(), "two Java chars, one code point");
        assertEquals(TextOffsets.codePointSlice(text, 23, 24), astral.exact());
    }

    @Test
    void contextOfThirtyTwoCodePointsMayHoldMoreThanThirtyTwoChars() {
        String emoji = "😀".repeat(40);
        String text = emoji + "claim" + emoji;
        TextAnchor anchor = TextAnchor.fromPosition(text, 40, 45);

        assertEquals("claim", anchor.exact());
        assertEquals("😀".repeat(32), anchor.prefix());
        assertEquals("😀".repeat(32), anchor.suffix());
        assertEquals(64, anchor.prefix().length());
    }

    @Test
    void negativeStartIsRefused() {
        AnchorException error = assertThrows(AnchorException.class, () -> TextAnchor.fromPosition("text", -1, 2));
        assertTrue(error.getMessage().contains("starts before the article text"));
    }

    @Test
    void endPastTheTextInCodePointsIsRefused() {
        String text = "a😀";
        assertEquals("😀", TextAnchor.fromPosition(text, 1, 2).exact());
        AnchorException error = assertThrows(AnchorException.class, () -> TextAnchor.fromPosition(text, 1, 3));
        assertTrue(error.getMessage().contains("ends after the article text"));
    }

    @Test
    void emptySelectionIsRefused() {
        AnchorException error = assertThrows(AnchorException.class, () -> TextAnchor.fromPosition("text", 2, 2));
        assertTrue(error.getMessage().contains("empty"));
        assertThrows(AnchorException.class, () -> TextAnchor.fromPosition("text", 3, 1));
    }

    @Test
    void whitespaceOnlySelectionIsRefused() {
        AnchorException error = assertThrows(AnchorException.class,
                () -> TextAnchor.fromPosition("one \n\u00A0 two", 3, 7));
        assertTrue(error.getMessage().contains("only white space"));
    }

    @Test
    void anchorExceptionIsAnIllegalArgumentException() {
        assertTrue(IllegalArgumentException.class.isAssignableFrom(AnchorException.class));
        assertTrue(AnchorException.class.isAssignableFrom(AmbiguousQuoteException.class));
    }

    @Test
    void carltonGardensInTheRealArticleIsAnchoredByCodePoints() {
        String text = Fixtures.realArticle();
        int start = TextOffsets.codePointOffsetOf(text, CARLTON);
        TextAnchor anchor = TextAnchor.fromPosition(text, start, start + CARLTON.codePointCount(0, CARLTON.length()));

        assertEquals(CARLTON, anchor.exact());
        assertEquals(CARLTON, TextOffsets.codePointSlice(text, anchor.start(), anchor.end()));
        assertTrue(anchor.prefix().endsWith("Lammy received Barrot at "));
        assertEquals(".\n\"More than ever in a period wh", anchor.suffix());
        assertTrue(anchor.holdsIn(text));
    }

    @Test
    void holdsInTellsWhetherTheQuoteIsStillAtItsPosition() {
        TextAnchor anchor = TextAnchor.fromPosition("Lammy met Barrot.", 10, 16);
        assertTrue(anchor.holdsIn("Lammy met Barrot in London."));
        assertFalse(anchor.holdsIn("Lammy saw Mr Barrot."));
        assertFalse(anchor.holdsIn("Lammy"));
    }

    @Test
    void constructorRefusesInconsistentComponents() {
        assertThrows(IllegalArgumentException.class, () -> new TextAnchor("abc", "", "", 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new TextAnchor("abc", "", "", -1, 2));
        assertThrows(IllegalArgumentException.class, () -> new TextAnchor("", "", "", 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new TextAnchor("a", "x".repeat(33), "", 40, 41));
        assertThrows(NullPointerException.class, () -> new TextAnchor("a", null, "", 0, 1));
        assertEquals(1, new TextAnchor("😀", "", "", 0, 1).length());
    }
}
