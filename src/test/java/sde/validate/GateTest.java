package sde.validate;

import sde.backtest.RegimeSpec;
import sde.io.Json;
import sde.regime.RegimeSettings;
import sde.results.Flag;
import sde.results.Verdict;
import org.junit.jupiter.api.Test;
import sde.backtest.Engines;
import sde.backtest.RunSpec;
import sde.metrics.Summary;
import sde.metrics.YearStats;
import sde.strategy.Strategies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** SPEC §5: the gate's arithmetic on crafted cases, the variants, and the statistics against hand computations. */
class GateTest {
    private static final GateSettings G = new GateSettings(List.of(2020, 2022), List.of(2023, 2025), 5, 0.10, 0.20, 30, 50, 35, 10, 30, 10,
            10, 1,
            1000, 20, "2024-08-05", 10, 3, 5, "2024-08-05", 2026);

    private static Summary summary(double[] yearReturns, int tradesPerYear, double score, double maxDd) {
        List<YearStats> ys = new ArrayList<>();
        for (int k = 0; k < yearReturns.length; k++) ys.add(new YearStats(2020 + k, yearReturns[k], 5, tradesPerYear, 1, 0, 0));
        return new Summary(ys, 10, maxDd, 1, 1, 1, 1, score, "Below", 10, 2, tradesPerYear * yearReturns.length, 1, 0);
    }

    private static Map<Integer, double[]> months(int positivePerYear) {
        Map<Integer, double[]> m = new HashMap<>();
        for (int y = 2020; y <= 2025; y++) {
            double[] v = new double[12];
            for (int k = 0; k < 12; k++) v[k] = k < positivePerYear ? 100 : -50;
            m.put(y, v);
        }
        return m;
    }

    @Test
    void aSteadyConfigIsRobust() {
        Summary s = summary(new double[]{12, 10, 8, 11, 9, 10}, 60, 0.5, 8);
        GateReport v = Gate.judge("steady", s, 10, 10, months(8), List.of(0.45, 0.5, 0.48, 0.52, 0.47), 1, G, GateStatistics.none());
        // 0.25·1 + 0.30·1 + 0.25·(0.484/0.5) + 0.10·1 + 0.10·1
        assertEquals(0.25 + 0.30 + 0.25 * (2.42 / 5 / 0.5) + 0.10 + 0.10, v.overfitScore(), 1e-12);
        assertEquals(Verdict.ROBUST, v.verdict());
        assertTrue(v.robust());
        assertTrue(v.flags().isEmpty(), v.flags().toString());
    }

    @Test
    void aRobustVerdictThatFailsOnAnEdgeOfTheModelBandIsModelFragile() {
        Summary s = summary(new double[]{12, 10, 8, 11, 9, 10}, 60, 0.5, 8);
        List<Double> variants = List.of(0.45, 0.5, 0.48, 0.52, 0.47);
        GateReport base = Gate.judge("premium", s, 10, 10, months(8), variants, 1, G, GateStatistics.none());
        // On the low surface the premiums it sells are cheaper: two losing years, a test CAGR a tenth of the train one.
        Summary low = summary(new double[]{6, 4, -2, 3, -1, 2}, 60, 0.1, 12);
        GateReport onLow = Gate.judge("premium", low, 4, 0.4, months(6), variants.stream().map(x -> x / 5).toList(), 1, G,
                GateStatistics.none());
        GateReport onHigh = Gate.judge("premium", summary(new double[]{15, 13, 10, 14, 12, 13}, 60, 0.7, 7), 12, 12, months(9),
                variants.stream().map(x -> x * 1.4).toList(), 1, G, GateStatistics.none());
        assertTrue(base.robust() && onHigh.robust());
        assertFalse(onLow.robust());

        GateReport v = base.withModelRisk(onLow, onHigh);
        assertEquals(0.1, v.scoreLow(), 1e-12);
        assertEquals(0.7, v.scoreHigh(), 1e-12);
        assertEquals(Verdict.ROBUST, v.verdict(), "the verdict is the base surface's");
        assertTrue(v.flags().contains(Flag.MODEL_FRAGILE));
        assertFalse(base.withModelRisk(onHigh, onHigh).flags().contains(Flag.MODEL_FRAGILE), "holds on both edges");
        GateReport overfit = Gate.judge("x", low, 4, 0.4, months(6), variants, 1, G, GateStatistics.none());
        assertFalse(overfit.withModelRisk(onLow, onHigh).flags().contains(Flag.MODEL_FRAGILE),
                "only a ROBUST verdict can be fragile");
    }

