package sde.optimize;

import sde.results.Feasibility;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Proposes the next batch of genomes from everything evaluated so far (SPEC §4's order: feasible above infeasible, then higher fitness
 * or smaller violation).
 * Implementations are stateless: all they need is the history and the seeded generator, which is
 * how a killed study resumes exactly (the Parquet leaderboard holds the history, optimization_state.json the seed and
 * where to continue).
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

    /** The optimizers a study can name: {@link #of} on the way in from a study file, {@link #toString} on the way out. */
    enum Kind {
        RANDOM, GA, TPE, CMAES;

        /** The kind a study names ("tpe"), or an error listing the names there are. */
        public static Kind of(String name) {
            for (Kind k : values()) if (k.toString().equals(name)) return k;
            throw new IllegalArgumentException("optimizer: unknown '" + name + "' (random, ga, tpe, cmaes)");
        }

        /** The optimizer of this kind with a study's settings. */
        public Optimizer create(OptimizerSettings s) {
            return switch (this) {
                case RANDOM -> new RandomSearch();
                case GA -> new GeneticAlgorithm(s);
                case TPE -> new Tpe(s);
                case CMAES -> new CmaEs();
            };
        }

        /** The name a study file and the logs use: "tpe". */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
