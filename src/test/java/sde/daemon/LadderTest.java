package sde.daemon;

import org.junit.jupiter.api.Test;
import sde.config.ConfigLoader;
import sde.sweep.SearchSpace;
import sde.sweep.Study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/** The escalation ladder on a synthetic objective: single → blend → regime → ceiling, and back down. */
class LadderTest {

    /** Drives the ladder until it stops, returning the rung of every decision. */
    private static List<Rung> climb(Ladder ladder, Synthetic obj, List<String> notes) {
        List<Rung> rungs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Ladder.Decision d = ladder.next();
            if (d == null) return rungs;
            rungs.add(d.rung());
            String note = ladder.record(d.study().name(), obj.next(d.study()));
            if (note != null) notes.add(note);
        }
        fail("the ladder never stopped");
        return rungs;
    }

    @Test
    void climbsFromSinglesToBlendsToRegimesThenStops() {
        // Each study improves on generations 1 and 2, then stays flat: plateau after 2 flat ones.
        Synthetic obj = new Synthetic(4, (study, g) -> (study.hashCode() % 7 + 10) / 100.0 + Math.min(g, 2) * 0.01);
        Ladder ladder = new Ladder(Synthetic.settings(List.of("momentum", "mean_reversion", "credit_spread"), 2, 100, 100), null);
        List<String> notes = new ArrayList<>();
        List<Rung> rungs = climb(ladder, obj, notes);
        assertEquals(Rung.SINGLE, rungs.get(0));
        int firstBlend = rungs.indexOf(Rung.BLEND), firstRegime = rungs.indexOf(Rung.REGIME);
        assertTrue(firstBlend > 0 && firstRegime > firstBlend, "in order: " + rungs);
        assertFalse(rungs.subList(firstBlend, rungs.size()).contains(Rung.SINGLE), "no new single best, no way back: " + rungs);
        assertEquals(3 * 5, rungs.subList(0, firstBlend).size(),
                "three singles, five generations each (a first best, two improvements, two flat)");
        for (StudyProgress p : ladder.studies()) assertTrue(p.plateaued(), p.name());
        assertEquals(2, ladder.studies().stream().filter(p -> p.rung() == Rung.BLEND).findFirst().orElseThrow().members().size(),
                "the top blend_top_k singles");
        assertTrue(notes.stream().anyMatch(n -> n.contains("plateaued")), notes.toString());
    }

    @Test
    void aNewSingleBestSendsTheLadderBackDown() {
        // credit_spread jumps on its 5th generation, which only an exploration step reaches.
        Synthetic obj = new Synthetic(4, (study, g) ->
                study.equals("single_credit_spread") && g >= 4 ? 0.9 : 0.1 + (study.length() % 3) * 0.01);
        Ladder ladder = new Ladder(Synthetic.settings(List.of("momentum", "mean_reversion", "credit_spread"), 3, 2, 100), null);
        List<String> notes = new ArrayList<>();
        List<Rung> rungs = climb(ladder, obj, notes);
        int firstBlend = rungs.indexOf(Rung.BLEND);
        assertTrue(rungs.subList(firstBlend, rungs.size()).contains(Rung.SINGLE), "explored back: " + rungs);
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("new best in single_credit_spread") && n.endsWith("back to the single rung")),
                notes.toString());
        long blends = ladder.studies().stream().filter(p -> p.rung() == Rung.BLEND).count();
        assertEquals(2, blends, "the new top K made a second blend study");
    }

    @Test
    void aBlendTakesUncorrelatedMembersNotTheTopScoresAlone() {
        // Scores: momentum 0.14 > mean_reversion 0.13 > credit_spread 0.12. momentum and mean_reversion
        // move together (correlation ~0.98); credit_spread is independent of both.
        DaemonSettings base = Synthetic.settings(List.of("momentum", "mean_reversion", "credit_spread"), 2, 100, 100);
        DaemonSettings s = new DaemonSettings(base.strategies(), base.optimizer(), base.population(), base.plateauGenerations(),
                base.minImprovement(),
                base.maxGenerationsPerStudy(), 2, base.exploreEvery(), base.reportEveryRuns(), base.reportEveryMinutes(), base.restarts(),
                        base.seed(),
                base.trainYears(), base.testYears(), base.telegramApi(), base.telegramTimeoutSeconds(), base.telegramMinIntervalSeconds(),
                        3, 0.7, null, base.restartRotation(), base.restartWidth(), base.tpeCandidates());
        SplittableRandom r = new SplittableRandom(3);
        double[] common = new double[500], own = new double[500], noise = new double[500];
        for (int i = 0; i < 500; i++) {
            common[i] = 0.01 * r.nextGaussian();
            own[i] = 0.01 * r.nextGaussian();
            noise[i] = 0.002 * r.nextGaussian();
        }
        Map<String, double[]> daily = Map.of("momentum", common, "mean_reversion", IntStream.range(0, 500)
                .mapToDouble(i -> common[i] + noise[i]).toArray(), "credit_spread", own);
        Map<String, Double> score = Map.of("single_momentum", 0.14, "single_mean_reversion", 0.13, "single_credit_spread", 0.12);
        Synthetic obj = new Synthetic(4, (study, g) -> score.getOrDefault(study, 0.05));
        Ladder ladder = new Ladder(s, null).withReturns(p -> daily.get(p.members().get(0)));
        Ladder.Decision d;
        while ((d = ladder.next()) != null && d.rung() == Rung.SINGLE) ladder.record(d.study().name(), obj.next(d.study()));
        assertNotNull(d);
        assertEquals(Rung.BLEND, d.rung());
        StudyProgress blend = ladder.studies().stream().filter(p -> p.rung() == Rung.BLEND).findFirst().orElseThrow();
        assertEquals(List.of("single_momentum", "single_credit_spread"), blend.members(),
                "the best, then the least correlated of the pool, not the second best score");
        assertTrue(Ladder.correlation(daily.get("momentum"), daily.get("mean_reversion")) > 0.95);
        // Without the returns the ladder blends the top scores, as before.
        Ladder plain = new Ladder(s, ladder.state());
        assertEquals(Rung.BLEND, plain.next().rung());
        assertTrue(plain.studies().stream().anyMatch(p -> p.rung() == Rung.BLEND && p.members().equals(List.of("single_momentum",
                "single_mean_reversion"))),
                plain.studies().toString());
    }

    @Test
    void stateSurvivesARestart() {
        Synthetic obj = new Synthetic(4, (study, g) -> 0.1 + g * 0.01);
        DaemonSettings s = Synthetic.settings(List.of("momentum", "mean_reversion"), 2, 100, 100);
        Ladder a = new Ladder(s, null);
        for (int i = 0; i < 3; i++) {
            Ladder.Decision d = a.next();
            a.record(d.study().name(), obj.next(d.study()));
        }
        Ladder b = new Ladder(s, a.state());
        assertEquals(a.state(), b.state());
        assertEquals(a.next().study().name(), b.next().study().name());
    }

    @Test
    void restartsGoRoundTheBestSinglesEachInAWindowAroundItsBestThatWidensWithEachRestart() {
        // Three singles, best first: momentum 0.3, mean_reversion 0.2, credit_spread 0.1; restarts never help.
        DaemonSettings s = Synthetic.settings(List.of("momentum", "mean_reversion", "credit_spread"), 2, 100, 100, 4);
        Map<String, Double> first = Map.of("single_momentum", 0.3, "single_mean_reversion", 0.2, "single_credit_spread", 0.1);
        Synthetic obj = new Synthetic(4, (study, g) -> first.getOrDefault(study, 0.05));
        // Each first search's best row: momentum at lookback 200 and threshold 0.01; the others at their defaults.
        obj.paramsOf = study -> study.equals("single_momentum") ? Map.of("lookback", 200, "threshold", 0.01, "rebalance_days", 5,
                "invest_pct", 1.0)
                : Map.of();
        Ladder ladder = new Ladder(s, null);
        List<Study> restarts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Ladder.Decision d = ladder.next();
            if (d == null) break;
            String name = d.study().name();
            if (d.rung() == Rung.SINGLE && Ladder.restartIndex(name) > 0 && restarts.stream().noneMatch(x ->
                    x.name().equals(name))) restarts.add(d.study());
            ladder.record(name, obj.next(d.study()));
        }
        assertEquals(List.of("single_momentum_r1", "single_mean_reversion_r2", "single_credit_spread_r3", "single_momentum_r4"),
                restarts.stream().map(Study::name).toList(), "restart k takes the ((k - 1) mod 3)-th best strategy");

        // momentum's first restart: a quarter of each declared range, centred on the best, on the step grid.
        Map<String, List<Double>> r1 = restarts.get(0).strategies().get(0).boundsOverrides();
        assertEquals(List.of(170.0, 230.0), r1.get("lookback"), "[10, 250] has 240 lookbacks: 60 around 200");
        assertEquals(List.of(0.0, 0.05), r1.get("threshold"), "[0, 0.2]: 0.05 wide, shifted to start at the declared 0");
        // Its second restart doubles the window; the declared bounds are never left.
        Map<String, List<Double>> r4 = restarts.get(3).strategies().get(0).boundsOverrides();
        assertEquals(List.of(130.0, 250.0), r4.get("lookback"), "120 wide, shifted down from 260 to end at the declared 250");
        assertEquals(List.of(0.0, 0.1), r4.get("threshold"));
        // A strategy whose best row names no values (here, the others) keeps its declared bounds.
        assertEquals(Map.of(), restarts.get(1).strategies().get(0).boundsOverrides());
        // Every value the narrowed study decodes to is one the declared search could give.
        SearchSpace narrowed = new SearchSpace(restarts.get(0));
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            double[] genome = new double[narrowed.dimensions()];
            for (int g = 0; g < genome.length; g++) genome[g] = rng.nextDouble();
            var slot = narrowed.decode(genome, ConfigLoader.load(null, List.of()).backtest()).slots().get(0);
            int lookback = slot.params().integer("lookback");
            double threshold = slot.params().dbl("threshold");
            assertTrue(lookback >= 170 && lookback <= 230, "lookback " + lookback);
            assertEquals(0, Math.abs(threshold / 0.005 - Math.rint(threshold / 0.005)), 1e-9,
                    "threshold " + threshold + " on the 0.005 grid");
        }
        // The bounds are part of the saved state: a resumed ladder builds the same restart study.
        Ladder again = new Ladder(s, ladder.state());
        assertEquals(ladder.progress("single_momentum_r1").bounds(), again.progress("single_momentum_r1").bounds());
    }
}
