package org.claimdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.claimdesk.article.ArticleStatus;
import org.junit.jupiter.api.Test;

/** The checks of GET query parameters: values, and messages that name the parameter and what it must be. */
class QueryParametersTest {

    @Test
    void aChoiceIgnoresCaseAndSpaceAndBlankMeansNone() {
        Map<String, String> problems = new LinkedHashMap<>();
        assertEquals(ArticleStatus.IN_CHECK, QueryParameters.choice("status", " in_check ", ArticleStatus.class, problems));
        assertNull(QueryParameters.choice("status", "  ", ArticleStatus.class, problems));
        assertNull(QueryParameters.choice("status", null, ArticleStatus.class, problems));
        assertTrue(problems.isEmpty());
    }

    @Test
    void anUnknownChoiceListsTheAllowedNames() {
        Map<String, String> problems = new LinkedHashMap<>();
        assertNull(QueryParameters.choice("status", "BOGUS", ArticleStatus.class, problems));
        assertEquals(Map.of("status", "status must be one of NEW, IN_CHECK, CHECKED (the link has \"BOGUS\")."), problems);
    }

    @Test
    void wholeNumbersOutsideTheRangeOrNotNumbersAreRefusedWithTheRange() {
        Map<String, String> problems = new LinkedHashMap<>();
        assertEquals(12, QueryParameters.whole("start", "12", 0, 100, problems));
        assertNull(QueryParameters.whole("start", "abc", 0, 100, problems));
        assertNull(QueryParameters.whole("end", "99999999999999999999", 0, 100, problems));
        assertNull(QueryParameters.wholeLong("article", "0", 1, Long.MAX_VALUE, problems));
        assertEquals("start must be a whole number from 0 to 100 (the link has \"abc\").", problems.get("start"));
        assertEquals("end must be a whole number from 0 to 100 (the link has \"99999999999999999999\").", problems.get("end"));
        assertEquals("article must be a whole number from 1 to " + Long.MAX_VALUE + " (the link has \"0\").", problems.get("article"));
    }

    @Test
    void aLongOrControlCharacterValueIsShortenedInTheMessage() {
        Map<String, String> problems = new LinkedHashMap<>();
        QueryParameters.whole("page", "x\u0000" + "y".repeat(100), 0, 9, problems);
        assertEquals("page must be a whole number from 0 to 9 (the link has \"x " + "y".repeat(38) + "…\").", problems.get("page"));
    }

    @Test
    void aFormFieldSaysWhatTheFormHadAndOtherChecksSayWhatTheLinkHas() {
        Map<String, String> problems = new LinkedHashMap<>();
        assertEquals(12L, QueryParameters.formWholeLong("duplicateOfId", " 12 ", 1, 99, problems));
        assertNull(QueryParameters.formWholeLong("duplicateOfId", "#12", 1, 99, problems));
        QueryParameters.refuse("after", "abc", "a position such as 0.5_12", problems);
        assertEquals("duplicateOfId must be a whole number from 1 to 99 (the form had \"#12\").", problems.get("duplicateOfId"));
        assertEquals("after must be a position such as 0.5_12 (the link has \"abc\").", problems.get("after"));
    }
}
