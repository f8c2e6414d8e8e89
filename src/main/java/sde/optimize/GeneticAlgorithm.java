package sde.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generational GA on the unit cube: elitism, tournament selection, uniform crossover, Gaussian
 * mutation. Hand-written rather than Jenetics because the evaluation happens outside the engine (one
 * Spark job per generation) and a resumed study must rebuild the population from the leaderboard and
 * a seed alone; with a stateless proposal step over the history that is exact and needs no
 * serialised engine state. The first generation is uniform random.
 */
public final class GeneticAlgorithm implements Optimizer {
    private final OptimizerSettings s;

    public GeneticAlgorithm(OptimizerSettings s) { this.s = s; }

    /** Its parents, the best {@code batch} (at least two): elites and tournaments read nothing below them. */
    @Override
    public int ranksRead(int batch) {
        return Math.max(batch, 2);
    }

    @Override
    public List<double[]> propose(int batch, int dims, List<Evaluated> history, SplittableRandom rng) {
        List<Evaluated> valid = history.stream().filter(e -> !Double.isNaN(e.fitness())).toList();
        if (valid.isEmpty()) return new RandomSearch().propose(batch, dims, history, rng);
        // The parents: the best `batch` evaluated so far by SPEC §4's order (a (μ+λ) population), ties in history order.
        List<Evaluated> pool = new ArrayList<>(valid);
        pool.sort(Optimizer.BEST_FIRST);
        pool = pool.subList(0, Math.min(pool.size(), Math.max(batch, 2)));
        List<double[]> out = new ArrayList<>(batch);
        for (int e = 0; e < Math.min(s.elites(), pool.size()) && out.size() < batch; e++) {
            out.add(mutate(pool.get(e).genome().clone(), rng, 0.5));   // elites: re-proposed as near neighbours
        }
        while (out.size() < batch) {
            double[] a = tournament(pool, rng).genome(), b = tournament(pool, rng).genome();
            double[] child = new double[dims];
            boolean cross = rng.nextDouble() < s.crossover();
            for (int d = 0; d < dims; d++) child[d] = cross && rng.nextBoolean() ? b[d] : a[d];
            out.add(mutate(child, rng, 1.0));
        }
        return out;
    }

    private Evaluated tournament(List<Evaluated> pool, SplittableRandom rng) {
        Evaluated best = null;
        for (int k = 0; k < s.tournament(); k++) {
            Evaluated c = pool.get(rng.nextInt(pool.size()));
            if (best == null || Optimizer.BEST_FIRST.compare(c, best) < 0) best = c;
        }
        return best;
    }

    private double[] mutate(double[] g, SplittableRandom rng, double scale) {
        for (int d = 0; d < g.length; d++) {
            if (rng.nextDouble() < s.mutationRate()) {
                double z = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
                g[d] = reflect(g[d] + scale * s.mutationSigma() * z);
            }
        }
        return g;
    }

    private static double reflect(double x) {
        double y = Math.abs(x) % 2;
        return y > 1 ? 2 - y : y;
    }
}