    @Test
    void aYearWithFewerThanThirtyClosedTradesIsRejectedWhateverTheScore() {
        // SPEC §5 rule D: T-bill interest alone makes a near-idle configuration steady and "robust".
        Summary idle = summary(new double[]{1.4, 0.1, 1.5, 5.0, 5.2, 4.2}, 2, 0.2, 0.5);
        GateReport v = Gate.judge("idle", idle, 1, 4.8, months(8), List.of(0.2, 0.2, 0.2, 0.2, 0.2), 1, G, GateStatistics.none());
        assertEquals(Verdict.REJECTED, v.verdict(), "SPEC §5: REJECTED overrides the grade");
        assertEquals(Verdict.ROBUST, v.grade(), "the overfit score alone would call it robust");
        assertTrue(v.rejected());
        assertFalse(v.robust());
        assertTrue(v.flags().contains(Flag.REJECT_TRADES));
        assertEquals(0.0, v.components().get("trade_count"));
        // What validations/ID.json says: REJECTED, with the grade beside it; a verdict that is not rejected has no second grade.
        var json = Json.MAPPER.valueToTree(v);
        assertEquals("REJECTED", json.get("verdict").asText());
        assertEquals("ROBUST", json.get("overfit_verdict").asText());
        assertTrue(Validator.report(v).startsWith("validation of idle: overfit_score "), Validator.report(v));
        assertTrue(Validator.report(v).lines().findFirst().orElseThrow()
                .contains("→ REJECTED (a year with too few trades; the score alone grades"
                + " it ROBUST)"), Validator.report(v));
        GateReport fine = Gate.judge("fine", summary(new double[]{12, 10, 8, 11, 9, 10}, 60, 0.5, 10), 10, 10, months(8),
                List.of(0.5, 0.5, 0.5, 0.5, 0.5), 1, G, GateStatistics.none());
        assertFalse(Json.MAPPER.valueToTree(fine).has("overfit_verdict"), fine.verdict().name());
    }

    @Test
    void aConfigTunedToOneYearIsFlagged() {
        // All the gain in 2020, nothing after; variants collapse; few trades.
        Summary s = summary(new double[]{150, -5, -8, -3, -6, -4}, 12, 0.4, 30);
        GateReport v = Gate.judge("one-year", s, 40, -5, months(3), List.of(0.1, 0.05, 0.3, 0.0, 0.12), 1, G, GateStatistics.none());
        assertEquals(Verdict.REJECTED, v.verdict(), "12 trades a year");
        assertEquals(Verdict.OVERFIT, v.grade(), "and overfit by its score alone");
        assertTrue(v.flags().contains(Flag.FRAGILE));
        assertEquals(0.0, v.components().get("walkforward"));
        assertFalse(v.passes().get("consistency"));
    }

    @Test
    void drawdownRealityRejectsAndFlags() {
        Summary s = new Summary(summary(new double[]{12, 10, 8, 11, 9, 10}, 60, 0.5, 40).years(), 10, 40, 1, 1, 1, 1, 0.5, "Reject", 45,
                12, 360, 1, 0);
        GateReport v = Gate.judge("deep", s, 10, 10, months(8), List.of(0.5, 0.5, 0.5, 0.5, 0.5), 1, G, GateStatistics.none());
        assertTrue(v.rejected());
        assertEquals(Verdict.REJECTED, v.verdict());
        assertFalse(v.robust(), "a ROBUST score does not save a 40 % drawdown");
        assertTrue(v.flags().containsAll(List.of(Flag.REJECT_DRAWDOWN, Flag.LOSING_STREAK, Flag.LONG_RECOVERY)));
    }

