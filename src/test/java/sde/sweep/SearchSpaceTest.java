package sde.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sde.backtest.Engines;
import sde.backtest.RunSpec;
import sde.data.Fixtures;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SearchSpaceTest {
    /** What every study here shares: a random search of one small generation over two train years. */
    static final String HEADER = """
            seed: 1
            optimizer: random
            optimizer_settings: {elites: 1, tournament: 2, crossover: 0.9, mutation_rate: 0.3, mutation_sigma: 0.2,
                                 tpe_gamma: 0.25, tpe_candidates: 16, tpe_startup: 4}
            population: 4
            generations: 1
            train_years: [2020, 2021]
            test_years: [2022, 2022]
            top_n: 5""";

    @Test
    void aSwitchedOffStrategyDecodesToOneIdWhateverItsOtherGenes(@TempDir Path tmp) {
        Path f = tmp.resolve("s.yaml");
        Fixtures.write(f, """
                study: cond
                %s
                strategies:
                  - name: credit_spread
                    search: [short_delta]
                  - name: momentum
                    optional: true
                    search: [lookback]
                """.formatted(HEADER));
        SearchSpace space = new SearchSpace(Study.load(f));
        assertEquals(3, space.dimensions(), "short_delta, momentum's switch, lookback");
        RunSpec a = space.decode(new double[]{0.5, 0.1, 0.2}, Engines.CONF.backtest());
        RunSpec b = space.decode(new double[]{0.5, 0.1, 0.9}, Engines.CONF.backtest());
        assertEquals(0.0, a.strategies().get(1).weight());
        assertEquals(a.id("x", "m"), b.id("x", "m"), "lookback does not matter while momentum is off");
        RunSpec c = space.decode(new double[]{0.5, 0.9, 0.9}, Engines.CONF.backtest());
        assertEquals(1.0, c.strategies().get(1).weight());
        assertNotEquals(a.id("x", "m"), c.id("x", "m"));
    }

    @Test
    void searchedBlendWeightsNeverSumOverOne(@TempDir Path tmp) {
        Path f = tmp.resolve("w.yaml");
        Fixtures.write(f, """
                study: blend
                %s
                strategies:
                  - name: credit_spread
                    search: [weight]
                  - name: momentum
                    search: [weight, lookback]
                """.formatted(HEADER));
        SearchSpace space = new SearchSpace(Study.load(f));
        assertEquals(3, space.dimensions(), "two weights and lookback");
        RunSpec full = space.decode(new double[]{1.0, 1.0, 0.5}, Engines.CONF.backtest());
        assertEquals(0.5, full.strategies().get(0).weight(), 1e-9, "1 + 1 scaled to 0.5 + 0.5: no leverage through weights");
        assertEquals(0.5, full.strategies().get(1).weight(), 1e-9);
        RunSpec small = space.decode(new double[]{0.2, 0.4, 0.5}, Engines.CONF.backtest());
        assertEquals(0.2, small.strategies().get(0).weight(), 1e-9, "under 1: as searched (steps of 0.05)");
        assertEquals(0.4, small.strategies().get(1).weight(), 1e-9);
    }

    /** A blend of two searched weights, with {@code leverage} (a YAML line, or empty) beside them. */
    static Study blend(Path dir, String leverage) {
        Path f = dir.resolve("lev.yaml");
        Fixtures.write(f, """
                study: lev
                %s
                %s
                strategies:
                  - name: credit_spread
                    id: a
                    weight: 0.5
                    search: [weight]
                  - name: momentum
                    id: b
                    weight: 0.5
                    search: [weight]
                """.formatted(HEADER, leverage));
        return Study.load(f);
    }

    /** Sizing as structure: a study's leverage gene scales its weights after they are normalised. */
    @Test
    void theLeverageGeneScalesTheNormalisedWeights(@TempDir Path tmp) {
        SearchSpace space = new SearchSpace(blend(tmp, "leverage: [0.5, 2.0]"));
        assertEquals(3, space.dimensions(), "two weights and the leverage");
        // Both weights at 1 normalise to 0.5 each; the leverage gene at its top doubles them.
        RunSpec top = space.decode(new double[]{1, 1, 1}, Engines.CONF.backtest());
        assertEquals(1.0, top.strategies().get(0).weight(), 1e-9);
        assertEquals(1.0, top.strategies().get(1).weight(), 1e-9);
        RunSpec bottom = space.decode(new double[]{1, 1, 0}, Engines.CONF.backtest());
        assertEquals(0.25, bottom.strategies().get(0).weight(), 1e-9);
        assertEquals(0.25, bottom.strategies().get(1).weight(), 1e-9);
    }

    @Test
    void withoutTheKeyTheSpaceIsAsBefore(@TempDir Path tmp) {
        SearchSpace space = new SearchSpace(blend(tmp, ""));
        assertEquals(2, space.dimensions());
        assertEquals(0.5, space.decode(new double[]{1, 1}, Engines.CONF.backtest()).strategies().get(0).weight(), 1e-9);
    }

    @Test
    void aBadLeverageNamesTheKey(@TempDir Path tmp) {
        Exception e = assertThrows(RuntimeException.class, () -> blend(tmp, "leverage: [2.0, 1.0]"));
        assertTrue(e.getMessage().contains("key 'leverage'"), e.getMessage());
    }
}
