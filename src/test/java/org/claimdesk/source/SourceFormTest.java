package org.claimdesk.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checking what was typed into a source form. */
class SourceFormTest {

    static final Instant NOW = Instant.parse("2024-11-25T10:00:00Z");

    static SourceForm form(String url, String description, String kind, String stance, String accessedAt) {
        return new SourceForm(url, description, " ", "", kind, stance, "", "", accessedAt);
    }

    @Test
    void aUrlSourceIsCheckedTrimmedAndReadInUtc() {
        SourceForm form = form("  https://archives.example/carlton  ", "", "official_statement", " Refutes ", "2024-11-22T14:05");
        assertEquals(Map.of(), form.problems(NOW));
        SourceFields fields = form.check();
        assertEquals("https://archives.example/carlton", fields.url());
        assertEquals(null, fields.description());
        assertEquals(null, fields.title(), "blank becomes null");
        assertEquals(SourceKind.OFFICIAL_STATEMENT, fields.kind());
        assertEquals(SourceStance.REFUTES, fields.stance());
        assertEquals(Instant.parse("2024-11-22T14:05:00Z"), fields.accessedAt());
    }

    @Test
    void aDateAloneMeansTheStartOfThatDayAndSecondsAreAccepted() {
        assertEquals(Map.of(), form("", "Printed report", "OTHER", "CONTEXT", "2024-11-22").problems(NOW));
        assertEquals(Instant.parse("2024-11-22T00:00:00Z"), form("", "Printed report", "OTHER", "CONTEXT", "2024-11-22").check().accessedAt());
        assertEquals(Instant.parse("2024-11-22T14:05:30Z"), form("", "Printed report", "OTHER", "CONTEXT", "2024-11-22T14:05:30").check().accessedAt());
    }

    @Test
    void everyRefusalNamesItsField() {
        assertEquals(Map.of("url", "Give the source's URL, or describe a source that has none (a phone call, a printed report)."),
                form(" ", " ", "OTHER", "CONTEXT", "").problems(NOW));
        for (String bad : new String[] {"javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://archives.example/x",
                "//archives.example/x", "https://", "https://archives.example/" + "x".repeat(2000)}) {
            assertTrue(form(bad, "", "OTHER", "CONTEXT", "").problems(NOW).containsKey("url"), bad);
        }
        Map<String, String> problems = form("https://archives.example/x", "", "GOSSIP", "", "2024-11-25T10:06").problems(NOW);
        assertEquals("The kind must be one of PRIMARY_DOCUMENT, OFFICIAL_STATEMENT, DATASET, EXPERT, NEWS_REPORT, OTHER.", problems.get("kind"));
        assertEquals("Choose whether the source supports or refutes the claim, or gives context.", problems.get("stance"));
        assertEquals("The accessed-at time is in the future.", problems.get("accessedAt"));
        assertEquals(Map.of(), form("https://archives.example/x", "", "OTHER", "SUPPORTS", "2024-11-25T10:04").problems(NOW),
                "a few minutes of clock drift are allowed");
        assertThrows(IllegalStateException.class, () -> form("", "", "OTHER", "SUPPORTS", "").check());
    }
}
