package sde.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts {@link MarketSources} on one trading-day axis (SPEC §1) and builds {@link MarketData}.
 * The axis is the SPY dates in [from, to], cut at the last day every loaded underlying has,
 * so a later run never meets a missing underlying bar at the end of the data.
 */
public final class MarketDataBuilder {

    private MarketDataBuilder() {}

    /** The aligned data plus what alignment found, for the audit. {@code data} is built even when there are errors. */
    public record Result(MarketData data, Map<String, SeriesAlignment> series, List<String> errors,
                         Map<EventType, int[]> movedEvents, int axisEndLimitedBy) {
        public boolean ok() { return errors.isEmpty(); }
    }

    /** Aligns and refuses data with gaps that SPEC §1 forbids unless {@code rules.allowGaps()}. */
    public static MarketData build(MarketSources src, int from, int to, AlignmentRules rules) {
        Result r = align(src, from, to, rules);
        if (!r.ok() && !rules.allowGaps()) {
            throw new DataException(src.origin(), 0, r.errors().get(0)
                    + (r.errors().size() > 1 ? " (and " + (r.errors().size() - 1) + " more; run `jobs/sde data audit`)" : ""));
        }
        return r.data();
    }

    public static Result align(MarketSources src, int from, int to, AlignmentRules rules) {
        RawSeries spy = src.bars().get(Symbol.SPY);
        if (spy == null) throw new DataException(src.origin(), 0, "no SPY bars: SPY's dates are the trading-day axis (SPEC §1)");
        int end = to;
        int limitedBy = -1;
        for (Symbol s : Symbol.values()) {
            RawSeries b = src.bars().get(s);
            if (b == null) throw new DataException(src.origin(), 0, "missing required symbol " + s + " (no bars in MANIFEST.csv)");
            if (b.last() < end) { end = b.last(); limitedBy = s.ordinal(); }
        }
        int lo = spy.indexOf(from), hi = spy.indexOf(end);
        lo = lo >= 0 ? lo : -lo - 1;
        hi = hi >= 0 ? hi + 1 : -hi - 1;
        if (hi <= lo) {
            throw new DataException(spy.source(), 0, "no SPY trading days between " + Dates.format(from) + " and " + Dates.format(end));
        }
        int[] axis = Arrays.copyOfRange(spy.days(), lo, hi);

        Map<String, SeriesAlignment> report = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        Bars[] bars = new Bars[Symbol.values().length];
        for (Symbol s : Symbol.values()) {
            RawSeries raw = src.bars().get(s);
            int[] map = mapToAxis(axis, raw);
            double[] close = pick(axis.length, raw.close(), map);
            SeriesAlignment a = findings(s.name(), axis, raw, map, close, 0, true);
            report.put(s.name(), a);
            errors.addAll(a.errors());
            double[] open = pick(axis.length, raw.open(), map), high = pick(axis.length, raw.high(), map),
                    low = pick(axis.length, raw.low(), map);
            double[] adj = raw.adjClose() == null ? close.clone() : pick(axis.length, raw.adjClose(), map);
            double[] vol = raw.volume() == null ? new double[axis.length] : pick(axis.length, raw.volume(), map);
            // A missing bar (allowed only with allowGaps) becomes a flat bar at the previous close with no volume.
            for (int i : a.missing()) {
                if (i == 0) continue;
                open[i] = high[i] = low[i] = close[i] = close[i - 1];
                adj[i] = adj[i - 1];
                vol[i] = 0;
            }
            double[] div = new double[axis.length];
            RawSeries divSrc = src.dividends().get(s);
            boolean hasDiv = divSrc != null || raw.dividend() != null;
            if (divSrc != null) {
                addDividends(axis, divSrc.days(), divSrc.close(), div, s, errors);
            } else if (raw.dividend() != null) {
                addDividends(axis, raw.days(), raw.dividend(), div, s, errors);
            }
            bars[s.ordinal()] = new Bars(open, high, low, close, adj, vol, div, src.adjustedOnly().contains(s), hasDiv);
        }

        double[][] scalars = new double[SeriesId.values().length][];
        for (Map.Entry<SeriesId, RawSeries> e : src.scalars().entrySet()) {
            RawSeries raw = e.getValue();
            int[] map = mapToAxis(axis, raw);
            double[] v = pick(axis.length, raw.close(), map);
            SeriesAlignment a = findings(e.getKey().name(), axis, raw, map, v, rules.maxCarryDays(), false);
            report.put(e.getKey().name(), a);
            errors.addAll(a.errors());
            // Carry the last value over every gap inside the covered range: gaps over the limit are
            // already errors above, and are only reached here when the caller allowed them.
            if (a.firstIndex() >= 0) {
                for (int i = a.firstIndex() + 1; i <= a.lastIndex(); i++) if (Double.isNaN(v[i])) v[i] = v[i - 1];
            }
            scalars[e.getKey().ordinal()] = v;
        }

        byte[] events = new byte[axis.length];
        Map<EventType, int[]> moved = new EnumMap<>(EventType.class);
        for (Map.Entry<EventType, int[]> e : src.events().entrySet()) {
            List<Integer> shifted = new ArrayList<>();
            for (int d : e.getValue()) {
                if (d < axis[0] || d > axis[axis.length - 1]) continue;
                int i = Arrays.binarySearch(axis, d);
                // An event on a non-trading day (the Sunday 2020-03-15 FOMC cut) is first traded at the next session.
                if (i < 0) { i = -i - 1; shifted.add(d); }
                events[i] |= (byte) e.getKey().bit();
            }
            if (!shifted.isEmpty()) moved.put(e.getKey(), shifted.stream().mapToInt(Integer::intValue).toArray());
        }
        MarketData data = new MarketData(axis, bars, scalars, events, EventSchedule.published(src.events(), axis[0]), src.origin(),
                src.synthetic());
        return new Result(data, report, errors, moved, limitedBy);
    }

