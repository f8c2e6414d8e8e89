package sde.sweep;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sde.backtest.Engines;
import sde.backtest.WorstCase;
import sde.data.Fixtures;
import sde.io.Json;
import sde.io.Location;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * SPEC §4's worst case costs three backtests a trial (the centre and the band's two edges); a trial whose centre falls
 * below its study's bar runs one. Recorded studies on the real data, each run twice, with the edges skipped below the bar
 * and with every edge run: the skip changes no proposal, no leader and no row the leaderboard lists, and its bound holds
 * (a skipped row's fitness, its centre's, is at least the worst case the full run finds for the same id).
 */
class EdgeSkipTest {
    private static Study study(Path dir, String optimizer, int population, int generations) {
        Path f = dir.resolve("study-" + optimizer + ".yaml");
        Fixtures.write(f, """
                study: recorded
                seed: 11
                optimizer: %s
                optimizer_settings: {elites: 2, tournament: 3, crossover: 0.9, mutation_rate: 0.3, mutation_sigma: 0.2,
                                     tpe_gamma: 0.25, tpe_candidates: 16, tpe_startup: 8}
                population: %d
                generations: %d
                max_drawdown: 100
                min_trades_per_year: 0
                train_years: [2020, 2022]
                test_years: [2023, 2023]
                top_n: 3
                strategies:
                  - name: long_option
                    fixed: {symbol: QQQ}
                    search: [direction, delta, dte, signal]
                  - name: credit_spread
                    optional: true
                    fixed: {symbol: SPY, entry_every: 10}
                    search: [short_delta, dte]
                """.formatted(optimizer, population, generations));
        return Study.load(f);
    }

    private record Recorded(List<Evaluation> rows, String leaderboard) {}

    private static Recorded run(Study s, Path out, boolean skip) {
        SweepContext local = SweepContext.local(Engines.real(), Engines.CONF.pricing(), Engines.CONF.backtest(), Engines.CONF.regime());
        SweepJob.StudyResult r = new SweepJob(local, s, Location.of(out), new PrintStream(new ByteArrayOutputStream()))
                .withEdgeSkip(skip).run(false);
        List<Evaluation> rows = local.backend().store(Location.of(out), s.name()).trials().stream()
                .sorted(Comparator.comparingInt(Evaluation::generation).thenComparing(Evaluation::id)).toList();
        return new Recorded(rows, Json.compact(r.leaderboard()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ga, 12, 5", "random, 12, 4", "tpe, 90, 4"})
    void skippingTheEdgesBelowTheBarChangesNoProposalAndNoLeader(String optimizer, int population, int generations,
                                                                  @TempDir Path tmp) {
        Study s = study(tmp, optimizer, population, generations);
        Recorded full = run(s, tmp.resolve("full"), false), skipped = run(s, tmp.resolve("skipped"), true);

        assertEquals(full.rows().stream().map(Evaluation::id).toList(), skipped.rows().stream().map(Evaluation::id).toList(),
                "the optimizer proposed the same trials, generation by generation");
        assertEquals(full.leaderboard(), skipped.leaderboard(), "the same leaders with the same figures");
        Map<String, Evaluation> byId = new HashMap<>();
        for (Evaluation e : full.rows()) byId.put(e.id(), e);
        int n = 0;
        for (Evaluation e : skipped.rows()) {
            Evaluation f = byId.get(e.id());
            assertNotEquals(WorstCase.SKIPPED, f.figures().worstSurface(), "without the skip every row has its worst case");
            if (!WorstCase.SKIPPED.equals(e.figures().worstSurface())) {
                assertEquals(f.figures(), e.figures(), e.id());
                continue;
            }
            n++;
            assertEquals(f.figures().trainScore(), e.figures().trainScore(), "the centre ran as before: " + e.id());
            assertTrue(e.fitness() >= f.fitness(), "the centre bounds the worst case from above: " + e.id());
            assertTrue(Double.isNaN(e.figures().scoreWorst()), "no worst-case figure is made up: " + e.id());
        }
        assertTrue(n > 0, "some trials fell below the bar, so the test can fail: " + optimizer);
    }
}
