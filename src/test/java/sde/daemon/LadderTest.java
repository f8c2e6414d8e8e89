package sde.daemon;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
            String note = ladder.record(d.study().study(), obj.next(d.study()));
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
        assertEquals(3 * 5, rungs.subList(0, firstBlend).size(), "three singles, five generations each (a first best, two improvements, two flat)");
        for (StudyProgress p : ladder.studies()) assertTrue(p.plateaued(), p.name());
        assertEquals(2, ladder.studies().stream().filter(p -> p.rung() == Rung.BLEND).findFirst().orElseThrow().members().size(),
                "the top blend_top_k singles");
        assertTrue(notes.stream().anyMatch(n -> n.contains("plateaued")), notes.toString());
    }

    @Test
    void aNewSingleBestSendsTheLadderBackDown() {
        // credit_spread jumps on its 5th generation, which only an exploration step reaches.
        Synthetic obj = new Synthetic(4, (study, g) -> study.equals("single_credit_spread") && g >= 4 ? 0.9 : 0.1 + (study.length() % 3) * 0.01);
        Ladder ladder = new Ladder(Synthetic.settings(List.of("momentum", "mean_reversion", "credit_spread"), 3, 2, 100), null);
        List<String> notes = new ArrayList<>();
        List<Rung> rungs = climb(ladder, obj, notes);
        int firstBlend = rungs.indexOf(Rung.BLEND);
        assertTrue(rungs.subList(firstBlend, rungs.size()).contains(Rung.SINGLE), "explored back: " + rungs);
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("new best in single_credit_spread") && n.endsWith("back to the single rung")), notes.toString());
        long blends = ladder.studies().stream().filter(p -> p.rung() == Rung.BLEND).count();
        assertEquals(2, blends, "the new top K made a second blend study");
    }

    @Test
    void aBlendTakesUncorrelatedMembersNotTheTopScoresAlone() {
        // Scores: momentum 0.14 > mean_reversion 0.13 > credit_spread 0.12. momentum and mean_reversion
        // move together (correlation ~0.98); credit_spread is independent of both.
        DaemonSettings base = Synthetic.settings(List.of("momentum", "mean_reversion", "credit_spread"), 2, 100, 100);
        DaemonSettings s = new DaemonSettings(base.strategies(), base.optimizer(), base.population(), base.plateauGenerations(), base.minImprovement(),
                base.maxGenerationsPerStudy(), 2, base.exploreEvery(), base.reportEveryRuns(), base.reportEveryMinutes(), base.restarts(), base.seed(),
                base.trainYears(), base.testYears(), base.telegramApi(), base.telegramTimeoutSeconds(), base.telegramMinIntervalSeconds(), 3, 0.7, null);
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        double[] common = new double[500], own = new double[500], noise = new double[500];
        for (int i = 0; i < 500; i++) { common[i] = 0.01 * r.nextGaussian(); own[i] = 0.01 * r.nextGaussian(); noise[i] = 0.002 * r.nextGaussian(); }
        Map<String, double[]> daily = Map.of("momentum", common, "mean_reversion", java.util.stream.IntStream.range(0, 500)
                .mapToDouble(i -> common[i] + noise[i]).toArray(), "credit_spread", own);
        Map<String, Double> score = Map.of("single_momentum", 0.14, "single_mean_reversion", 0.13, "single_credit_spread", 0.12);
        Synthetic obj = new Synthetic(4, (study, g) -> score.getOrDefault(study, 0.05));
        Ladder ladder = new Ladder(s, null).withReturns(p -> daily.get(p.members().get(0)));
        Ladder.Decision d;
        while ((d = ladder.next()) != null && d.rung() == Rung.SINGLE) ladder.record(d.study().study(), obj.next(d.study()));
        assertNotNull(d);
        assertEquals(Rung.BLEND, d.rung());
        StudyProgress blend = ladder.studies().stream().filter(p -> p.rung() == Rung.BLEND).findFirst().orElseThrow();
        assertEquals(List.of("single_momentum", "single_credit_spread"), blend.members(),
                "the best, then the least correlated of the pool, not the second best score");
        assertTrue(Ladder.correlation(daily.get("momentum"), daily.get("mean_reversion")) > 0.95);
        // Without the returns the ladder blends the top scores, as before.
        Ladder plain = new Ladder(s, ladder.state());
        assertEquals(Rung.BLEND, plain.next().rung());
        assertTrue(plain.studies().stream().anyMatch(p -> p.rung() == Rung.BLEND && p.members().equals(List.of("single_momentum", "single_mean_reversion"))),
                plain.studies().toString());
    }

    @Test
    void stateSurvivesARestart() {
        Synthetic obj = new Synthetic(4, (study, g) -> 0.1 + g * 0.01);
        DaemonSettings s = Synthetic.settings(List.of("momentum", "mean_reversion"), 2, 100, 100);
        Ladder a = new Ladder(s, null);
        for (int i = 0; i < 3; i++) {
            Ladder.Decision d = a.next();
            a.record(d.study().study(), obj.next(d.study()));
        }
        Ladder b = new Ladder(s, a.state());
        assertEquals(a.state(), b.state());
        assertEquals(a.next().study().study(), b.next().study().study());
    }
}
