package sde.metrics;

import sde.data.Dates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The numbers the engine reports, exactly as SPEC §3–4 defines them. Input: equity at the close of
 * each session from the first decision day (index 0, the last session before the first evaluated
 * year, whose value SPEC §3 sets to the starting capital) to the last evaluated day; the daily
 * risk-free rate of the same sessions; and each closed trade's exit day and P&L.
 */
public final class Metrics {
    private static final double SQRT_252 = Math.sqrt(252);

    private Metrics() {}

    /** {@link #dailyReturn} of each session over the one before, one fewer than the equity points. */
    public static double[] dailyReturns(double[] equity) {
        double[] r = new double[Math.max(0, equity.length - 1)];
        for (int i = 1; i < equity.length; i++) r[i - 1] = dailyReturn(equity[i - 1], equity[i]);
        return r;
    }

    /**
     * The return from one equity value to the next. After a ruin (SPEC §3) equity stays at 0, and a
     * return from 0 is 0: nothing is left to gain or lose. No metric is ever NaN.
     */
    public static double dailyReturn(double previous, double now) {
        return previous > 0 ? now / previous - 1 : 0;
    }

    public static Summary compute(int[] days, double[] equityIn, double startingCapital, double[] riskFree,
                                  int[] tradeExitDays, double[] tradePnl) {
        return compute(days, equityIn, startingCapital, riskFree, tradeExitDays, tradePnl, new int[0]);
    }

    /** As above, with the exit days of the trades whose size capacity cut (SPEC §2), counted per year and in all. */
    public static Summary compute(int[] days, double[] equityIn, double startingCapital, double[] riskFree,
                                  int[] tradeExitDays, double[] tradePnl, int[] capacityBoundExitDays) {
        int n = days.length;
        if (n < 2) throw new IllegalArgumentException("metrics need at least two sessions");
        double[] e = equityIn.clone();
        e[0] = startingCapital;   // SPEC §3: the value before the first year is the starting capital
        List<YearStats> years = new ArrayList<>();
        int a = 1;
        int profitable = 0;
        while (a < n) {
            int y = Dates.year(days[a]);
            int b = a;
            while (b + 1 < n && Dates.year(days[b + 1]) == y) b++;
            // A year that begins ruined (equity 0) returns −100 %: the account is gone, not flat.
            double ret = e[a - 1] > 0 ? e[b] / e[a - 1] - 1 : -1;
            double dd = drawdown(e, a - 1, b);
            int trades = 0;
            for (int d : tradeExitDays) if (Dates.year(d) == y) trades++;
            int bound = 0;
            for (int d : capacityBoundExitDays) if (Dates.year(d) == y) bound++;
            double sharpe = sharpe(e, riskFree, a, b);
            double scoreY = (100 * ret / 200) * (15 / Math.max(100 * dd, 1.0));
            years.add(new YearStats(y, 100 * ret, 100 * dd, trades, sharpe, scoreY, bound));
            if (ret > 0) profitable++;
            a = b + 1;
        }
        double yearsSpan = (days[n - 1] - days[0]) / 365.25;
        double cagr = Math.pow(e[n - 1] / e[0], 1 / yearsSpan) - 1;
        double maxDd = drawdown(e, 0, n - 1);
        double cagrPct = 100 * cagr, maxDdPct = 100 * maxDd;
        double floored = Math.max(maxDdPct, 1.0);
        double consistency = (double) profitable / years.size();
        double score = (cagrPct / 200) * (15 / floored) * consistency + 0.0;   // + 0.0: no "-0" when consistency is 0
        return new Summary(years, cagrPct, maxDdPct, sharpe(e, riskFree, 1, n - 1), sortino(e, riskFree, 1, n - 1),
                cagrPct / floored, consistency, score, tier(cagrPct, floored), longestRecovery(e),
                maxConsecutiveLosers(tradeExitDays, tradePnl), tradePnl.length, e[n - 1], capacityBoundExitDays.length);
    }

    /** SPEC §4 tiers, from annual_return and max_drawdown (already floored at 1.0). */
    public static String tier(double annualReturnPct, double maxDrawdownPct) {
        if (annualReturnPct >= 200 && maxDrawdownPct <= 15) return "Elite";
        if (annualReturnPct >= 200 && maxDrawdownPct <= 25) return "Strong";
        if (annualReturnPct >= 150 && maxDrawdownPct <= 25) return "Acceptable";
        if (maxDrawdownPct > 35) return "Reject";
        return "Below";
    }

    /** Max of 1 − E(t)/peak over t in (from, to], the peak starting at E(from) (SPEC §3). */
    static double drawdown(double[] e, int from, int to) {
        double peak = e[from], dd = peak > 0 ? 0 : 1;   // a window that starts ruined is all drawdown
        for (int t = from + 1; t <= to; t++) {
            peak = Math.max(peak, e[t]);
            dd = Math.max(dd, peak > 0 ? 1 - e[t] / peak : 1);
        }
        return dd;
    }

    /**
     * mean(r − rf) / sample stdev(r − rf) × √252 over daily returns of sessions a..b. A run whose own
     * returns never move (no position, all cash) took no risk and gets 0: SPEC §3 is silent there,
     * and the formula would divide the T-bill's day-to-day wiggle by itself (about −20 for an idle
     * 2020–2025 run), which poisons the variance of Sharpe that the Deflated Sharpe Ratio uses.
     */
    static double sharpe(double[] e, double[] rf, int a, int b) {
        int n = b - a + 1;
        if (n < 2 || flat(e, a, b)) return 0;
        double mean = 0;
        for (int t = a; t <= b; t++) mean += dailyReturn(e[t - 1], e[t]) - rf[t];
        mean /= n;
        double ss = 0;
        for (int t = a; t <= b; t++) {
            double x = dailyReturn(e[t - 1], e[t]) - rf[t] - mean;
            ss += x * x;
        }
        double sd = Math.sqrt(ss / (n - 1));
        return sd > 0 ? mean / sd * SQRT_252 : 0;
    }

    /** mean(r − rf) / downside deviation × √252, downside deviation = √mean(min(0, r − rf)²). */
    static double sortino(double[] e, double[] rf, int a, int b) {
        int n = b - a + 1;
        if (flat(e, a, b)) return 0;
        double mean = 0, down = 0;
        for (int t = a; t <= b; t++) {
            double x = dailyReturn(e[t - 1], e[t]) - rf[t];
            mean += x;
            if (x < 0) down += x * x;
        }
        mean /= n;
        double dd = Math.sqrt(down / n);
        return dd > 0 ? mean / dd * SQRT_252 : 0;
    }

    private static boolean flat(double[] e, int a, int b) {
        for (int t = a; t <= b; t++) if (e[t] != e[t - 1]) return false;
        return true;
    }

    /** Longest stretch, in sessions, from a peak until equity is back at it (or the end of the run). */
    static int longestRecovery(double[] e) {
        int peakAt = 0, longest = 0;
        double peak = e[0];
        for (int t = 1; t < e.length; t++) {
            if (e[t] >= peak) {
                if (t - peakAt > 1) longest = Math.max(longest, t - peakAt);   // was under water in between
                peak = e[t];
                peakAt = t;
            }
        }
        return Math.max(longest, e[e.length - 1] < peak ? e.length - 1 - peakAt : 0);
    }

    /** Longest run of losing trades, in exit order. */
    static int maxConsecutiveLosers(int[] exitDays, double[] pnl) {
        Integer[] order = new Integer[pnl.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Integer.compare(exitDays[x], exitDays[y]));
        int run = 0, best = 0;
        for (int i : order) {
            run = pnl[i] < 0 ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }
}
