package org.claimdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How recorded columns and values read on the history pages (plain JUnit). */
class HistoryWordingTest {

    static final Map<String, String> NAMES = Map.of("account:12", "Bob", "level:5", "True (5)", "revision:51", "2");

    @Test
    void idsReadAsTheNamesTheyReferTo() {
        assertEquals("Bob", HistoryWording.value("sent_back_by_id", "12", NAMES));
        assertEquals("account #13", HistoryWording.value("editor_id", "13", NAMES));
        assertEquals("True (5)", HistoryWording.value("rating_level_id", "5", NAMES));
        assertEquals("revision 2", HistoryWording.value("article_revision_id", "51", NAMES));
        assertEquals("claim #7", HistoryWording.value("duplicate_of_id", "7", NAMES));
        assertNull(HistoryWording.value("assignee_id", null, NAMES));
    }

    @Test
    void enumsReadAsWordsAndTimestampsInUtc() {
        assertEquals("Awaiting sign off", HistoryWording.value("status", "AWAITING_SIGN_OFF", NAMES));
        assertEquals("2024-11-22 13:05 UTC", HistoryWording.value("retracted_at", "2024-11-22T14:05:09.123+01:00", NAMES));
        assertEquals("not a time", HistoryWording.value("sent_back_at", "not a time", NAMES));
        assertEquals("TRUE words stay", HistoryWording.value("claim_reviewed", "TRUE words stay", NAMES));
    }

    @Test
    void columnsHaveLabelsAndBookkeepingIsHidden() {
        assertEquals("Rating explanation", HistoryWording.label("rating_explanation"));
        assertEquals("Suggested publisher", HistoryWording.label("suggested_publisher"));
        assertEquals("Owner", HistoryWording.label("owner_id"));
        assertFalse(HistoryWording.shown("updated_at"));
        assertFalse(HistoryWording.shown("revision_type"));
        assertTrue(HistoryWording.shown("claim_reviewed"));
    }

    @Test
    void headlinesSayWhatHappenedToTheObject() {
        assertEquals("Verdict #51 sent back", HistoryWording.headline("verdict", "Verdict", 51, 1,
                Map.of("state", "SENT_BACK"), Set.of("state", "send_back_reason")));
        assertEquals("Verdict #52 proposed as a correction", HistoryWording.headline("verdict", "Verdict", 52, 0,
                Map.of("correction_note", "Moved in 1940"), Set.of("correction_note")));
        assertEquals("Source #7 retracted", HistoryWording.headline("source", "Source", 7, 1,
                Map.of("retracted_at", "2024-11-22T14:05:09+00:00"), Set.of("retracted_at")));
        assertEquals("Claim #3: anchor moved", HistoryWording.headline("claim", "Claim", 3, 1,
                Map.of("anchor_start", "12"), Set.of("anchor_start", "anchor_end")));
        assertEquals("Claim #3: anchor confirmed", HistoryWording.headline("claim", "Claim", 3, 1,
                Map.of("anchor_state", "ANCHORED"), Set.of("anchor_state")));
        assertEquals("Claim #3: anchor orphaned", HistoryWording.headline("claim", "Claim", 3, 1,
                Map.of("anchor_state", "ORPHANED"), Set.of("anchor_state")));
        assertEquals("Claim #3 dismissed", HistoryWording.headline("claim", "Claim", 3, 1,
                Map.of("status", "DISMISSED"), Set.of("status")));
        assertEquals("Sign-off #9: verdict #51 signed off", HistoryWording.headline("sign_off", "Sign-off", 9, 0,
                Map.of("verdict_id", "51"), Set.of("verdict_id")));
        assertEquals("Rating level #4 changed", HistoryWording.headline("rating_level", "Rating level", 4, 1, Map.of(), Set.of()));
    }

    @Test
    void aChangeListsItsFieldsInReadingOrderWithUnlabelledColumnsLast() {
        List<String> columns = Stream.of("zeta_flag", "anchor_end", "created_by_id", "anchor_exact", "claim_reviewed", "anchor_start", "alpha_flag")
                .sorted(HistoryWording.READING_ORDER).toList();

        assertEquals(List.of("claim_reviewed", "anchor_exact", "anchor_start", "anchor_end", "created_by_id", "alpha_flag", "zeta_flag"), columns);
    }

    @Test
    void labelsListedForOrderReadAsTheirWords() {
        assertEquals("Due date", HistoryWording.label("due_date"));
        assertEquals("Retraction reason", HistoryWording.label("retraction_reason"));
        assertEquals("Quote", HistoryWording.label("anchor_exact"));
    }
}
