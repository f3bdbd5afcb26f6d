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

    @Test
    void aRunIsJudgedAgainstTheFortunesRunsBesideIt() {
        // the machine slows down in the middle of repetition 2: the Fortunes run at its start is fast, the
        // ones around the article page are slow, and so is the article page itself
        HttpBench.Run f1 = run("fortunes", 2, 6000);
        HttpBench.Run f2 = run("fortunes", 2, 4400);
        HttpBench.Run f3 = run("fortunes", 2, 4600);
        List<HttpBench.Run> runs = List.of(f1, run("article-20", 1, 800).between(run("fortunes", 1, 6000), run("fortunes", 1, 6000)),
                run("article-20", 2, 600).between(f2, f3), run("article-20", 3, 780).between(run("fortunes", 3, 5800),
                        run("fortunes", 3, 6000)));
        List<Double> ratios = HttpBench.ratiosToFortunes(runs, "article-20");
        assertEquals(List.of(800.0 / 6000, 600.0 / 4500, 780.0 / 5900), ratios);
        assertEquals(0.8, HttpBench.spreadOf(ratios), 0.1);
        // against the repetition's first Fortunes run alone, the same runs looked 25 % apart
        assertEquals(25.2, HttpBench.spreadOf(List.of(800.0 / 6000, 600.0 / 6000, 780.0 / 5900)), 0.1);
    }
}
