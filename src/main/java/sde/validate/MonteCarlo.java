package sde.validate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Resampled paths of a candidate. Each path has its own generator seeded from
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
    public static double[] path(double[] returns, double[] tradePnl, double capital, double years, double meanBlock, long seed,
            long index) {
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
     * Percentile bands of bootstrapped equity curves for a chart: {@code paths} curves by
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

    /** The 5th, 25th, 50th, 75th and 95th percentiles of one figure over the paths. */
    public record Percentiles(double p5, double p25, double p50, double p75, double p95) {
        static Percentiles of(double[][] paths, int column) {
            double[] v = new double[paths.length];
            for (int i = 0; i < v.length; i++) v[i] = paths[i][column];
            Arrays.sort(v);
            double[] q = new double[5];
            int[] at = {5, 25, 50, 75, 95};
            for (int k = 0; k < 5; k++) q[k] = v[Math.min(v.length - 1, (int) Math.floor(at[k] / 100.0 * v.length))];
            return new Percentiles(q[0], q[1], q[2], q[3], q[4]);
        }
    }

    /** What validate reports of the paths: each figure's percentiles and the chance a drawdown passes 15 % and 35 %. */
    @JsonPropertyOrder(alphabetic = true)
    public record Report(Percentiles cagrPct, Percentiles maxDdPct, Percentiles reshuffledTradesMaxDdPct,
                          @JsonProperty("max_dd_over_15_probability") double maxDdOver15,
                          @JsonProperty("max_dd_over_35_probability") double maxDdOver35,
                          @JsonProperty("reshuffled_trades_max_dd_over_15_probability") double reshuffledOver15,
                          @JsonProperty("reshuffled_trades_max_dd_over_35_probability") double reshuffledOver35,
                          int paths) {
        /** The paths' figures as a table a terminal shows: one row per figure, its percentiles and its tail probabilities. */
        public String table() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-30s %9s %9s %9s %9s %9s %8s %8s%n",
                    "monte carlo (" + paths + " paths)", "p5", "p25", "p50", "p75", "p95", "P(>15)", "P(>35)"));
            row(sb, "CAGR %", cagrPct, Double.NaN, Double.NaN);
            row(sb, "max drawdown %", maxDdPct, maxDdOver15, maxDdOver35);
            row(sb, "max DD %, trades reshuffled", reshuffledTradesMaxDdPct, reshuffledOver15, reshuffledOver35);
            return sb.toString();
        }

        private static void row(StringBuilder sb, String name, Percentiles p, double over15, double over35) {
            sb.append(String.format(Locale.ROOT, "  %-28s %9.2f %9.2f %9.2f %9.2f %9.2f %8s %8s%n", name, p.p5(), p.p25(),
                    p.p50(),
                    p.p75(), p.p95(), Double.isNaN(over15) ? "" : String.format(Locale.ROOT, "%.3f", over15),
                    Double.isNaN(over35) ? "" : String.format(Locale.ROOT, "%.3f", over35)));
        }
    }

    /** Percentiles (5, 25, 50, 75, 95) and tail probabilities of the paths' columns (CAGR, max DD, reshuffled-trade max DD). */
    public static Report summarize(double[][] paths) {
        return new Report(Percentiles.of(paths, 0), Percentiles.of(paths, 1), Percentiles.of(paths, 2), share(paths, 1, 15), share(paths,
                1, 35),
                share(paths, 2, 15), share(paths, 2, 35), paths.length);
    }

    private static double share(double[][] paths, int column, double over) {
        return Arrays.stream(paths).filter(x -> x[column] > over).count() / (double) paths.length;
    }
}
