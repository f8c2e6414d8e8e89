package sde.pricing;

import sde.data.NyseCalendar;
import sde.data.Symbol;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which expiries were listed on a given day. Per symbol: standard monthlies (third
 * Friday), quarterlies (last session of Mar/Jun/Sep/Dec), January LEAPS, and weekly series on the
 * weekdays and from the dates in conf (pricing.weekly_listing), each listed a configured number of
 * calendar days ahead. An expiry on an exchange holiday moves to the session before it, as the
 * exchanges' short-term series rules say. Built from rules only (NyseCalendar), so the answer for day
 * t never depends on data after t.
 *
 * <p>Precomputed once into sorted arrays of (expiry, listing horizon); queries do not allocate
 * except {@link #listed}, which returns a new array.
 */
public final class ExpiryCalendar implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int FIRST_YEAR = 2000, LAST_YEAR = 2032;

    private final int[][] days = new int[Symbol.values().length][];
    private final int[][] horizon = new int[Symbol.values().length][];
    private final int maxHorizon;

    public ExpiryCalendar(ListingSettings s) {
        int max = Math.max(s.monthlyHorizonDays(), Math.max(s.quarterlyHorizonDays(), s.leapsHorizonDays()));
        Map<DayOfWeek, Integer> weeklyHorizon = new EnumMap<>(DayOfWeek.class);
        s.weeklyHorizonDays().forEach((k, v) -> weeklyHorizon.put(day(k, "pricing.weekly_horizon_days"), v));
        for (int h : weeklyHorizon.values()) max = Math.max(max, h);
        this.maxHorizon = max;
        for (Symbol sym : Symbol.values()) {
            Map<String, String> eras = s.weeklyListing().get(sym.name());
            if (eras == null) throw new IllegalArgumentException("pricing.weekly_listing." + sym + ": missing");
            Map<DayOfWeek, LocalDate> from = new EnumMap<>(DayOfWeek.class);
            eras.forEach((k, v) -> from.put(day(k, "pricing.weekly_listing." + sym), LocalDate.parse(v)));
            TreeMap<Integer, Integer> h = new TreeMap<>();
            for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
                for (Month m : Month.values()) {
                    LocalDate third = LocalDate.of(y, m, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
                    put(h, NyseCalendar.sessionOnOrBefore(third), m == Month.JANUARY ? s.leapsHorizonDays() : s.monthlyHorizonDays());
                    if (m.getValue() % 3 == 0) {
                        put(h, NyseCalendar.sessionOnOrBefore(LocalDate.of(y, m, 1).with(TemporalAdjusters.lastDayOfMonth())),
                                s.quarterlyHorizonDays());
                    }
                }
                for (LocalDate d = LocalDate.of(y, 1, 1); d.getYear() == y; d = d.plusDays(1)) {
                    LocalDate first = from.get(d.getDayOfWeek());
                    Integer hz = weeklyHorizon.get(d.getDayOfWeek());
                    if (first != null && hz != null && !d.isBefore(first)) put(h, NyseCalendar.sessionOnOrBefore(d), hz);
                }
            }
            days[sym.ordinal()] = h.keySet().stream().mapToInt(Integer::intValue).toArray();
            horizon[sym.ordinal()] = h.values().stream().mapToInt(Integer::intValue).toArray();
        }
        index();
    }

    /**
     * Per symbol and epoch day from {@link #indexFrom} to the last expiry: the index of the first
     * expiry on or after that day. Every quote asks whether its expiry is listed and every strategy
     * entry looks for its nearest expiry, and the binary searches were a thirtieth of a run;
     * this answers both with one read. Transient, rebuilt when an engine is deserialized,
     * so a broadcast stays its size.
     */
    private transient int[][] firstOnOrAfter;
    private transient int indexFrom;

    private void index() {
        int from = Integer.MAX_VALUE, to = Integer.MIN_VALUE;
        for (int[] d : days) { from = Math.min(from, d[0]); to = Math.max(to, d[d.length - 1]); }
        indexFrom = from;
        firstOnOrAfter = new int[days.length][to - from + 1];
        for (int s = 0; s < days.length; s++) {
            int[] d = days[s], f = firstOnOrAfter[s];
            for (int k = 0, i = 0; k < f.length; k++) {
                while (i < d.length && d[i] < from + k) i++;
                f[k] = i;
            }
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        index();
    }

    /** The index of the first of the symbol's expiries on or after {@code day}. */
    private int start(Symbol s, int day) {
        int k = day - indexFrom;
        int[] f = firstOnOrAfter[s.ordinal()];
        if (k >= 0 && k < f.length) return f[k];
        return k < 0 ? 0 : days[s.ordinal()].length;
    }

    private static void put(TreeMap<Integer, Integer> h, LocalDate d, int horizonDays) {
        h.merge((int) d.toEpochDay(), horizonDays, Math::max);
    }

    private static DayOfWeek day(String name, String key) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(name.toUpperCase(Locale.ROOT)) && name.length() >= 3) return d;
        }
        throw new IllegalArgumentException(key + ": unknown weekday '" + name + "' (MON, TUE, WED, THU, FRI)");
    }

    /** True when {@code expiry} could be traded on {@code today} (0 DTE included). */
    public boolean isListed(Symbol s, int today, int expiry) {
        int[] d = days[s.ordinal()];
        int i = start(s, expiry);
        return i < d.length && d[i] == expiry && expiry >= today && expiry - today <= horizon[s.ordinal()][i];
    }

    /** Expiries listed on {@code today}, ascending epoch days. */
    public int[] listed(Symbol s, int today) {
        int[] d = days[s.ordinal()], h = horizon[s.ordinal()];
        List<Integer> out = new ArrayList<>();
        for (int i = start(s, today); i < d.length && d[i] - today <= maxHorizon; i++) {
            if (d[i] - today <= h[i]) out.add(d[i]);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The listed expiry whose calendar days to expiry is closest to {@code targetDays} within
     * [minDays, maxDays] (ties go to the later one), or -1 when none is listed there.
     */
    public int nearest(Symbol s, int today, int targetDays, int minDays, int maxDays) {
        int[] d = days[s.ordinal()], h = horizon[s.ordinal()];
        int best = -1;
        for (int i = start(s, today); i < d.length && d[i] - today <= Math.min(maxDays, maxHorizon); i++) {
            int dte = d[i] - today;
            if (dte < minDays || dte > h[i]) continue;
            if (best < 0 || Math.abs(dte - targetDays) <= Math.abs(best - today - targetDays)) best = d[i];
        }
        return best;
    }

}
