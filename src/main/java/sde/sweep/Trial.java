package sde.sweep;

import java.io.Serializable;

/**
 * One parameter set to evaluate, as it crosses the evaluation seam: a search's trial is its genome, which the
 * evaluator decodes with the study's {@link SearchSpace} (on Spark, the executors hold it as a broadcast), so
 * no params text is written on the driver and parsed again on the executors; a given run (the gate's
 * sensitivity variants, a params file) is its params text.
 *
 * @param genome the search's genome in [0, 1]^d, or null for a given run
 * @param params a given run's params (SPEC §7) as JSON text, or null for a search's trial
 * @param edgeBar the study's bar (its optimizer's and leaderboard's, {@link sde.optimize.Optimizer#bar}): a trial whose
 *                centre objective falls below it cannot rank where any reader of the study looks, on any surface, so its
 *                band's edges are not run and its centre objective stands as its fitness's upper bound; NaN runs every
 *                surface
 */
public record Trial(String study, int generation, String optimizer, String id, double[] genome, String params, double edgeBar)
        implements Serializable {
    public Trial {
        if ((genome == null) == (params == null)) throw new IllegalArgumentException(id
                + ": a trial is a genome or params text, one of them");
    }

    /** A search's trial: decoded where it is evaluated. */
    public static Trial ofGenome(String study, int generation, String optimizer, String id, double[] genome) {
        return new Trial(study, generation, optimizer, id, genome, null, Double.NaN);
    }

    /** A given run: its params file as JSON text. */
    public static Trial ofParams(String study, int generation, String optimizer, String id, String params) {
        return new Trial(study, generation, optimizer, id, null, params, Double.NaN);
    }

    /** This trial under the study's bar. */
    public Trial withEdgeBar(double bar) {
        return new Trial(study, generation, optimizer, id, genome, params, bar);
    }
}
