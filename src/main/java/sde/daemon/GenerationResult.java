package sde.daemon;

import sde.results.LeaderboardRow;
import sde.results.VerdictFile;

/**
 * What one more generation of a study left on disk: generations and evaluations in total, the best
 * row by train score ({@code best}, null before any row succeeded), and the study's ROBUST best
 * (null when none) with its row, for the victory check, and its verdict.
 */
public record GenerationResult(int generations, int evaluations, String bestId, double bestFitness, LeaderboardRow best,
                               String bestRobustId, LeaderboardRow robustRow, VerdictFile robustVerdict) {
    /** The ROBUST row's train score, NaN when there is none (or it fell out of the study's top rows). */
    public double robustScore() {
        return robustRow != null ? robustRow.fitness() : Double.NaN;
    }

    public String bestTier() {
        return best == null ? null : best.tier();
    }

    /** The best row's params file (SPEC §7), empty before any row succeeded. */
    public com.fasterxml.jackson.databind.JsonNode bestParams() {
        return best == null || best.params() == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : best.params();
    }
}
