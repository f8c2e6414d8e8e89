package sde.validate;

import sde.metrics.Summary;
import sde.metrics.YearStats;
import sde.results.Flag;
import sde.results.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC §5, the validation gate, computed from the candidate's full run (train and test years in
 * one continuous run), its two windows, its monthly P&L and its variants' scores.
 */
public final class Gate {
    private Gate() {}

    /**
     * @param full          the run over all evaluated years
     * @param trainCagrPct  CAGR of the walk-forward train years, {@code testCagrPct} of the test years
     * @param monthlyPnl    combined P&L per calendar month, by year (months in order)
     * @param variantScores SPEC §4 scores of the sensitivity variants
     */
    public static GateReport judge(String id, Summary full, double trainCagrPct, double testCagrPct, Map<Integer, double[]> monthlyPnl,
                                List<Double> variantScores, long seed, GateSettings g, GateStatistics statistics) {
        List<Flag> flags = new ArrayList<>();
        int years = full.years().size(), profitable = 0;
        for (YearStats y : full.years()) if (y.returnPct() > 0) profitable++;
        double consistency = (double) profitable / years;

        double ratio = trainCagrPct > 0 ? testCagrPct / trainCagrPct : 0;
        double walkforward = clamp(ratio);

        double score = full.score();
        double mean = variantScores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sensitivity = score > 0 ? clamp(mean / score) : 0;
        if (score > 0 && variantScores.stream().anyMatch(v -> v < score / 2)) flags.add(Flag.FRAGILE);

        boolean enough = full.years().stream().allMatch(y -> y.trades() >= g.minTradesPerYear());
        double tradeCount = enough ? 1 : 0;
        if (full.years().stream().anyMatch(y -> y.trades() < g.targetTradesPerYear())) flags.add(Flag.BELOW_TARGET_TRADES);

        double diverse = 0;
        for (YearStats y : full.years()) {
            double[] m = monthlyPnl.getOrDefault(y.year(), new double[0]);
            int positive = 0;
            for (double v : m) if (v > 0) positive++;
            diverse += Math.min(1, positive / 6.0);
        }
        double regimeDiverse = diverse / years;

        // SPEC §5: a max drawdown over the limit, and (the seed's rule D) a year with fewer than
        // min_trades_per_year closed trades, reject whatever the overfit score. Since cash earns
        // T-bills (SPEC §3), a configuration that hardly trades scores on its interest alone.
        boolean deep = full.maxDdPct() > g.maxDrawdownPct();
        boolean rejected = deep || !enough;
        if (deep) flags.add(Flag.REJECT_DRAWDOWN);
        if (!enough) flags.add(Flag.REJECT_TRADES);
        if (full.maxConsecutiveLosers() > g.maxConsecutiveLosers()) flags.add(Flag.LOSING_STREAK);
        if (full.longestRecoveryDays() > g.maxRecoveryDays()) flags.add(Flag.LONG_RECOVERY);

        double overfit = 0.25 * consistency + 0.30 * walkforward + 0.25 * sensitivity + 0.10 * tradeCount + 0.10 * regimeDiverse;
        // SPEC §5: REJECTED overrides the grade; the grade stays beside it.
        Verdict grade = Verdict.of(overfit);

        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("consistency", consistency);
        comp.put("walkforward", walkforward);
        comp.put("walkforward_ratio", ratio);
        comp.put("sensitivity", sensitivity);
        comp.put("trade_count", tradeCount);
        comp.put("regime_diverse", regimeDiverse);
        Map<String, Boolean> passes = new LinkedHashMap<>();
        passes.put("consistency", profitable >= Math.ceil(5.0 / 6 * years));
        passes.put("walkforward", ratio >= 0.5);
        passes.put("sensitivity", sensitivity >= 0.60);
        passes.put("trade_count", enough);
        passes.put("drawdown_reality", !rejected);
        return new GateReport(id, overfit, Verdict.of(grade, rejected), rejected, comp, passes, flags, seed, variantScores,
                score,
                statistics, null, null, null, null, grade);
    }

    private static double clamp(double x) {
        return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
    }
}
