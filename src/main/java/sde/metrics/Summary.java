package sde.metrics;

import sde.results.Feasibility;
import sde.results.Objective;

import java.util.List;

/** SPEC §3–4 run-level metrics; percentages in percent, recovery in trading days; trades cut by capacity (SPEC §2) counted. */
public record Summary(List<YearStats> years, double cagrPct, double maxDdPct, double sharpe, double sortino, double calmar,
                      double consistency, double score, String tier, int longestRecoveryDays, int maxConsecutiveLosers,
                      int trades, double finalEquity, int capacityBoundTrades) {
    /** SPEC §3: no metric is ever NaN or infinite; a run that would make one is a bug, refused here. */
    public Summary {
        double[] v = {cagrPct, maxDdPct, sharpe, sortino, calmar, consistency, score, finalEquity};
        String[] names = {"cagr_pct", "max_dd_pct", "sharpe", "sortino", "calmar", "consistency", "score", "final_equity"};
        for (int k = 0; k < v.length; k++) {
            if (!Double.isFinite(v[k])) throw new IllegalStateException("metric " + names[k] + " is " + v[k] + " (SPEC §3: never NaN)");
        }
    }

    /** The study's SPEC §4 objective over this window: its score, or its worst year's score_y. */
    public double objective(Objective o) {
        double[] y = new double[years.size()];
        for (int k = 0; k < y.length; k++) y[k] = years.get(k).score();
        return o.of(score, y);
    }

    /** SPEC §4 violation of this window: its max drawdown, its fewest closed trades in a year, and ruin (equity 0 at its end). */
    public double violation(Feasibility f) {
        int fewest = Integer.MAX_VALUE;
        for (YearStats y : years) fewest = Math.min(fewest, y.trades());
        return f.violation(maxDdPct, years.isEmpty() ? 0 : fewest, finalEquity <= 0);
    }
}
