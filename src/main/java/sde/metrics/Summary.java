package sde.metrics;

import java.util.List;

/** SPEC §3–4 run-level metrics; percentages in percent, recovery in trading days. */
public record Summary(List<YearStats> years, double cagrPct, double maxDdPct, double sharpe, double sortino, double calmar,
                      double consistency, double score, String tier, int longestRecoveryDays, int maxConsecutiveLosers,
                      int trades, double finalEquity) {}
