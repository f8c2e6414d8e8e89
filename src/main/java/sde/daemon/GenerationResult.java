package sde.daemon;

import java.util.Map;

/**
 * What one more generation of a study left on disk: generations and evaluations in total, the best
 * row by train score (its id, fitness, tier and params), and the study's ROBUST best (null when
 * none) with its per-year figures, for the victory check.
 */
public record GenerationResult(int generations, int evaluations, String bestId, double bestFitness, String bestTier,
                               Map<String, Object> bestParams, String bestRobustId, Map<String, Object> robustRow,
                               Map<String, Object> robustVerdict) {}
