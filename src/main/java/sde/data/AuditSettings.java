package sde.data;

import java.util.Set;

/**
 * What {@link DataAudit} checks against.
 *
 * @param from,to              the window that must be tradable (epoch days)
 * @param loadFrom,loadTo      the range loaded into MarketData (for coverage and size)
 * @param requiredSeries       index/rate series that must cover the window
 * @param splitJumpThreshold   |close/prev − 1| above this is listed as a possible split
 * @param adjustedFractionThreshold share of non-cent closes above which prices look adjusted
 * @param datingMinCorrelation a series is judged for misdating only when its daily changes
 *                             correlate at least this much with SPY's or VIX's at some lag (SeriesDating)
 * @param datingMargin         ... and misdated only when a lag beats the same session by this much
 * @param indexRange           [lo, hi]: an index level (VIX, VXN, …) outside it is an error
 * @param rateRange            [lo, hi]: a rate in percent (DTB3) outside it is an error
 */
public record AuditSettings(int from, int to, int loadFrom, int loadTo, Set<SeriesId> requiredSeries,
                            AlignmentRules rules, double splitJumpThreshold, double adjustedFractionThreshold,
                            double datingMinCorrelation, double datingMargin, double[] indexRange, double[] rateRange) {
    public AuditSettings {
        for (double[] r : new double[][]{indexRange, rateRange}) {
            if (r == null || r.length != 2
                    || !(r[0] < r[1])) throw new IllegalArgumentException("data: a plausible range is [lo, hi], lo < hi");
        }
    }

}
