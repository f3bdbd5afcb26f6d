package org.claimdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.claimdesk.audit.WordDiff.Change;
import org.claimdesk.audit.WordDiff.Segment;
import org.junit.jupiter.api.Test;

/** Word diffs of the texts that change on the desk (plain JUnit). */
class WordDiffTest {

    static String side(List<Segment> segments, Change skipped) {
        return segments.stream().filter(s -> s.change() != skipped).map(Segment::text).collect(Collectors.joining());
    }

    @Test
    void oneReplacedWordIsOneRemovedAndOneAddedSegment() {
        List<Segment> diff = WordDiff.between("Carlton Gardens was the headquarters of the Free France government",
                "Carlton Gardens housed the headquarters of the Free France government");
        assertEquals(List.of(new Segment(Change.SAME, "Carlton Gardens "), new Segment(Change.REMOVED, "was"),
                new Segment(Change.ADDED, "housed"), new Segment(Change.SAME, " the headquarters of the Free France government")), diff);
    }

    @Test
    void bothTextsCanBeRebuiltFromTheSegments() {
        String before = "Four Italian soldiers were injured when two 122mm rockets hit the base in Shama.";
        String after = "Four Italian UNIFIL soldiers were injured when two exploding 122mm rockets hit the mission base in Shama.";
        List<Segment> diff = WordDiff.between(before, after);
        assertEquals(before, side(diff, Change.ADDED));
        assertEquals(after, side(diff, Change.REMOVED));
        assertEquals(List.of("UNIFIL ", "exploding ", "mission "), diff.stream().filter(Segment::added).map(Segment::text).toList());
        assertFalse(diff.stream().anyMatch(Segment::removed));
    }

    @Test
    void emptyOrMissingTextsAreWhollyAddedOrRemoved() {
        assertEquals(List.of(new Segment(Change.ADDED, "new text")), WordDiff.between(null, "new text"));
        assertEquals(List.of(new Segment(Change.REMOVED, "old text")), WordDiff.between("old text", ""));
        assertEquals(List.of(), WordDiff.between("", null));
        assertEquals(List.of(new Segment(Change.SAME, "same words")), WordDiff.between("same words", "same words"));
    }

    @Test
    void aWordDiffIsWorthShowingOnlyForLongTextsOnBothSides() {
        assertTrue(WordDiff.worthShowing("short", "x".repeat(60), 60));
        assertFalse(WordDiff.worthShowing("short", "also short", 60));
        assertFalse(WordDiff.worthShowing(null, "x".repeat(80), 60));
    }
}
