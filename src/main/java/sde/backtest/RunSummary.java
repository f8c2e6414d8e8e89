package sde.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import sde.results.YearFigures;

import java.util.List;

/**
 * A run's summary.json (SPEC §7): its years, SPEC §4 metrics, the params file that re-runs it, and
 * where it came from. {@code synthetic} is set only for a run on the synthetic market, {@code model}
 * only when it was priced on an edge of the model band. {@code feasible} and {@code violation} are SPEC §4's over
 * the train years (the whole run when it does not cover them), at the seed's limits; {@code capacity_bound_trades}
 * counts the orders the market's capacity cut (SPEC §2), per year in {@code years}.
 */
@JsonPropertyOrder(alphabetic = true)
public record RunSummary(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String synthetic, List<YearFigures> years, double cagrPct,
                         double maxDdPct, double sharpe, double sortino, double calmar, double consistency, double score, String tier,
                         int longestRecoveryDays, int maxConsecutiveLosers, int trades, int capacityBoundTrades, boolean feasible,
                         double violation, double finalEquity, JsonNode params,
                         String dataFingerprint, String codeVersion, long pricings, double wallMs,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String model) {

    public RunSummary onModel(String m) {
        return new RunSummary(id, synthetic, years, cagrPct, maxDdPct, sharpe, sortino, calmar, consistency, score, tier,
                longestRecoveryDays,
                maxConsecutiveLosers, trades, capacityBoundTrades, feasible, violation, finalEquity, params, dataFingerprint,
                        codeVersion, pricings, wallMs, m);
    }
}
