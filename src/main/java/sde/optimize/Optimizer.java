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
     * How many of the history's best rows (SPEC §4's order) a proposal of {@code batch} reads by their values or order, as
     * the history grows to any length: every row below them it reads at most as one of the rest, whatever its value. A
     * sweep may record such a row with an upper bound of its fitness instead of the fitness (SPEC §4's worst case, whose
     * edges it then need not run) without changing a proposal. The default, every row, is right for an optimizer that
     * ranks rows it has not seen yet (CMA-ES ranks each generation within itself).
     */
    default int ranksRead(int batch) {
        return Integer.MAX_VALUE;
    }

    /**
     * The fitness below which a row cannot enter the best {@code ranks} of {@code history}, now or after any further rows,
     * or NaN when there is no such bar: fewer rows than {@code ranks}, or an infeasible row among the best {@code ranks}
     * (an infeasible centre may be feasible on another surface, and then rank above every infeasible row). The bar only
     * rises as rows are added, since the {@code ranks}-th best can only improve.
     */
    static double bar(List<Evaluated> history, int ranks) {
        if (ranks <= 0 || ranks == Integer.MAX_VALUE) return Double.NaN;
        List<Evaluated> valid = history.stream().filter(e -> !Double.isNaN(e.fitness())).sorted(BEST_FIRST).toList();
        if (valid.size() < ranks) return Double.NaN;
        Evaluated last = valid.get(ranks - 1);
        return last.feasible() ? last.fitness() : Double.NaN;
    }

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
