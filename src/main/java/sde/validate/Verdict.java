package sde.validate;

import java.util.List;
import java.util.Map;

/**
 * The gate's result (SPEC §5), written as output/validations/ID.json beside the leaderboard row:
 * the five components with their pass marks, the flags, the composite overfit_score and verdict,
 * whether the drawdown-reality check rejects it, the variant seed, and the statistics reported
 * beside the score (Deflated Sharpe Ratio, PBO).
 */
public record Verdict(String id, double overfitScore, String verdict, boolean rejected, Map<String, Double> components,
                      Map<String, Boolean> passes, List<String> flags, long seed, List<Double> variantScores, double baseScore,
                      Map<String, Object> statistics) {
    public boolean robust() { return verdict.equals("ROBUST") && !rejected; }
}
