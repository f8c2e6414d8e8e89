package sde.daemon;

import java.util.Map;

/**
 * What one more generation of a study left on disk: generations and evaluations in total, the best
 * row by train score (its id, fitness, tier and params), and the study's ROBUST best (null when
 * none) with its per-year figures, for the victory check.
 */
public record GenerationResult(int generations, int evaluations, String bestId, double bestFitness, String bestTier,
                               Map<String, Object> bestParams, String bestRobustId, Map<String, Object> robustRow,
                               Map<String, Object> robustVerdict) {
    /** The ROBUST row's train score, NaN when there is none (or it fell out of the study's top rows). */
    public double robustScore() {
        return robustRow != null && robustRow.get("fitness") instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
