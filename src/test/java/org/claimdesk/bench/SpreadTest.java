package org.claimdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's busy-machine check: spreads of ratios to Fortunes, repetition by repetition. */
class SpreadTest {

    private static HttpBench.Run run(String scenario, int repetition, double requestsPerSecond) {
        return new HttpBench.Run(scenario, repetition, Math.round(requestsPerSecond * 15), 15, 1, 2, 0, 0, 0, null, 0);
    }

    @Test
    void aDriftingMachineMovesFortunesButNotTheRatios() {
        // the 1M run of 2026-11-30 04:53 UTC: the whole machine got faster from one repetition to the next
        List<HttpBench.Run> runs = List.of(run("fortunes", 1, 4808.7), run("claim", 1, 385.9),
                run("fortunes", 2, 5420.7), run("claim", 2, 426.3), run("fortunes", 3, 6382.3), run("claim", 3, 525.2));
        assertEquals(29, HttpBench.spreadOf(List.of(4808.7, 5420.7, 6382.3)), 0.5);
        List<Double> ratios = HttpBench.ratiosToFortunes(runs, "claim");
        assertEquals(3, ratios.size());
        assertEquals(0.0803, ratios.get(0), 0.0005);
        assertEquals(4.5, HttpBench.spreadOf(ratios), 0.1);
    }

    @Test
    void aScenarioSlowedInOneRepetitionAloneIsCaught() {
        List<HttpBench.Run> runs = List.of(run("fortunes", 1, 5000), run("desk", 1, 300), run("fortunes", 2, 5000),
                run("desk", 2, 200), run("fortunes", 3, 5000), run("desk", 3, 300));
        assertEquals(33.3, HttpBench.spreadOf(HttpBench.ratiosToFortunes(runs, "desk")), 0.1);
        assertEquals(0, HttpBench.spreadOf(List.of(1.0)));
    }
}
