package sde.validate;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.util.CombinatoricsUtils;

import java.util.Arrays;
import java.util.Iterator;
import java.util.SplittableRandom;

/** The statistics SPEC §5 reports beside the overfit score. */
public final class OverfittingStats {
    private static final NormalDistribution Z = new NormalDistribution();
    private static final double EULER_MASCHERONI = 0.5772156649015329;

    private OverfittingStats() {}

    /**
     * Expected maximum Sharpe ratio of {@code trials} unskilled trials whose Sharpe ratios have
     * variance {@code varianceOfSharpe} (Bailey &amp; López de Prado 2014, "The Deflated Sharpe
     * Ratio", eq. for SR₀): √V · [(1 − γ) Z⁻¹(1 − 1/N) + γ Z⁻¹(1 − 1/(N e))], γ the Euler–Mascheroni
     * constant. 0 for a single trial.
     */
    public static double expectedMaxSharpe(int trials, double varianceOfSharpe) {
        if (trials < 2) return 0;
        return Math.sqrt(varianceOfSharpe) * ((1 - EULER_MASCHERONI) * Z.inverseCumulativeProbability(1 - 1.0 / trials)
                + EULER_MASCHERONI * Z.inverseCumulativeProbability(1 - 1.0 / (trials * Math.E)));
    }

    /**
     * Deflated Sharpe Ratio (ibid., eq. 2): the probability that the true Sharpe exceeds SR₀,
     * Z[(SR̂ − SR₀) √(T − 1) / √(1 − γ₃ SR̂ + (γ₄ − 1)/4 · SR̂²)], with SR̂ the per-period Sharpe of T
     * returns, γ₃ their skewness and γ₄ their (non-excess) kurtosis; SR₀ from {@link #expectedMaxSharpe}
     * with the per-period variance of the trials' Sharpe ratios.
     */
    public static double deflatedSharpe(double sharpe, int observations, double skew, double kurtosis, int trials,
            double varianceOfSharpe) {
        double sr0 = expectedMaxSharpe(trials, varianceOfSharpe);
        double denom = 1 - skew * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (!(denom > 0) || observations < 2) return Double.NaN;
        return Z.cumulativeProbability((sharpe - sr0) * Math.sqrt(observations - 1) / Math.sqrt(denom));
    }

