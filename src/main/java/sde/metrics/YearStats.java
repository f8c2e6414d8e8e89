package sde.metrics;

/** SPEC §3–4 per evaluated year; percentages in percent. */
public record YearStats(int year, double returnPct, double maxDdPct, int trades, double sharpe, double score) {}