    @Test
    void jitterIsReproducibleBySeedAndStaysInBounds() {
        RunSpec base = Engines.spec("credit_spread", Map.of("short_delta", 0.44, "dte", 90));
        List<RunSpec> a = Jitter.variants(base, 5, 0.10, 0.20, 42), b = Jitter.variants(base, 5, 0.10, 0.20, 42);
        assertEquals(a, b);
        assertNotEquals(a, Jitter.variants(base, 5, 0.10, 0.20, 43));
        for (RunSpec v : a) {
            var p = v.strategies().get(0).params();
            assertTrue(p.dbl("short_delta") <= 0.45 && p.dbl("short_delta") >= 0.44 * 0.8 - 1e-12, "clamped to the declared bounds");
            assertTrue(p.integer("dte") <= 90, "integers rounded and clamped");
            assertEquals(base.strategies().get(0).params().text("side"), p.text("side"), "categorical values stay");
            double ratio = p.dbl("profit_target") / 0.5;
            assertTrue(Math.abs(ratio - 1) >= 0.10 - 1e-9 && Math.abs(ratio - 1) <= 0.20 + 1e-9, "u in [0.10, 0.20]: " + ratio);
        }
        Strategies.get("credit_spread").space().resolve(a.get(0).strategies().get(0).params().values(), "");   // still valid
    }

    @Test
    void blendWeightsAndRegimeThresholdsAreJitteredAndARefusedVariantIsDrawnAgain() {
        var st = Strategies.get("credit_spread");
        var mom = Strategies.get("momentum");
        // crash_vix = high_vol_vix = bear_vix_min: a jitter that lowers crash_vix below the others is refused.
        var tight = new RegimeSettings("SPY", 100, 0.01, 10, 0.10, 30, 30, 30, 20, 15, 3);
        var regime = new RegimeSpec(tight, Map.of("spread", Map.of("BULL", 1.0, "CRASH", 0.5)), "keep");
        RunSpec base = new RunSpec(List.of(new RunSpec.SlotSpec("spread", "credit_spread", 0.6, st.space().resolve(Map.of(), "")),
                new RunSpec.SlotSpec("trend", "momentum", 0.4, mom.space().resolve(Map.of(), ""))), Engines.CONF.backtest(),
                "2020-01-01", "2025-12-31", regime);
        List<RunSpec> vs = Jitter.variants(base, 5, 0.10, 0.20, 7);
        for (RunSpec v : vs) {
            var r = v.regime().settings();
            assertTrue(r.crashVix() >= r.highVolVix() && r.highVolVix() >= r.bearVixMin(), "every variant is a valid classifier: " + r);
            assertNotSame(base, v, "drawn again until accepted, not left at the base");
            double w = v.strategies().get(0).weight() / 0.6;
            assertTrue(Math.abs(w - 1) >= 0.10 - 1e-9 && Math.abs(w - 1) <= 0.20 + 1e-9, "the blend weight is a numeric parameter: " + w);
            assertNotEquals(0.5, v.regime().weights().get("spread").get("CRASH"), "the per-regime multipliers too");
            v.slots();   // every strategy accepts its values
        }
        assertTrue(vs.stream().anyMatch(v -> v.regime().settings().crashVix() != 30), "thresholds move");
    }

    @Test
    void deflatedSharpeMatchesAHandComputation() {
        // SR0 = sqrt(V)·[(1−γ)Z⁻¹(1−1/N) + γZ⁻¹(1−1/(Ne))] with N = 10, V = 1e-4 (Python's NormalDist).
        assertEquals(0.0157459830134575, OverfittingStats.expectedMaxSharpe(10, 1e-4), 1e-9);
        assertEquals(0.9025993995967836, OverfittingStats.deflatedSharpe(0.1, 252, -0.5, 5.0, 10, 1e-4), 1e-6);
        assertEquals(0, OverfittingStats.expectedMaxSharpe(1, 1e-4), "one trial: nothing to deflate");
    }