    /** Per-period Sharpe, skewness and (non-excess) kurtosis of a return series. */
    public static double[] moments(double[] r) {
        int n = r.length;
        double m = Arrays.stream(r).average().orElse(0);
        double m2 = 0, m3 = 0, m4 = 0;
        for (double x : r) {
            double d = x - m;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double sd = Math.sqrt(m2);
        return new double[]{sd > 0 ? m / sd : 0, sd > 0 ? m3 / (sd * sd * sd) : 0, m2 > 0 ? m4 / (m2 * m2) : 3};
    }

    /**
     * Probability of Backtest Overfitting by combinatorially symmetric cross-validation (Bailey,
     * Borwein, López de Prado &amp; Zhu 2015, "The Probability of Backtest Overfitting", §2):
     * split the T × N matrix of returns (rows: days, columns: configurations) into S blocks; for
     * every choice of S/2 blocks as the in-sample set, take the configuration with the best in-sample
     * Sharpe, find its relative rank ω in the out-of-sample Sharpe ratios (rank / (N + 1), 1 the
     * worst), λ = ln(ω / (1 − ω)); PBO = the share of choices with λ ≤ 0.
     */
    public static double pbo(double[][] returns, int blocks) {
        int t = returns.length, n = returns[0].length;
        int size = t / blocks;
        if (size < 2 || n < 2) throw new IllegalArgumentException("PBO needs at least 2 configurations and 2 rows per block");
        int below = 0, total = 0;
        Iterator<int[]> it = CombinatoricsUtils.combinationsIterator(blocks, blocks / 2);
        while (it.hasNext()) {
            boolean[] in = new boolean[blocks];
            for (int b : it.next()) in[b] = true;
            double[] sIn = new double[n], sOut = new double[n];
            for (int c = 0; c < n; c++) {
                sIn[c] = sharpe(returns, c, in, true, size);
                sOut[c] = sharpe(returns, c, in, false, size);
            }
            int best = 0;
            for (int c = 1; c < n; c++) if (sIn[c] > sIn[best]) best = c;
            double rank = 1;   // 1 + the number of configurations below it, ties counted half
            for (int c = 0; c < n; c++) {
                if (c == best) continue;
                if (sOut[c] < sOut[best]) rank += 1;
                else if (sOut[c] == sOut[best]) rank += 0.5;
            }
            double omega = rank / (n + 1);
            if (Math.log(omega / (1 - omega)) <= 0) below++;
            total++;
        }
        return (double) below / total;
    }

    /**
     * p-value of Hansen's test for Superior Predictive Ability, consistent version SPA_c (Hansen 2005,
     * "A Test for Superior Predictive Ability", JBES 23(4), eqs. 3–7): H0 no model beats the
     * benchmark. {@code d} is T × K, model k's daily return minus the benchmark's.
     * <ul>
     *   <li>T_SPA = max(0, max_k √n d̄_k / ω_k), ω_k² the bootstrap variance of √n d̄*_k;</li>
     *   <li>B stationary-bootstrap resamples (Politis &amp; Romano 1994, mean block L), the same days
     *       for every model; Z̄*_k = d̄*_k − g(d̄_k), g(x) = x·1{√n x/ω_k ≥ −√(2 log log n)}: a model that
     *       is clearly worse than the benchmark is not recentred and cannot inflate the null;</li>
     *   <li>T*_b = max(0, max_k √n Z̄*_k / ω_k); p = #{T*_b ≥ T_SPA} / B (≥, not >: with every model
     *       behind the benchmark T_SPA = 0 and most T*_b are 0 too, and a strict count would turn
     *       those ties into "significance").</li>
     * </ul>
     * White's Reality Check is the same with ω_k = 1 and g(x) = x.
     */
    public static double spaPValue(double[][] d, int bootstraps, double meanBlock, long seed) {
        int n = d.length, k = d[0].length;
        double[] mean = new double[k];
        for (double[] row : d) for (int j = 0; j < k; j++) mean[j] += row[j] / n;
        double[][] boot = new double[bootstraps][k];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int b = 0; b < bootstraps; b++) {
            int at = rng.nextInt(n);
            for (int t = 0; t < n; t++) {
                if (t > 0) at = rng.nextDouble() < 1 / meanBlock ? rng.nextInt(n) : (at + 1) % n;
                for (int j = 0; j < k; j++) boot[b][j] += d[at][j] / n;
            }
        }
        double sqrtN = Math.sqrt(n), threshold = Math.sqrt(2 * Math.log(Math.log(n)));
        double[] omega = new double[k];
        for (int j = 0; j < k; j++) {
            double v = 0;
            for (double[] bm : boot) v += Math.pow(sqrtN * (bm[j] - mean[j]), 2);
            omega[j] = Math.sqrt(v / bootstraps);
        }
        double stat = 0;
        double[] g = new double[k];
        for (int j = 0; j < k; j++) {
            if (omega[j] == 0) continue;
            stat = Math.max(stat, sqrtN * mean[j] / omega[j]);
            g[j] = sqrtN * mean[j] / omega[j] >= -threshold ? mean[j] : 0;
        }
        int above = 0;
        for (double[] bm : boot) {
            double tb = 0;
            for (int j = 0; j < k; j++) if (omega[j] > 0) tb = Math.max(tb, sqrtN * (bm[j] - g[j]) / omega[j]);
            if (tb >= stat) above++;   // ≥: when no model is ahead (T = 0) the null cannot be rejected, p = 1
        }
        return (double) above / bootstraps;
    }

    private static double sharpe(double[][] r, int c, boolean[] in, boolean inSample, int size) {
        double sum = 0, sum2 = 0;
        int k = 0;
        for (int b = 0; b < in.length; b++) {
            if (in[b] != inSample) continue;
            for (int i = b * size; i < (b + 1) * size; i++) {
                sum += r[i][c];
                sum2 += r[i][c] * r[i][c];
                k++;
            }
        }
        double mean = sum / k, var = sum2 / k - mean * mean;
        return var > 0 ? mean / Math.sqrt(var) : 0;
    }
}
