package sde.metrics;

/**
 * SPEC §3–4 per evaluated year; percentages in percent; {@code capacityBoundTrades}: the orders whose size the
 * market's capacity cut (SPEC §2).
 */
public record YearStats(int year, double returnPct, double maxDdPct, int trades, double sharpe, double score, int capacityBoundTrades) {
    public YearStats {
        if (!(Double.isFinite(returnPct) && Double.isFinite(maxDdPct) && Double.isFinite(sharpe) && Double.isFinite(score))) {
            throw new IllegalStateException(year + ": a yearly metric is not finite (SPEC §3: never NaN): return " + returnPct
                    + ", max DD " + maxDdPct + ", Sharpe " + sharpe + ", score " + score);
        }
    }
}
