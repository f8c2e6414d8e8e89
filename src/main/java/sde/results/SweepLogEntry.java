package sde.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of a sweep's optimization log (SPEC §7): before a generation its hypothesis, after it
 * its outcome. Exactly one of the two is set.
 */
@JsonPropertyOrder(alphabetic = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepLogEntry(String study, int generation, String hypothesis, Outcome outcome) {

    public static SweepLogEntry hypothesis(String study, int generation, String text) {
        return new SweepLogEntry(study, generation, text, null);
    }

    public static SweepLogEntry outcome(String study, Outcome o) {
        return new SweepLogEntry(study, o.generation(), null, o);
    }

    /**
     * What a generation did: how many it evaluated and how many failed, its best train score and the
     * study's, whether the study improved, and the study's current best ROBUST id (null when none,
     * written as null). {@code leaderVerdict} is set when the gate judged a new leader, {@code note}
     * when that leader failed it.
     */
    @JsonPropertyOrder(alphabetic = true)
    public record Outcome(int generation, int evaluated, long failed, double bestFitnessThisGeneration, double bestFitness, String bestId,
                          boolean improved, @JsonInclude(JsonInclude.Include.NON_NULL) String leaderVerdict,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String note, String bestRobustId) {}
}
