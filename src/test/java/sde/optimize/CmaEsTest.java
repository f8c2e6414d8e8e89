package sde.optimize;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.*;

/** CMA-ES on functions with known optima, driven exactly as the sweep drives it: one generation at a time from the history. */
class CmaEsTest {
    /** Runs {@code generations} of {@code batch}; returns the best fitness found. */
    private static double search(ToDoubleFunction<double[]> f, int dims, int batch, int generations, long seed) {
        Optimizer o = Optimizer.Kind.of("cmaes").create(OptimizerSettings.defaults());
        List<Optimizer.Evaluated> history = new ArrayList<>();
        for (int g = 0; g < generations; g++) {
            for (double[] x : o.propose(batch, dims, history, new SplittableRandom(seed * 1_000_003L + g))) {
                history.add(new Optimizer.Evaluated(x, f.applyAsDouble(x)));
            }
        }
        return history.stream().mapToDouble(Optimizer.Evaluated::fitness).max().orElseThrow();
    }

    /** −Σ (x − 0.3)²: maximum 0 inside the cube, away from its centre. */
    static double sphere(double[] x) {
        double s = 0;
        for (double v : x) s -= (v - 0.3) * (v - 0.3);
        return s;
    }

    /** −Rosenbrock on u = 4x − 2 ∈ [−2, 2]: maximum 0 at u = 1, x = 0.75, down a curved valley. */
    static double rosenbrock(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double u = 4 * x[i] - 2, w = 4 * x[i + 1] - 2;
            s -= 100 * (w - u * u) * (w - u * u) + (1 - u) * (1 - u);
        }
        return s;
    }

    @Test
    void sphereIn10DimensionsTo1e10In1800Evaluations() {
        for (long seed = 1; seed <= 3; seed++) {
            double best = search(CmaEsTest::sphere, 10, 12, 150, seed);
            assertTrue(best > -1e-10, "seed " + seed + ": " + best);
        }
    }

    @Test
    void rosenbrockIn4DimensionsTo1e6In4000Evaluations() {
        for (long seed = 1; seed <= 3; seed++) {
            double best = search(CmaEsTest::rosenbrock, 4, 8, 500, seed);
            assertTrue(best > -1e-6, "seed " + seed + ": " + best);
        }
    }

    @Test
    void theSameHistoryGivesTheSameProposals() {
        Optimizer o = new CmaEs();
        List<Optimizer.Evaluated> history = new ArrayList<>();
        for (int g = 0; g < 5; g++) {
            for (double[] x : o.propose(6, 3, history, new SplittableRandom(g))) history.add(new Optimizer.Evaluated(x, sphere(x)));
        }
        List<double[]> a = o.propose(6, 3, history, new SplittableRandom(99)), b = new CmaEs().propose(6, 3, history,
                new SplittableRandom(99));
        for (int k = 0; k < 6; k++) assertArrayEquals(a.get(k), b.get(k), "a resume from the same leaderboard asks the same");
        for (double[] x : a) for (double v : x) assertTrue(v >= 0 && v <= 1, "inside the cube");
    }

    @Test
    void aFailedEvaluationRanksLastAndDoesNotPoisonTheMean() {
        Optimizer o = new CmaEs();
        List<Optimizer.Evaluated> history = new ArrayList<>();
        for (int g = 0; g < 40; g++) {
            int k = 0;
            for (double[] x : o.propose(8, 4, history, new SplittableRandom(7L * g))) {
                history.add(new Optimizer.Evaluated(x, k++ == 0 ? Double.NaN : sphere(x)));
            }
        }
        double best = history.stream().mapToDouble(Optimizer.Evaluated::fitness).filter(v -> !Double.isNaN(v)).max().orElseThrow();
        assertTrue(best > -1e-4, "still converges with one failure per generation: " + best);
    }
}
