package sde.metrics;

import java.util.List;

/** SPEC §3–4 run-level metrics; percentages in percent, recovery in trading days. */
public record Summary(List<YearStats> years, double cagrPct, double maxDdPct, double sharpe, double sortino, double calmar,
                      double consistency, double score, String tier, int longestRecoveryDays, int maxConsecutiveLosers,
                      int trades, double finalEquity) {
    /** SPEC §3: no metric is ever NaN or infinite; a run that would make one is a bug, refused here. */
    public Summary {
        double[] v = {cagrPct, maxDdPct, sharpe, sortino, calmar, consistency, score, finalEquity};
        String[] names = {"cagr_pct", "max_dd_pct", "sharpe", "sortino", "calmar", "consistency", "score", "final_equity"};
        for (int k = 0; k < v.length; k++) {
            if (!Double.isFinite(v[k])) throw new IllegalStateException("metric " + names[k] + " is " + v[k] + " (SPEC §3: never NaN)");
        }
    }
}
