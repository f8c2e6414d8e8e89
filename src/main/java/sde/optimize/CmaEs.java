package sde.optimize;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * CMA-ES (Hansen's (μ/μ_w, λ) evolution strategy with rank-one and rank-μ covariance updates and
 * cumulative step-size adaptation; Hansen 2016, "The CMA Evolution Strategy: A Tutorial"), the
 * sampler Optuna's CmaEsSampler wraps. It maximises over the unit cube, starting from the centre
 * with step size {@link #SIGMA0}.
 *
 * <p>Ask/tell without state of its own: like every optimizer here it is a function of the evaluated
 * history, so {@code --resume} needs only the Parquet leaderboard. The distribution is rebuilt by
 * telling it the history in consecutive batches of λ = {@code batch} (one generation each), then
 * asked for the next generation. A proposal outside the cube is clipped to it, and the clipped
 * point is what is evaluated and told, as a repair (Hansen's "boundary handling by repair"). A
 * failed evaluation (NaN) ranks last. Hand-written because Commons Math's CMAESOptimizer runs its
 * own loop and cannot be driven one generation at a time from outside; Commons Math does the
 * eigendecomposition.
 */
public final class CmaEs implements Optimizer {
    /**
     * The initial step size: Hansen's recommendation of 0.3 × the width of the search interval,
     * here the unit cube. An algorithm constant like its weights and learning rates, not a setting.
     */
    static final double SIGMA0 = 0.3;

    private final double sigma0;

    public CmaEs() {
        this(SIGMA0);
    }

    CmaEs(double sigma0) {
        if (!(sigma0 > 0 && sigma0 <= 1)) throw new IllegalArgumentException("CMA-ES sigma0 must be in (0, 1]");
        this.sigma0 = sigma0;
    }

    @Override
    public List<double[]> propose(int batch, int dimensions, List<Evaluated> history, SplittableRandom rng) {
        State s = new State(dimensions, Math.max(batch, 2), sigma0);
        for (int g = 0; (g + 1) * s.lambda <= history.size(); g++) s.tell(history.subList(g * s.lambda, (g + 1) * s.lambda));
        List<double[]> out = new ArrayList<>(batch);
        for (int k = 0; k < batch; k++) out.add(s.ask(rng));
        return out;
    }

    /** The search distribution: mean, step size, covariance (as B·D²·Bᵀ) and the two evolution paths. */
    static final class State {
        final int n, lambda, mu;
        final double[] weights;
        final double mueff, cc, cs, c1, cmu, damps, chiN;
        final double[] mean, pc, ps;
        double sigma;
        double[][] c, b;
        double[] d;
        int generation;

        State(int n, int lambda, double sigma0) {
            this.n = n;
            this.lambda = lambda;
            this.mu = lambda / 2;
            weights = new double[mu];
            double sum = 0, sumSq = 0;
            for (int i = 0; i < mu; i++) {
                weights[i] = Math.log(mu + 0.5) - Math.log(i + 1);
                sum += weights[i];
            }
            for (int i = 0; i < mu; i++) {
                weights[i] /= sum;
                sumSq += weights[i] * weights[i];
            }
            mueff = 1 / sumSq;
            cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n);
            cs = (mueff + 2) / (n + mueff + 5);
            c1 = 2 / ((n + 1.3) * (n + 1.3) + mueff);
            cmu = Math.min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / ((n + 2) * (n + 2) + mueff));
            damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
            chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
            mean = new double[n];
            Arrays.fill(mean, 0.5);
            pc = new double[n];
            ps = new double[n];
            sigma = sigma0;
            c = identity(n);
            b = identity(n);
            d = new double[n];
            Arrays.fill(d, 1);
        }

        /** One point of the distribution, repaired into the cube. */
        double[] ask(SplittableRandom rng) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) z[i] = d[i] * rng.nextGaussian();
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                double v = mean[i];
                for (int j = 0; j < n; j++) v += sigma * b[i][j] * z[j];
                x[i] = Math.min(1, Math.max(0, v));
            }
            return x;
        }

        /** One generation's evaluated points: the mean moves to the best μ, the paths, covariance and step size follow. */
        void tell(List<Evaluated> gen) {
            List<Evaluated> ranked = new ArrayList<>(gen);
            // Ranked by SPEC §4's order: CMA-ES reads ranks only, so an infeasible point is a bad point
            // ordered by how far it strays, not a point thrown away and drawn again (Hansen: resampling
            // works badly when the optimum lies on the constraint's boundary).
            ranked.sort(Optimizer.BEST_FIRST);
            double[] old = mean.clone();
            Arrays.fill(mean, 0);
            for (int k = 0; k < mu; k++) {
                double[] x = ranked.get(k).genome();
                for (int i = 0; i < n; i++) mean[i] += weights[k] * x[i];
            }
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = (mean[i] - old[i]) / sigma;
            // C^(-1/2)·y = B·D⁻¹·Bᵀ·y
            double[] bty = new double[n];
            for (int j = 0; j < n; j++) {
                double v = 0;
                for (int i = 0; i < n; i++) v += b[i][j] * y[i];
                bty[j] = v / d[j];
            }
            double psNorm = 0;
            double ksi = Math.sqrt(cs * (2 - cs) * mueff);
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int j = 0; j < n; j++) v += b[i][j] * bty[j];
                ps[i] = (1 - cs) * ps[i] + ksi * v;
                psNorm += ps[i] * ps[i];
            }
            psNorm = Math.sqrt(psNorm);
            generation++;
            boolean hsig = psNorm / Math.sqrt(1 - Math.pow(1 - cs, 2.0 * generation)) / chiN < 1.4 + 2.0 / (n + 1);
            double kc = Math.sqrt(cc * (2 - cc) * mueff);
            for (int i = 0; i < n; i++) pc[i] = (1 - cc) * pc[i] + (hsig ? kc * y[i] : 0);
            double[][] art = new double[mu][n];
            for (int k = 0; k < mu; k++) {
                double[] x = ranked.get(k).genome();
                for (int i = 0; i < n; i++) art[k][i] = (x[i] - old[i]) / sigma;
            }
            double keep = 1 - c1 - cmu + (hsig ? 0 : c1 * cc * (2 - cc));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double rankMu = 0;
                    for (int k = 0; k < mu; k++) rankMu += weights[k] * art[k][i] * art[k][j];
                    double v = keep * c[i][j] + c1 * pc[i] * pc[j] + cmu * rankMu;
                    c[i][j] = v;
                    c[j][i] = v;
                }
            }
            sigma *= Math.exp(cs / damps * (psNorm / chiN - 1));
            decompose();
        }

        private void decompose() {
            RealMatrix m = new Array2DRowRealMatrix(c, false);
            EigenDecomposition e = new EigenDecomposition(m);
            double[] ev = e.getRealEigenvalues();
            RealMatrix v = e.getV();
            for (int j = 0; j < n; j++) {
                d[j] = Math.sqrt(Math.max(ev[j], 1e-20));
                for (int i = 0; i < n; i++) b[i][j] = v.getEntry(i, j);
            }
        }

        private static double[][] identity(int n) {
            double[][] m = new double[n][n];
            for (int i = 0; i < n; i++) m[i][i] = 1;
            return m;
        }
    }
}
