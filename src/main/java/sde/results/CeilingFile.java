package sde.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * The daemon's ceiling.json: why it stopped, each rung's best and best ROBUST result, each
 * study's plateau, and the switching oracle's year by year figures against SPEC §4's goal.
 */
@JsonPropertyOrder(alphabetic = true)
public record CeilingFile(String reason, int runs, List<RungBest> rungs, List<Plateau> plateaus, List<OracleYear> switchingCeiling) {

    @JsonPropertyOrder(alphabetic = true)
    public record RungBest(String rung, String study, String bestId, double trainScore, String tier, String bestRobustId) {}

    @JsonPropertyOrder(alphabetic = true)
    public record Plateau(String study, double trainScore, int generations, boolean plateaued) {}

    @JsonPropertyOrder(alphabetic = true)
    public record OracleYear(int year, double returnPct, double maxDdPct, boolean goalMet, Map<String, Integer> daysHeld) {}
}
