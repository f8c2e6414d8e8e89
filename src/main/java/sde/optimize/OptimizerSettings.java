package sde.optimize;

import java.io.Serializable;

/** GA and TPE settings of a study (conf/study.yaml, optimizer_settings). */
public record OptimizerSettings(int elites, int tournament, double crossover, double mutationRate, double mutationSigma,
                                double tpeGamma, int tpeCandidates, int tpeStartup) implements Serializable {
    public OptimizerSettings {
        if (elites < 0 || tournament < 2 || !(crossover >= 0 && crossover <= 1) || !(mutationRate >= 0 && mutationRate <= 1)
                || !(mutationSigma > 0) || !(tpeGamma > 0 && tpeGamma < 1) || tpeCandidates < 1 || tpeStartup < 1) {
            throw new IllegalArgumentException("optimizer_settings: elites >= 0, tournament >= 2, crossover and mutation_rate in [0,1], "
                    + "mutation_sigma > 0, tpe_gamma in (0,1), tpe_candidates and tpe_startup >= 1");
        }
    }

    /** The same with {@code n} expected-improvement candidates per TPE suggestion. */
    public OptimizerSettings withTpeCandidates(int n) {
        return new OptimizerSettings(elites, tournament, crossover, mutationRate, mutationSigma, tpeGamma, n, tpeStartup);
    }

    public static OptimizerSettings defaults() {
        return new OptimizerSettings(2, 3, 0.9, 0.2, 0.15, 0.25, 64, 16);
    }
}
