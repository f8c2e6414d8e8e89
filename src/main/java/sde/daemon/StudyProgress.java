package sde.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.List;

/**
 * Where one study of the ladder stands: its rung, members (a strategy name for a single study, the
 * single studies it blends otherwise), generations and evaluations so far, its best train score
 * and row, its current ROBUST best and that row's train score (NaN when none), and how many generations it has gone without improving.
 * {@code bestParams} is the best row's params file (SPEC §7): blends are built from the singles'.
 */
public record StudyProgress(String name, Rung rung, List<String> members, int generations, int evaluations, double bestFitness,
                            String bestId, String bestTier, String bestRobustId, double bestRobustScore, int stale, boolean plateaued,
                            JsonNode bestParams) {
    public StudyProgress {
        members = List.copyOf(members);
        bestParams = bestParams == null || bestParams.isNull() ? JsonNodeFactory.instance.objectNode() : bestParams;
    }

    static StudyProgress fresh(String name, Rung rung, List<String> members) {
        return new StudyProgress(name, rung, members, 0, 0, Double.NEGATIVE_INFINITY, null, null, null, Double.NaN, 0, false, null);
    }

    boolean hasBest() { return bestId != null && Double.isFinite(bestFitness); }
}
