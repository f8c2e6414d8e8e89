package sde.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of a sweep's optimization log (SPEC §7): a generation's hypothesis, the gate's verdicts
 * on earlier leaders that arrived while it ran (the gate runs beside the search), then
 * its outcome. Exactly one of the three is set; a verdict's generation is its leader's.
 */
@JsonPropertyOrder(alphabetic = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepLogEntry(String study, int generation, String hypothesis, GenerationOutcome outcome, LeaderVerdict verdict) {

    public static SweepLogEntry hypothesis(String study, int generation, String text) {
        return new SweepLogEntry(study, generation, text, null, null);
    }

    public static SweepLogEntry outcome(String study, GenerationOutcome o) {
        return new SweepLogEntry(study, o.generation(), null, o, null);
    }

    public static SweepLogEntry verdict(String study, int generation, LeaderVerdict v) {
        return new SweepLogEntry(study, generation, null, null, v);
    }

    /**
     * The gate on the leader {@code id}: its verdict as "ROBUST 0.812" or "REJECTED 0.74" (SPEC §5),
     * whether it became the study's current best ROBUST result, and when it did not, why
     * ("promising but fragile: …").
     */
    @JsonPropertyOrder(alphabetic = true)
    public record LeaderVerdict(String id, String verdict, boolean robust, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {}

    /**
     * What a generation did: how many it evaluated and how many failed, its best train score and the
     * study's, whether the study improved, and the study's current best ROBUST id as of the verdicts
     * received so far (null when none, written as null).
     */
    @JsonPropertyOrder(alphabetic = true)
    public record GenerationOutcome(int generation, int evaluated, long failed, double bestFitnessThisGeneration, double bestFitness,
            String bestId,
                          boolean improved, String bestRobustId) {}
}
