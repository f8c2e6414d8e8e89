package sde.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A study's optimization_state.json (SPEC §7): what {@code --resume} checks (the study's hash,
 * the data's fingerprint and the fingerprint of the option model that priced its rows: null in a state written
 * before it was kept, which is another model's) and where it continues (the next generation), the best row by train score,
 * and the study's current best, which changes only through a ROBUST verdict ({@code bestRobustId}).
 * {@code bestFitness} is NaN before any row succeeded.
 */
@JsonPropertyOrder(alphabetic = true)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StudyState(String study, String studyHash, long seed, String optimizer, int nextGeneration, int generations, int evaluations,
                         String bestId, double bestFitness, String dataFingerprint, String bestRobustId, String note,
                         String modelFingerprint) {}
