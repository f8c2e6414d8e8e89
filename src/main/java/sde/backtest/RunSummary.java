package sde.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import sde.results.YearFigures;

import java.util.List;

/**
 * A run's summary.json (SPEC §7): its years, SPEC §4 metrics, the params file that re-runs it, and
 * where it came from. {@code synthetic} is set only for a run on the synthetic market, {@code model}
 * only when it was priced on an edge of the model band.
 */
@JsonPropertyOrder(alphabetic = true)
public record RunSummary(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String synthetic, List<YearFigures> years, double cagrPct,
                         double maxDdPct, double sharpe, double sortino, double calmar, double consistency, double score, String tier,
                         int longestRecoveryDays, int maxConsecutiveLosers, int trades, double finalEquity, JsonNode params,
                         String dataFingerprint, String codeVersion, long pricings, double wallMs,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String model) {

    public RunSummary onModel(String m) {
        return new RunSummary(id, synthetic, years, cagrPct, maxDdPct, sharpe, sortino, calmar, consistency, score, tier, longestRecoveryDays,
                maxConsecutiveLosers, trades, finalEquity, params, dataFingerprint, codeVersion, pricings, wallMs, m);
    }
}
