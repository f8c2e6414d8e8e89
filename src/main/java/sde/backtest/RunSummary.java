package sde.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import sde.metrics.Summary;
import sde.results.YearFigures;

import java.util.List;

/**
 * A run's summary.json (SPEC §7): its years, SPEC §4 metrics, the params file that re-runs it, and
 * where it came from. {@code synthetic} is set only for a run on the synthetic market, {@code model}
 * only when it was priced on an edge of the model band. {@code feasible} and {@code violation} are SPEC §4's over
 * the train years (the whole run when it does not cover them), at the seed's limits; {@code capacity_bound_trades}
 * counts the orders the market's capacity cut (SPEC §2), per year in {@code years}. On the centre a run also carries its
 * worst case over the model band (SPEC §4, §7): {@code score_worst}, {@code worst_surface}, and per year
 * {@code return_pct_worst} and {@code max_dd_pct_worst}; {@code feasible} and {@code violation} are then the worst surface's.
 */
@JsonPropertyOrder(alphabetic = true)
public record RunSummary(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String synthetic, List<YearFigures> years, double cagrPct,
                         double maxDdPct, double sharpe, double sortino, double calmar, double consistency, double score, String tier,
                         int longestRecoveryDays, int maxConsecutiveLosers, int trades, int capacityBoundTrades, boolean feasible,
                         double violation, double finalEquity, JsonNode params,
                         String dataFingerprint, String codeVersion, long pricings, double wallMs,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String model,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double scoreWorst,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String worstSurface) {

    public RunSummary onModel(String m) {
        return new RunSummary(id, synthetic, years, cagrPct, maxDdPct, sharpe, sortino, calmar, consistency, score, tier,
                longestRecoveryDays,
                maxConsecutiveLosers, trades, capacityBoundTrades, feasible, violation, finalEquity, params, dataFingerprint,
                        codeVersion, pricings, wallMs, m, scoreWorst, worstSurface);
    }

    /**
     * This summary with SPEC §4's worst case over the model band: feasibility and violation the worst surface's (what
     * the search ranks by), {@code score_worst} its whole-run score, and the years with their return and drawdown
     * there beside the centre's ({@link RunOutputs#years(Summary, Summary)}).
     */
    public RunSummary withWorst(WorstCase w, Summary worstAll, List<YearFigures> yearsWithWorst, double worstViolation) {
        return new RunSummary(id, synthetic, yearsWithWorst, cagrPct,
                maxDdPct, sharpe, sortino, calmar, consistency, score, tier, longestRecoveryDays, maxConsecutiveLosers, trades,
                capacityBoundTrades, sde.results.Feasibility.feasible(worstViolation), worstViolation, finalEquity, params,
                dataFingerprint, codeVersion, pricings, wallMs, model, worstAll.score(), w.surfaceName());
    }
}
