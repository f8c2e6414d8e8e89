package sde.optimize;

import sde.results.Feasibility;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Proposes the next batch of genomes from everything evaluated so far (SPEC §4's order: feasible above infeasible, then higher fitness
 * or smaller violation).
 * Implementations are stateless: all they need is the history and the seeded generator, which is
 * how a killed study resumes exactly (optimization_state.json holds the history's ids and the seed).
 */
public interface Optimizer {
    List<double[]> propose(int batch, int dimensions, List<Evaluated> history, SplittableRandom rng);

    /**
     * A genome, its objective ({@code fitness}; NaN marks an evaluation that failed) and its SPEC §4
     * constraint violation (0: feasible). Every optimizer ranks by {@link #BEST_FIRST}.
     */
    record Evaluated(double[] genome, double fitness, double violation) {
        /** A feasible row: the unconstrained problems of the optimizers' own tests. */
        public Evaluated(double[] genome, double fitness) {
            this(genome, fitness, 0);
        }

        public boolean feasible() { return Feasibility.feasible(violation); }
    }

    /** SPEC §4's order (Deb's rule), best first; failed evaluations last. Stable sorts keep ties in history order. */
    Comparator<Evaluated> BEST_FIRST = (a, b) -> Feasibility.compare(a.fitness(), a.violation(), b.fitness(), b.violation());

    static Optimizer named(String name, OptimizerSettings s) {
        return switch (name) {
            case "random" -> new RandomSearch();
            case "ga" -> new GeneticAlgorithm(s);
            case "tpe" -> new Tpe(s);
            case "cmaes" -> new CmaEs();
            default -> throw new IllegalArgumentException("optimizer: unknown '" + name + "' (random, ga, tpe, cmaes)");
        };
    }
}
