package sde.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One calendar year of a run (SPEC §7 {@code years}). Keys are written in alphabetical order, as every JSON file here. */
@JsonPropertyOrder(alphabetic = true)
@JsonIgnoreProperties(ignoreUnknown = true)
public record YearFigures(int year, double returnPct, double maxDdPct, int trades, double sharpe, double score, int capacityBoundTrades) {}
