package sde.report;

import org.junit.jupiter.api.Test;
import sde.results.StudyTrial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** Parameter importance as the report computes it (η² over quantile bins), on trials whose score depends on one parameter only. */
class StudyViewsTest {
    private static List<StudyTrial> trials(int n) {
        SplittableRandom r = new SplittableRandom(5);
        List<StudyTrial> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double delta = 0.05 + 0.3 * r.nextDouble(), dte = 7 + r.nextInt(50);
            String side = r.nextBoolean() ? "put" : "call";
            double score = -Math.pow(delta - 0.16, 2) + 1e-4 * r.nextGaussian();   // the delta matters, the rest is noise
            out.add(new StudyTrial("s", i / 100, "id" + i, score, """
                    {"strategies":[{"id":"spread","name":"credit_spread","weight":1.0,
                                    "params":{"short_delta":%s,"dte":%s,"side":"%s","symbol":"SPY"}}],
                     "backtest":{"starting_capital":100000.0},"from":"2020-01-01","to":"2022-12-31"}""".formatted(delta, dte, side)));
        }
        return out;
    }

    @Test
    void theParameterTheScoreDependsOnCarriesTheImportance() {
        List<StudyTrial> t = trials(2000);
        List<StudyViews.Column> cols = StudyViews.columns(t);
        assertEquals(List.of("spread.short_delta", "spread.dte", "spread.side"), cols.stream().map(StudyViews.Column::name).toList(),
                "searched leaves by strategy id; the weight and symbol never vary, the backtest block is not a parameter");
        Map<String, Double> imp = StudyViews.importance(cols, t.stream().mapToDouble(StudyTrial::fitness).toArray());
        assertEquals("spread.short_delta", imp.keySet().iterator().next());
        assertTrue(imp.get("spread.short_delta") > 0.9, imp.toString());
        assertEquals(1.0, imp.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
    }

    @Test
    void etaSquaredIsOneForAStepAndZeroForAConstantScore() {
        double[] x = new double[100], step = new double[100], flat = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i;
            step[i] = i < 50 ? 0 : 1;
            flat[i] = 3;
        }
        assertEquals(1.0, StudyViews.eta2(x, step), 1e-12, "the bins split exactly where the score steps");
        assertEquals(0.0, StudyViews.eta2(x, flat), 1e-12);
    }

    @Test
    void theViewsDrawEveryChartForASmallStudy() {
        StudyViews.Written w = StudyViews.of(trials(300), List.of(), null);
        for (String id : List.of("history", "importance", "slice-spread-short-delta",
                "parallel")) assertTrue(w.html().contains("id=\"" + id + "\""), id);
        assertEquals(301, w.trialsCsv().lines().count());
    }
}
