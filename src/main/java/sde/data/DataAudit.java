package sde.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data audit (SPEC §1): per series coverage, gaps, duplicates, bad values, OHLC
 * consistency, split-like jumps, adjusted-price detection and event-calendar coverage, and the
 * verdict whether the configured window can be traded. It shares the alignment code with
 * {@link MarketDataBuilder}, so the audit and a run can never disagree about a gap.
 */
public final class DataAudit {
    private static final int MAX_LISTED = 20;
    private static final double OHLC_TOLERANCE = 1e-6;

    private DataAudit() {}

    public static AuditReport run(MarketSources src, AuditSettings s) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>(src.warnings());
        MarketDataBuilder.Result window = MarketDataBuilder.align(src, s.from(), s.to(), s.rules());
        MarketData w = window.data();
        if (w.firstDay() > s.from() + 7 || w.lastDay() < s.to() - 7) {
            errors.add("the data cover " + Dates.format(w.firstDay()) + ".." + Dates.format(w.lastDay())
                    + ", not the window " + Dates.format(s.from()) + ".." + Dates.format(s.to()));
        }
        errors.addAll(window.errors());

        List<AuditReport.SeriesRow> rows = new ArrayList<>();
        for (Symbol sym : Symbol.values()) {
            RawSeries raw = src.bars().get(sym);
            rows.add(row(sym.name(), src.adjustedOnly().contains(sym) ? "bars_adjusted" : "bars_raw", raw,
                    window.series().get(sym.name()), w, s, true, src.adjustedOnly().contains(sym), errors));
            if (src.adjustedOnly().contains(sym)) {
                warnings.add(sym + ": only dividend-adjusted prices; strikes are built on adjusted prices (SPEC §1)");
            }
            if (!w.hasDividends(sym)) {
                warnings.add(sym + ": no dividend history; share positions in " + sym + " receive no dividends");
            }
        }
        for (Map.Entry<SeriesId, RawSeries> e : src.scalars().entrySet()) {
            SeriesId id = e.getKey();
            boolean required = s.requiredSeries().contains(id);
            rows.add(row(id.name(), id.kind.name().toLowerCase(), e.getValue(), window.series().get(id.name()), w, s,
                    required, false, errors));
        }
        for (SeriesId id : s.requiredSeries()) {
            if (!src.scalars().containsKey(id)) errors.add(id + ": required series is not in MANIFEST.csv");
        }
        for (Map.Entry<String, RawSeries> e : src.benchmarks().entrySet()) {
            rows.add(row(e.getKey(), "benchmark", e.getValue(), benchmarkAlignment(e.getKey(), e.getValue(), w), w, s,
                    false, false, errors));
        }
        // Dividend files are read into every share position's cash: each amount finite and not negative.
        for (Map.Entry<Symbol, RawSeries> e : src.dividends().entrySet()) {
            RawSeries d = e.getValue();
            for (int k = 0; k < d.size(); k++) {
                double v = d.close()[k];
                if (!Double.isFinite(v) || v < 0) {
                    errors.add(d.where(k) + ": " + e.getKey() + " dividend " + v + " is not a finite amount of 0 or more");
                    break;
                }
            }
        }
        src.unavailable().forEach((k, v) -> warnings.add(k + ": not available (" + v + ")"));
        List<SeriesDating.Finding> dating = SeriesDating.check(src, s.from(), s.to(), s.datingMinCorrelation(), s.datingMargin());
        for (SeriesDating.Finding f : dating) if (f.misdated()) errors.add(f.message());

        Map<Integer, Map<String, Integer>> perYear = new TreeMap<>();
        for (int y = Dates.year(s.from()); y <= Math.max(Dates.year(s.to()), Dates.year(Math.min(s.loadTo(), lastEventDay(src)))); y++) {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (EventType t : EventType.values()) m.put(t.name(), 0);
            perYear.put(y, m);
        }
        for (Map.Entry<EventType, int[]> e : src.events().entrySet()) {
            for (int d : e.getValue()) {
                Map<String, Integer> m = perYear.get(Dates.year(d));
                if (m != null) m.merge(e.getKey().name(), 1, Integer::sum);
            }
        }
        perYear.forEach((y, m) -> m.forEach((t, n) -> {
            if (n == 0 && y >= Dates.year(s.from()) && y <= Dates.year(s.to())) {
                warnings.add("events: no " + t + " dates in " + y + (y < 2020 ? " (before the evaluated years)" : ""));
            }
        }));
        Map<String, List<String>> moved = new LinkedHashMap<>();
        window.movedEvents().forEach((t, days) -> moved.put(t.name(), Arrays.stream(days).mapToObj(Dates::format).toList()));