    /** For each raw row, its axis index, or -1 when the row's day is not a trading day of the axis. */
    static int[] mapToAxis(int[] axis, RawSeries raw) {
        int[] map = new int[raw.size()];
        int j = 0;
        for (int k = 0; k < raw.size(); k++) {
            int d = raw.days()[k];
            while (j < axis.length && axis[j] < d) j++;
            map[k] = j < axis.length && axis[j] == d ? j : -1;
        }
        return map;
    }

    private static double[] pick(int n, double[] col, int[] map) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        if (col == null) return out;
        for (int k = 0; k < map.length; k++) if (map[k] >= 0) out[map[k]] = col[k];
        return out;
    }

    /**
     * A series' alignment on the axis ({@code v} its values there, NaN where missing): coverage,
     * missing days, off-axis rows, and the gaps SPEC §1 refuses (none with an unlimited carry).
     */
    static SeriesAlignment alignment(String name, int[] axis, RawSeries raw, int maxCarry) {
        int[] map = mapToAxis(axis, raw);
        return findings(name, axis, raw, map, pick(axis.length, raw.close(), map), maxCarry, false);
    }

    private static SeriesAlignment findings(String name, int[] axis, RawSeries raw, int[] map, double[] v,
                                            int maxCarry, boolean underlying) {
        List<Integer> off = new ArrayList<>();
        for (int k = 0; k < map.length; k++) {
            int d = raw.days()[k];
            if (map[k] < 0 && d >= axis[0] && d <= axis[axis.length - 1]) off.add(d);
        }
        int first = -1, last = -1;
        for (int i = 0; i < v.length; i++) if (!Double.isNaN(v[i])) { if (first < 0) first = i; last = i; }
        List<Integer> missing = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int longest = 0, run = 0;
        if (first >= 0) {
            for (int i = first; i <= last + 1; i++) {
                if (i <= last && Double.isNaN(v[i])) {
                    missing.add(i);
                    run++;
                    continue;
                }
                if (run > 0 && (underlying || run > maxCarry)) {
                    errors.add(name + ": " + (underlying ? "missing bars" : "gap of " + run + " trading days (limit " + maxCarry + ")")
                            + " " + Dates.format(axis[i - run]) + (run > 1 ? ".." + Dates.format(axis[i - 1]) : "") + " (SPEC §1)");
                }
                longest = Math.max(longest, run);
                run = 0;
            }
        }
        if (underlying && (first != 0 || last != axis.length - 1)) {
            errors.add(name + ": bars cover " + (first < 0 ? "no day" : Dates.format(axis[first]) + ".." + Dates.format(axis[last]))
                    + " but the axis runs " + Dates.format(axis[0]) + ".." + Dates.format(axis[axis.length - 1]) + " (SPEC §1)");
        }
        return new SeriesAlignment(name, first, last, missing.stream().mapToInt(Integer::intValue).toArray(),
                off.stream().mapToInt(Integer::intValue).toArray(), longest, List.copyOf(errors));
    }

    private static void addDividends(int[] axis, int[] days, double[] amounts, double[] out, Symbol s, List<String> errors) {
        for (int k = 0; k < days.length; k++) {
            if (amounts[k] == 0 || days[k] < axis[0] || days[k] > axis[axis.length - 1]) continue;
            int i = Arrays.binarySearch(axis, days[k]);
            if (i < 0) {
                errors.add(s + ": dividend ex-date " + Dates.format(days[k]) + " is not a trading day");
            } else {
                out[i] += amounts[k];
            }
        }
    }
}
