package sde.validate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Resampled paths of a candidate (issue 8 item 3). Each path has its own generator seeded from
 * (seed, path index), so the result does not depend on how paths are spread over executors.
 * <ul>
 *   <li>Stationary block bootstrap of daily returns (Politis &amp; Romano 1994): blocks start at a
 *       uniform day and continue with probability 1 − 1/L, wrapping around, L the mean block length;
 *       this keeps volatility clustering that an i.i.d. bootstrap would destroy.</li>
 *   <li>Trade-order reshuffle: the closed trades' P&amp;L in a random order from the starting capital;
 *       the total is unchanged, so only the drawdown's distribution is informative.</li>
 * </ul>
 */
public final class MonteCarlo {
    private MonteCarlo() {}

    /** {CAGR %, max drawdown %, reshuffled-trades max drawdown %} of path {@code index}. */
    public static double[] path(double[] returns, double[] tradePnl, double capital, double years, double meanBlock, long seed, long index) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int n = returns.length;
        double equity = 1, peak = 1, dd = 0;
        int at = rng.nextInt(n);
        for (int k = 0; k < n; k++) {
            if (k > 0) at = rng.nextDouble() < 1 / meanBlock ? rng.nextInt(n) : (at + 1) % n;
            equity *= 1 + returns[at];
            peak = Math.max(peak, equity);
            dd = Math.max(dd, 1 - equity / peak);
        }
        double cagr = Math.pow(equity, 1 / years) - 1;
        double[] order = tradePnl.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double x = order[i]; order[i] = order[j]; order[j] = x;
        }
        double e = capital, pk = capital, tdd = 0;
        for (double p : order) {
            e += p;
            pk = Math.max(pk, e);
            tdd = Math.max(tdd, pk > 0 ? 1 - e / pk : 0);
        }
        return new double[]{100 * cagr, 100 * dd, 100 * tdd};
    }

    /**
     * Percentile bands of bootstrapped equity curves for a chart (issue 10): {@code paths} curves by
     * the same stationary block bootstrap as {@link #path}, each from {@code capital}; returns
     * [5 percentiles (5, 25, 50, 75, 95)][returns.length + 1 days].
     */
    public static double[][] bands(double[] returns, double capital, double meanBlock, long seed, int paths) {
        int n = returns.length;
        double[][] curves = new double[n + 1][paths];
        for (int k = 0; k < paths; k++) {
            SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k);
            double equity = capital;
            curves[0][k] = equity;
            int at = rng.nextInt(n);
            for (int i = 0; i < n; i++) {
                if (i > 0) at = rng.nextDouble() < 1 / meanBlock ? rng.nextInt(n) : (at + 1) % n;
                equity *= 1 + returns[at];
                curves[i + 1][k] = equity;
            }
        }
        int[] qs = {5, 25, 50, 75, 95};
        double[][] out = new double[qs.length][n + 1];
        for (int i = 0; i <= n; i++) {
            Arrays.sort(curves[i]);
            for (int q = 0; q < qs.length; q++) out[q][i] = curves[i][Math.min(paths - 1, (int) Math.floor(qs[q] / 100.0 * paths))];
        }
        return out;
    }

    /** Percentiles (5, 25, 50, 75, 95) and tail probabilities of the paths' columns. */
    public static java.util.Map<String, Object> summarize(double[][] paths) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        String[] names = {"cagr_pct", "max_dd_pct", "reshuffled_trades_max_dd_pct"};
        for (int c = 0; c < 3; c++) {
            double[] v = new double[paths.length];
            for (int i = 0; i < v.length; i++) v[i] = paths[i][c];
            Arrays.sort(v);
            java.util.Map<String, Double> p = new java.util.LinkedHashMap<>();
            for (int q : new int[]{5, 25, 50, 75, 95}) p.put("p" + q, v[Math.min(v.length - 1, (int) Math.floor(q / 100.0 * v.length))]);
            m.put(names[c], p);
            if (c > 0) {
                final int col = c;
                m.put(names[c].replace("_pct", "") + "_over_15_probability", Arrays.stream(paths).filter(x -> x[col] > 15).count() / (double) paths.length);
                m.put(names[c].replace("_pct", "") + "_over_35_probability", Arrays.stream(paths).filter(x -> x[col] > 35).count() / (double) paths.length);
            }
        }
        m.put("paths", paths.length);
        return m;
    }
}