    @Test
    void pboOfTwoConfigsThatSwapPlacesIsOneAndOfADominantConfigIsZero() {
        // 4 rows, 2 blocks. Config 0 wins block 0 and loses block 1; config 1 the reverse: whichever
        // half is in-sample, its winner is the out-of-sample loser.
        double[][] swap = {{0.02, -0.01}, {0.03, -0.02}, {-0.01, 0.02}, {-0.02, 0.03}};
        assertEquals(1.0, OverfittingStats.pbo(swap, 2), 1e-12);
        double[][] dominant = {{0.02, 0.01}, {0.03, 0.00}, {0.03, -0.01}, {0.04, 0.01}};
        assertEquals(0.0, OverfittingStats.pbo(dominant, 2), 1e-12);
    }

    @Test
    void spaRejectsOnlyWhenAModelReallyBeatsTheBenchmark() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 1500;
        double[][] none = new double[n][3], one = new double[n][3];
        for (int t = 0; t < n; t++) {
            for (int k = 0; k < 3; k++) {
                double z = 0.01 * (r.nextDouble() - 0.5) * Math.sqrt(12);
                none[t][k] = z;                       // no edge: mean 0
                one[t][k] = z + (k == 2 ? 0.002 : 0);  // model 2 beats the benchmark by 20 bp a day
            }
        }
        assertTrue(OverfittingStats.spaPValue(none, 500, 20, 1) > 0.10, "no edge: H0 stands");
        assertTrue(OverfittingStats.spaPValue(one, 500, 20, 1) < 0.01, "a real edge is found");
        assertEquals(OverfittingStats.spaPValue(one, 500, 20, 1), OverfittingStats.spaPValue(one, 500, 20, 1), "seeded");
        double[][] behind = new double[n][2];
        for (int t = 0; t < n; t++) { behind[t][0] = none[t][0] - 0.002; behind[t][1] = none[t][1] - 0.003; }
        assertEquals(1.0, OverfittingStats.spaPValue(behind, 500, 20, 1), "every model behind the benchmark: no evidence at all");
    }

    @Test
    void momentsOfAKnownSeries() {
        double[] m = OverfittingStats.moments(new double[]{1, -1, 1, -1});
        assertEquals(0, m[0], 1e-12);
        assertEquals(0, m[1], 1e-12);
        assertEquals(1, m[2], 1e-12, "a two-point symmetric distribution has kurtosis 1");
    }

    @Test
    void theStatisticsAreWrittenSortedWithWhatTheGateCouldNotComputeLeftOut() {
        GateStatistics st = new GateStatistics(0.05, -0.2, 4.1, 1, null, null, 0.93, "no study: one trial, nothing to deflate for",
                null, null, null, "needs a study's top configurations", 12.5, 8.0, Map.of("SPY P d25-40 dte31-60", 1.0), 0.0,
                "0 % of the gross option P&L in unverified cells");
        String json = Json.compact(st);
        assertEquals("{\"coverage\":\"0 % of the gross option P&L in unverified cells\",\"deflated_sharpe\":0.93,"
                + "\"deflated_sharpe_note\":\"no study: one trial, nothing to deflate for\",\"kurtosis\":4.1,"
                + "\"option_pnl_by_cell\":{\"SPY P d25-40 dte31-60\":1.0},\"pbo_note\":\"needs a study's top configurations\","
                + "\"sharpe_daily\":0.05,\"skew\":-0.2,\"test_cagr_pct\":8.0,\"train_cagr_pct\":12.5,\"trials\":1,"
                + "\"unverified_share\":0.0}", json);
        assertEquals("{}", Json.compact(GateStatistics.none()));
        assertEquals(List.of("sharpe_daily 0.0500", "skew -0.2000", "kurtosis 4.1000", "trials 1"),
                st.lines().subList(0, 4).stream().map(l -> l.name() + " " + l.value()).toList());
        assertEquals(List.of("sharpe_daily", "skew", "kurtosis", "trials", "deflated_sharpe", "deflated_sharpe_note", "pbo_note",
                "train_cagr_pct", "test_cagr_pct", "option_pnl_by_cell", "unverified_share", "coverage"),
                st.lines().stream().map(GateStatistics.Line::name).toList(), "the file's names, in the gate's order, absent ones left out");
        assertEquals("SPY P d25-40 dte31-60 100 %", st.lines().stream().filter(l -> l.name().equals("option_pnl_by_cell"))
                .findFirst().orElseThrow().value());
    }
}
