package sde.optimize;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Proposes the next batch of genomes from everything evaluated so far (higher fitness is better).
 * Implementations are stateless: all they need is the history and the seeded generator, which is
 * how a killed study resumes exactly (optimization_state.json holds the history's ids and the seed).
 */
public interface Optimizer {
    List<double[]> propose(int batch, int dimensions, List<Evaluated> history, SplittableRandom rng);

    /** A genome and its fitness; NaN fitness marks an evaluation that failed. */
    record Evaluated(double[] genome, double fitness) {}

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
