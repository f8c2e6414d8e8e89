package sde.data;

import java.util.List;
import java.util.Map;

/** The result of {@link DataAudit}; written as output/data_audit.json (SPEC §7). */
public record AuditReport(String dataDir, boolean synthetic, String windowFrom, String windowTo,
                          int windowTradingDays, boolean tradable, List<String> errors, List<String> warnings,
                          List<SeriesRow> series, Map<String, String> unavailable,
                          Map<Integer, Map<String, Integer>> eventsPerYear, Map<String, List<String>> eventsMovedToNextSession,
                          Map<String, Integer> ignoredEvents, MarketDataInfo marketData,
                          List<SeriesDating.Finding> dating) {

    /** One series: counts are over the audit window unless the name says otherwise. */
    public record SeriesRow(String series, String kind, String file, String layout, String first, String last,
                            int rowsInFile, int rowsInWindow, int offAxisRows, List<String> offAxisDates,
                            List<String> missingTradingDays, int longestGap, int duplicates, int nonPositive,
                            int nonFinite, int ohlcInconsistent, List<String> ohlcInconsistentDates,
                            List<String> splitLikeJumps, String prices, boolean coversWindow, String status,
                            List<String> notes) {}

    /** The aligned structure over the load range: what gets broadcast to executors. */
    public record MarketDataInfo(String from, String to, int tradingDays, long serializedBytes, String fingerprint,
                                 String axisEndLimitedBy) {}
}
