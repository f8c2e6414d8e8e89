package sde.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A study's optimization_state.json (SPEC §7): what {@code --resume} checks (the study's hash and
 * the data's fingerprint) and where it continues (the next generation), the best row by train score,
 * and the study's current best, which changes only through a ROBUST verdict ({@code bestRobustId}).
 * {@code bestFitness} is NaN before any row succeeded.
 */
@JsonPropertyOrder(alphabetic = true)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StudyState(String study, String studyHash, long seed, String optimizer, int nextGeneration, int generations, int evaluations,
                         String bestId, double bestFitness, String dataFingerprint, String bestRobustId, String note) {}
