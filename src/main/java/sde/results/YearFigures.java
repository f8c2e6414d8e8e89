package sde.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One calendar year of a run (SPEC §7 {@code years}). Keys are written in alphabetical order, as every JSON file here.
 * {@code returnPctWorst} and {@code maxDdPctWorst} are the year on the surface of the model band the search ranked the run
 * by (SPEC §4's worst case); absent where the run was priced on one surface only.
 */
@JsonPropertyOrder(alphabetic = true)
@JsonIgnoreProperties(ignoreUnknown = true)
public record YearFigures(int year, double returnPct, double maxDdPct, int trades, double sharpe, double score, int capacityBoundTrades,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Double returnPctWorst,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Double maxDdPctWorst) {
    public YearFigures(int year, double returnPct, double maxDdPct, int trades, double sharpe, double score, int capacityBoundTrades) {
        this(year, returnPct, maxDdPct, trades, sharpe, score, capacityBoundTrades, null, null);
    }

    /** This year with its worst-case return and drawdown beside it. */
    public YearFigures withWorst(double returnPct, double maxDdPct) {
        return new YearFigures(year, this.returnPct, this.maxDdPct, trades, sharpe, score, capacityBoundTrades, returnPct, maxDdPct);
    }
}
