package sde.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One row of leaderboard.json (SPEC §7): a run's train, test and full figures, its years and its
 * params file, as the sweep ranks them: SPEC §4's order of the train years' objective ({@code fitness})
 * and constraint {@code violation} at their worst over the model band ({@code score_worst} and
 * {@code worst_surface} beside the centre's {@code score}; absent in a row written before);
 * {@code feasible} is violation 0. {@code study} is set in the daemon's leaderboard over every study
 * and absent in a study's own. {@code params} stays JSON: it is the params file that
 * {@code backtest --params} and the report replay. Keys are written in alphabetical order, as in
 * every JSON file the engine writes.
 */
@JsonPropertyOrder(alphabetic = true)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeaderboardRow(int rank, String id, double fitness, boolean feasible, double violation, double score, double trainScore,
                             double testScore, double trainCagrPct, double trainMaxDdPct, double testCagrPct, double testMaxDdPct,
                             double cagrPct, double maxDdPct, double sharpe, int trades, int capacityBoundTrades, String tier,
                             int generation, String optimizer,
                             List<YearFigures> years, JsonNode params, String dataFingerprint, String codeVersion,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String study,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Double scoreWorst,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String worstSurface) {

    /** This row as listed in the daemon's leaderboard over all studies. */
    public LeaderboardRow inStudy(String name) {
        return new LeaderboardRow(rank, id, fitness, feasible, violation, score, trainScore, testScore, trainCagrPct, trainMaxDdPct,
                testCagrPct, testMaxDdPct, cagrPct, maxDdPct, sharpe, trades, capacityBoundTrades, tier, generation, optimizer, years,
                params, dataFingerprint, codeVersion, name, scoreWorst, worstSurface);
    }

    /** SPEC §4 victory in every year: a return of at least {@code minReturnPct} at a drawdown of at most {@code maxDdPct}. */
    public boolean everyYearClears(double minReturnPct, double maxDdPctAllowed) {
        if (years == null || years.isEmpty()) return false;
        for (YearFigures y : years) if (y.returnPct() < minReturnPct || y.maxDdPct() > maxDdPctAllowed) return false;
        return true;
    }
}
