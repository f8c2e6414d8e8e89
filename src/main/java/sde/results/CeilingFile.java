package sde.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * The daemon's ceiling.json: why it stopped, each rung's best and best ROBUST result, each
 * study's plateau, the switching oracle's year by year figures against SPEC §4's goal (on the
 * fitted surface, and on the model band's low and high surfaces), each study's best-so-far curve,
 * and the best results' Calmar ratio per year against the 13.3 the goal needs.
 */
@JsonPropertyOrder(alphabetic = true)
public record CeilingFile(String reason, int runs, List<RungBest> rungs, List<Plateau> plateaus, List<OracleYear> switchingCeiling,
                          Map<String, List<OracleYear>> switchingCeilingBySurface, List<Curve> curves, List<CalmarYear> calmar) {

    /** 200 % a year at 15 % drawdown: the Calmar ratio (return over max drawdown) SPEC §4's goal needs every year. */
    public static final double GOAL_CALMAR = 200.0 / 15.0;

    /**
     * A study's best train score after each generation against its evaluations so far: a restart
     * ({@code NAME_rK}) is a study of its own, so its curve starts again at its first generation.
     */
    @JsonPropertyOrder(alphabetic = true)
    public record Curve(String study, String rung, List<double[]> points) {}

    /**
     * One year of a rung's best result ({@code robust} false when no result of the rung passed the
     * gate, and this is its best by train score): return, drawdown, their ratio, and that ratio as a
     * fraction of {@link #GOAL_CALMAR}. The score is almost scale-free, so this ratio is the question.
     */
    @JsonPropertyOrder(alphabetic = true)
    public record CalmarYear(String rung, String id, boolean robust, int year, double returnPct, double maxDdPct, double calmar,
                             double ofGoal) {}

    /** A rung's best; {@code coverage} says where its option P&L was made and whether MODEL_UNVERIFIED flags it (SPEC §5). */
    @JsonPropertyOrder(alphabetic = true)
    public record RungBest(String rung, String study, String bestId, double trainScore, String tier, String bestRobustId,
                           String coverage) {}

    @JsonPropertyOrder(alphabetic = true)
    public record Plateau(String study, double trainScore, int generations, boolean plateaued) {}

    @JsonPropertyOrder(alphabetic = true)
    public record OracleYear(int year, double returnPct, double maxDdPct, boolean goalMet, Map<String, Integer> daysHeld) {}
}
