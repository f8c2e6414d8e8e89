package sde.cli;

import sde.data.AuditReport;
import sde.data.SeriesDating;

import java.util.List;
import java.util.Map;

/** The human-readable audit: one line per series, then gaps, events and the verdict. */
final class AuditTable {
    private AuditTable() {}

    static String format(AuditReport r) {
        StringBuilder sb = new StringBuilder();
        if (r.synthetic()) sb.append("*** SYNTHETIC MARKET (generated, not real data) ***\n");
        sb.append(String.format("Data audit of %s, window %s..%s (%d trading days)%n%n", r.dataDir(), r.windowFrom(),
                r.windowTo(), r.windowTradingDays()));
        String fmt = "%-6s %-13s %-10s %-10s %-10s %6s %6s %7s %7s %4s %4s %4s %4s %5s  %-6s %s%n";
        sb.append(String.format(fmt, "series", "kind", "layout", "first", "last", "rows", "in-win", "offaxis",
                "missing", "gap", "dup", "<=0", "nan", "ohlc!", "status", "prices"));
        for (AuditReport.SeriesRow s : r.series()) {
            sb.append(String.format(fmt, s.series(), s.kind(), s.layout(), s.first(), s.last(), s.rowsInFile(),
                    s.rowsInWindow(), s.offAxisRows(), s.missingTradingDays().size(), s.longestGap(), s.duplicates(),
                    s.nonPositive(), s.nonFinite(), s.ohlcInconsistent(), s.status(), s.prices()));
        }
        sb.append("\nMissing trading days in the window (carried forward where allowed):\n");
        boolean any = false;
        for (AuditReport.SeriesRow s : r.series()) {
            if (!s.missingTradingDays().isEmpty()) {
                sb.append("  ").append(s.series()).append(": ").append(String.join(", ", s.missingTradingDays())).append('\n');
                any = true;
            }
        }
        if (!any) sb.append("  none\n");
        for (AuditReport.SeriesRow s : r.series()) {
            for (String n : s.notes()) sb.append("  note ").append(s.series()).append(": ").append(n).append('\n');
            if (!s.splitLikeJumps().isEmpty()) {
                sb.append("  ").append(s.series()).append(" split-like jumps: ").append(String.join(", ", s.splitLikeJumps())).append('\n');
            }
        }
        sb.append("\nDating (SPEC §1): correlation of each series' daily change with the reference's change of the\n"
                + "previous, the same and the next session; a series that follows the previous (or next) session is misdated\n");
        for (SeriesDating.Finding f : r.dating()) {
            sb.append(String.format("  %-6s vs %-4s prev %+.2f  same %+.2f  next %+.2f  %s%n", f.series(), f.reference(),
                    f.previous(), f.same(), f.next(), f.verdict()));
        }
        sb.append("\nEvents per year:\n");
        sb.append("  year ");
        r.eventsPerYear().values().stream().findFirst().ifPresent(m -> m.keySet().forEach(k -> sb.append(String.format("%6s", k))));
        sb.append('\n');
        for (Map.Entry<Integer, Map<String, Integer>> e : r.eventsPerYear().entrySet()) {
            sb.append(String.format("  %4d ", e.getKey()));
            e.getValue().values().forEach(n -> sb.append(String.format("%6d", n)));
            sb.append('\n');
        }
        r.eventsMovedToNextSession().forEach((t, d) -> sb.append("  ").append(t)
                .append(" on non-trading days, traded at the next session: ").append(String.join(", ", d)).append('\n'));
        AuditReport.MarketDataInfo m = r.marketData();
        sb.append(String.format("%nMarket data %s..%s: %d trading days, %,d bytes serialized, fingerprint %s%s%n",
                m.from(), m.to(), m.tradingDays(), m.serializedBytes(), m.fingerprint(),
                m.axisEndLimitedBy() == null ? "" : " (axis ends where " + m.axisEndLimitedBy() + " ends)"));
        list(sb, "Warnings", r.warnings());
        list(sb, "Errors", r.errors());
        sb.append(r.tradable() ? "\nVERDICT: the window can be traded.\n" : "\nVERDICT: the window CANNOT be traded (see errors).\n");
        return sb.toString();
    }

    private static void list(StringBuilder sb, String title, List<String> items) {
        if (items.isEmpty()) return;
        sb.append('\n').append(title).append(":\n");
        for (String s : items) sb.append("  - ").append(s).append('\n');
    }
}
