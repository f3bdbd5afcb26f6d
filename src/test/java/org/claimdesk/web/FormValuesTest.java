package org.claimdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Checks of submitted values shared by every form. */
class FormValuesTest {

    @Test
    void oneLineValuesWithControlCharactersAreRefused() {
        assertTrue(FormValues.lineProblem("a\u0000b", "title", 300).contains("control characters"));
        assertTrue(FormValues.lineProblem("a\nb", "title", 300).contains("control characters"));
        assertTrue(FormValues.lineProblem("a\u007Fb", "title", 300).contains("control characters"));
    }

    @Test
    void oneLineValuesOverTheLimitAreRefusedNamingTheField() {
        assertEquals("The outlet is longer than 200 characters.", FormValues.lineProblem("o".repeat(201), "outlet", 200));
        assertEquals("The search is longer than 1,000 characters.", FormValues.lineProblem("s".repeat(1001), "search", 1000));
    }

    @Test
    void unicodeThatIsNotControlIsFine() {
        assertNull(FormValues.lineProblem("Jean-Noël \u202Eabc \u200B \uD83D\uDE00", "title", 300));
        assertNull(FormValues.lineProblem(null, "title", 300));
        assertNull(FormValues.lineProblem("o".repeat(200), "outlet", 200));
    }

    @Test
    void fileNamesKeepTheirLastSegmentWithoutControlCharacters() {
        assertEquals("report.txt", FormValues.fileName("C:\\Users\\me\\report.txt"));
        assertEquals("passwd.txt", FormValues.fileName("../../etc/passwd.txt"));
        assertEquals("ab.txt", FormValues.fileName("a\u0000b.txt"));
        assertNull(FormValues.fileName("\u0000"));
        assertNull(FormValues.fileName(null));
    }

    @Test
    void longFileNamesAreCutKeepingTheExtension() {
        String name = FormValues.fileName("x".repeat(100_000) + ".html");
        assertEquals(FormValues.MAX_FILE_NAME, name.length());
        assertTrue(name.endsWith(".html"));
        String emoji = FormValues.fileName("\uD83D\uDE00".repeat(200) + ".txt");
        assertTrue(emoji.length() <= FormValues.MAX_FILE_NAME && emoji.endsWith(".txt"));
        assertTrue(!Character.isHighSurrogate(emoji.charAt(emoji.length() - 5)), "no half emoji before the extension");
    }

    @Test
    void valuesThePostgresqlCannotStoreAreRecognised() {
        assertTrue(ErrorPages.isUnstorableCharacter(new RuntimeException(
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))));
        assertTrue(!ErrorPages.isUnstorableCharacter(new SQLException("duplicate key", "23505")));
    }

    @Test
    void onlySpacesAndInvisibleCharactersAreNoVisibleText() {
        org.junit.jupiter.api.Assertions.assertFalse(FormValues.hasVisibleText("\u00a0\u2003 \t\u200b\ufeff"));
        org.junit.jupiter.api.Assertions.assertFalse(FormValues.hasVisibleText(null));
        org.junit.jupiter.api.Assertions.assertTrue(FormValues.hasVisibleText("\u00a0UNIFIL\u00a0"));
        org.junit.jupiter.api.Assertions.assertNull(FormValues.trimmed("\u00a0\u200b"));
        org.junit.jupiter.api.Assertions.assertEquals("Shama", FormValues.trimmed("  Shama "));
    }
}