        MarketDataBuilder.Result full = MarketDataBuilder.align(src, s.loadFrom(), s.loadTo(), s.rules());
        MarketData md = full.data();
        AuditReport.MarketDataInfo info = new AuditReport.MarketDataInfo(Dates.format(md.firstDay()), Dates.format(md.lastDay()),
                md.size(), serializedSize(md), md.fingerprint(),
                full.axisEndLimitedBy() < 0 ? null : Symbol.values()[full.axisEndLimitedBy()].name());
        for (String e : full.errors()) if (!window.errors().contains(e)) warnings.add("outside the window: " + e);

        return new AuditReport(src.origin(), src.synthetic(), Dates.format(s.from()), Dates.format(s.to()), w.size(),
                errors.isEmpty(), errors, warnings, rows, src.unavailable(), perYear, moved, src.ignoredEvents(), info, dating);
    }

    /**
     * A benchmark's coverage of the window, for its audit row only: benchmarks are never aligned
     * into MarketData, and their gaps are not the run's errors (index levels are checked monthly).
     */
    private static SeriesAlignment benchmarkAlignment(String name, RawSeries raw, MarketData w) {
        int[] axis = new int[w.size()];
        for (int i = 0; i < axis.length; i++) axis[i] = w.day(i);
        return MarketDataBuilder.alignment(name, axis, raw, Integer.MAX_VALUE);
    }

    private static int lastEventDay(MarketSources src) {
        int last = Integer.MIN_VALUE;
        for (int[] d : src.events().values()) if (d.length > 0) last = Math.max(last, d[d.length - 1]);
        return last == Integer.MIN_VALUE ? 0 : last;
    }

    private static AuditReport.SeriesRow row(String name, String kind, RawSeries raw, SeriesAlignment a, MarketData w,
                                             AuditSettings s, boolean required, boolean declaredAdjusted, List<String> errors) {
        List<String> notes = new ArrayList<>();
        int lo = lowerBound(raw.days(), s.from()), hi = lowerBound(raw.days(), s.to() + 1);
        int ohlcBad = 0, notCents = 0;
        List<String> ohlcDates = new ArrayList<>(), jumps = new ArrayList<>();
        Columns check = new Columns(raw, name, kind, s);
        for (int k = lo; k < hi; k++) {
            double c = raw.close()[k];
            check.row(k);
            if (raw.hasOhlc()) {
                double o = raw.open()[k], h = raw.high()[k], l = raw.low()[k];
                if (l > h + OHLC_TOLERANCE || h < Math.max(o, c) - OHLC_TOLERANCE || l > Math.min(o, c) + OHLC_TOLERANCE) {
                    ohlcBad++;
                    if (ohlcDates.size() < MAX_LISTED) ohlcDates.add(Dates.format(raw.days()[k]));
                }
            }
            if (Math.abs(c * 100 - Math.rint(c * 100)) > 1e-6) notCents++;
            if (kind.startsWith("bars") && k > lo) {
                double r = c / raw.close()[k - 1];
                if (Math.abs(r - 1) > s.splitJumpThreshold()) {
                    jumps.add(Dates.format(raw.days()[k]) + " x" + String.format("%.4f", r));
                }
            }
        }
        int inWindow = hi - lo;
        String prices = "-";
        if (kind.startsWith("bars")) {
            boolean looksAdjusted = inWindow > 0 && notCents > s.adjustedFractionThreshold() * inWindow;
            prices = declaredAdjusted ? "adjusted only" : raw.adjClose() != null ? "raw (Adj Close given)" : "raw";
            if (looksAdjusted && !declaredAdjusted) {
                prices += "; LOOKS ADJUSTED (" + notCents + "/" + inWindow + " closes not whole cents)";
                notes.add("declared raw but most closes are not whole cents: check the source is unadjusted");
            }
            if (!jumps.isEmpty()) notes.add("close-to-close moves over " + s.splitJumpThreshold() + ": check for unadjusted splits");
        }
        boolean covers = a.firstIndex() == 0 && a.lastIndex() == w.size() - 1;
        if (required && !covers && kind.startsWith("index") || required && !covers && kind.equals("rate")) {
            errors.add(name + ": required series covers " + coverage(a, w) + ", not the whole window");
        }
        if (!covers && !required) notes.add("covers " + coverage(a, w) + " of the window");
        int nonFinite = check.nonFinite, nonPositive = check.outOfRange;
        if (check.firstBad != null) {
            errors.add(check.firstBad + " (" + nonFinite + " non-finite and " + nonPositive + " out-of-range values of " + name
                    + " in the window)");
        }
        String status = !a.ok() || (required && !covers) || check.firstBad != null ? "ERROR"
                : a.missing().length > 0 || ohlcBad > 0 || !jumps.isEmpty() || !notes.isEmpty()
                ? "WARN" : "OK";
        if (a.missing().length > 0 && a.ok()) {
            notes.add(a.missing().length + " missing days carried forward (≤ " + s.rules().maxCarryDays() + " in a row)");
        }
        if (a.offAxisDays().length > 0) notes.add(a.offAxisDays().length + " rows on non-trading days dropped");
        return new AuditReport.SeriesRow(name, kind, raw.source(), raw.layout().name(), Dates.format(raw.first()),
                Dates.format(raw.last()), raw.size(), inWindow, a.offAxisDays().length,
                Arrays.stream(a.offAxisDays()).limit(MAX_LISTED).mapToObj(Dates::format).toList(),
                Arrays.stream(a.missing()).mapToObj(i -> Dates.format(w.day(i))).toList(), a.longestGap(),
                0, nonPositive, nonFinite, ohlcBad, ohlcDates, jumps, prices, covers, status, notes);
    }

    /**
     * Every column of one series checked as its meaning requires (SPEC §1): prices finite and positive, volumes and
     * dividends finite and not negative, index levels and rates within the plausible ranges of conf's data section. A
     * value left blank in the source (NaN: FRED's '.') is missing, which alignment handles, not bad. The first bad
     * value is named by file, line and column.
     */
    private static final class Columns {
        private final RawSeries raw;
        private final String name;
        private final double lo, hi;
        private final boolean price;
        int nonFinite, outOfRange;
        String firstBad;

        Columns(RawSeries raw, String name, String kind, AuditSettings s) {
            this.raw = raw;
            this.name = name;
            this.price = kind.startsWith("bars") || kind.equals("benchmark");
            double[] range = kind.equals("rate") ? s.rateRange() : kind.startsWith("index") ? s.indexRange()
                    : new double[]{Double.MIN_VALUE, Double.POSITIVE_INFINITY};
            this.lo = range[0];
            this.hi = range[1];
        }

        void row(int k) {
            if (price) {
                value(k, "open", raw.open(), Double.MIN_VALUE, "a positive price");
                value(k, "high", raw.high(), Double.MIN_VALUE, "a positive price");
                value(k, "low", raw.low(), Double.MIN_VALUE, "a positive price");
                value(k, "close", raw.close(), Double.MIN_VALUE, "a positive price");
                value(k, "adj_close", raw.adjClose(), Double.MIN_VALUE, "a positive price");
                value(k, "volume", raw.volume(), 0, "a volume of 0 or more");
                value(k, "dividend", raw.dividend(), 0, "a dividend of 0 or more");
            } else {
                double v = raw.close()[k];
                if (Double.isNaN(v)) return;
                if (Double.isInfinite(v)) bad(k, "close", v, "not finite", true);
                else if (v < lo || v > hi) bad(k, "close", v, "outside the plausible range [" + fmt(lo) + ", " + fmt(hi) + "]", false);
            }
        }

        private void value(int k, String column, double[] values, double min, String what) {
            if (values == null) return;
            double v = values[k];
            if (Double.isNaN(v) && !column.equals("close")) return;
            if (!Double.isFinite(v)) bad(k, column, v, "not finite (" + what + ")", true);
            else if (v < min) bad(k, column, v, "not " + what, false);
        }

        private void bad(int k, String column, double v, String why, boolean nonFiniteValue) {
            if (nonFiniteValue) nonFinite++;
            else outOfRange++;
            if (firstBad == null) firstBad = raw.where(k) + ": " + name + " " + column + " " + v + " is " + why;
        }

        private static String fmt(double x) {
            return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
        }
    }

    private static String coverage(SeriesAlignment a, MarketData w) {
        return a.firstIndex() < 0 ? "no day" : Dates.format(w.day(a.firstIndex())) + ".." + Dates.format(w.day(a.lastIndex()));
    }

    private static int lowerBound(int[] a, int key) {
        int i = Arrays.binarySearch(a, key);
        return i >= 0 ? i : -i - 1;
    }

    /** Bytes of the Java-serialized structure: what Spark ships once per executor as a broadcast. */
    public static long serializedSize(MarketData md) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }
}
