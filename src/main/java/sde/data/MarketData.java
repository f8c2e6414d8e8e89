package sde.data;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Every market series on one trading-day axis (SPEC §1: the SPY dates of the window), as
 * primitive arrays: immutable, serializable, small enough to broadcast to every Spark executor
 * (see README for its size) and read without allocation in the backtest's per-day loop.
 *
 * <p>Index {@code i} is a trading day; {@link #day(int)} gives its epoch day. Scalar series hold NaN
 * before their first and after their last observation, and where a gap was longer than the carry
 * limit and the caller allowed it. Use {@link #has(SeriesId)} / {@link #covered(SeriesId, int)}.
 */
public final class MarketData implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] days;
    private final Bars[] bars;            // by Symbol.ordinal()
    private final double[][] scalars;     // by SeriesId.ordinal(); null when not loaded
    private final byte[] events;          // EventType bit mask per day
    private final EventSchedule schedule; // the published calendar, also past the axis end (never sliced)
    private final String source;
    private final boolean synthetic;
    private final String fingerprint;

    MarketData(int[] days, Bars[] bars, double[][] scalars, byte[] events, EventSchedule schedule, String source, boolean synthetic) {
        if (days.length == 0) throw new IllegalArgumentException("market data needs at least one trading day");
        for (int i = 1; i < days.length; i++) {
            if (days[i] <= days[i - 1]) throw new IllegalArgumentException("trading days must ascend");
        }
        this.days = days;
        this.bars = bars;
        this.scalars = scalars;
        this.events = events;
        this.schedule = schedule;
        this.source = source;
        this.synthetic = synthetic;
        this.fingerprint = computeFingerprint();
    }

    public int size() { return days.length; }

    public int day(int i) { return days[i]; }

    public int firstDay() { return days[0]; }

    public int lastDay() { return days[days.length - 1]; }

    /** Axis index of {@code epochDay}, or negative (binary-search insertion point) when not a trading day. */
    public int indexOf(int epochDay) { return Arrays.binarySearch(days, epochDay); }

    /** Index of the last trading day on or before {@code epochDay}; -1 when before the axis. */
    public int indexOnOrBefore(int epochDay) {
        int i = indexOf(epochDay);
        return i >= 0 ? i : -i - 2;
    }

    /** Index of the first trading day on or after {@code epochDay}; size() when after the axis. */
    public int indexOnOrAfter(int epochDay) {
        int i = indexOf(epochDay);
        return i >= 0 ? i : -i - 1;
    }

    public double open(Symbol s, int i) { return bars[s.ordinal()].open[i]; }
    public double high(Symbol s, int i) { return bars[s.ordinal()].high[i]; }
    public double low(Symbol s, int i) { return bars[s.ordinal()].low[i]; }
    public double close(Symbol s, int i) { return bars[s.ordinal()].close[i]; }
    /** Dividend-adjusted close; equals close where the source gave no adjustment. */
    public double adjClose(Symbol s, int i) { return bars[s.ordinal()].adjClose[i]; }
    public double volume(Symbol s, int i) { return bars[s.ordinal()].volume[i]; }
    /** Cash dividend per share with ex-date on day i (0 on other days and where none is known). */
    public double dividend(Symbol s, int i) { return bars[s.ordinal()].dividend[i]; }
    /** True where only dividend-adjusted prices were available (IWM in ../shared/data). */
    public boolean adjustedOnly(Symbol s) { return bars[s.ordinal()].adjustedOnly; }
    /** False where no dividend history was loaded (IWM): share positions then receive none. */
    public boolean hasDividends(Symbol s) { return bars[s.ordinal()].hasDividends; }

    public boolean has(SeriesId id) { return scalars[id.ordinal()] != null; }

    /** Value of a scalar series on day i; NaN when not loaded or not covered that day. */
    public double value(SeriesId id, int i) {
        double[] a = scalars[id.ordinal()];
        return a == null ? Double.NaN : a[i];
    }

    public boolean covered(SeriesId id, int i) { return !Double.isNaN(value(id, i)); }

    /** Bit mask of {@link EventType#bit()} for events on day i. */
    public int events(int i) { return events[i]; }

    public boolean isEvent(int i, EventType e) { return (events[i] & e.bit()) != 0; }

    /**
     * The scheduled events a trader knew in advance (FOMC meetings, BLS and BEA release dates), on
     * the session they were first traded, including dates after the data's last day. A slice keeps
     * it whole: a schedule published in advance is the past, not the future (SPEC §2).
     */
    public EventSchedule schedule() { return schedule; }

    public Set<SeriesId> loadedSeries() {
        Set<SeriesId> out = EnumSet.noneOf(SeriesId.class);
        for (SeriesId id : SeriesId.values()) if (has(id)) out.add(id);
        return out;
    }

    /** Where the data came from (a folder, or "SYNTHETIC seed=N"). */
    public String source() { return source; }

    /** True for generated markets: output made from them must say so, so no one takes it for a result. */
    public boolean synthetic() { return synthetic; }

    /** SHA-256 (first 16 hex digits) of every aligned value: the data part of a result id (SPEC §6). */
    public String fingerprint() { return fingerprint; }

    /** Days [from, to) as a new MarketData, e.g. the data cut after day T for truncation-invariance tests. */
    public MarketData slice(int from, int to) {
        if (from < 0 || to > days.length || from >= to) {
            throw new IllegalArgumentException("bad slice [" + from + ", " + to + ") of " + days.length + " days");
        }
        Bars[] b = new Bars[bars.length];
        for (int s = 0; s < bars.length; s++) b[s] = bars[s].slice(from, to);
        double[][] sc = new double[scalars.length][];
        for (int k = 0; k < scalars.length; k++) sc[k] = Bars.cut(scalars[k], from, to);
        return new MarketData(Arrays.copyOfRange(days, from, to), b, sc, Arrays.copyOfRange(events, from, to),
                schedule, source, synthetic);
    }

    /**
     * A stress copy: from session {@code from} on, every underlying price is
     * multiplied by {@code priceFactor} (a gap down that stays), and the vol indices of sessions
     * [from, from + volDays) by {@code volFactor}. Labeled in its source; the original is untouched.
     */
    public MarketData shocked(int from, double priceFactor, double volFactor, int volDays) {
        if (from < 0 || from >= days.length || !(priceFactor > 0) || !(volFactor > 0) || volDays < 0) {
            throw new IllegalArgumentException("bad shock: from " + from + ", price × " + priceFactor + ", vol × " + volFactor);
        }
        Bars[] b = new Bars[bars.length];
        for (int k = 0; k < bars.length; k++) {
            Bars x = bars[k];
            b[k] = new Bars(scale(x.open, from, priceFactor), scale(x.high, from, priceFactor), scale(x.low, from, priceFactor),
                    scale(x.close, from, priceFactor), scale(x.adjClose, from, priceFactor), x.volume.clone(), x.dividend.clone(),
                    x.adjustedOnly, x.hasDividends);
        }
        double[][] sc = new double[scalars.length][];
        for (SeriesId id : SeriesId.values()) {
            double[] a = scalars[id.ordinal()];
            if (a == null) continue;
            sc[id.ordinal()] = a.clone();
            if (id.kind == SeriesId.Kind.INDEX) {
                for (int i = from; i < Math.min(days.length, from + volDays); i++) sc[id.ordinal()][i] *= volFactor;
            }
        }
        return new MarketData(days.clone(), b, sc, events.clone(), schedule, source + " (STRESS: prices x" + priceFactor + " from "
                + Dates.format(days[from]) + ", vol x" + volFactor + " for " + volDays + " sessions)", synthetic);
    }

    private static double[] scale(double[] a, int from, double f) {
        double[] out = a.clone();
        for (int i = from; i < out.length; i++) out[i] *= f;
        return out;
    }

    private String computeFingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(8 * days.length + 64);
            buf.clear();
            for (int d : days) buf.putInt(d);
            md.update(buf.flip());
            for (Bars b : bars) {
                for (double[] a : new double[][]{b.open, b.high, b.low, b.close, b.adjClose, b.volume, b.dividend}) {
                    digest(md, buf, a);
                }
                md.update((byte) (b.adjustedOnly ? 1 : 0));
            }
            for (double[] a : scalars) digest(md, buf, a);
            md.update(events);
            md.update((byte) (synthetic ? 1 : 0));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(MessageDigest md, ByteBuffer buf, double[] a) {
        buf.clear();
        if (a == null) {
            buf.putInt(-1);
        } else {
            for (double v : a) buf.putDouble(v);
        }
        md.update(buf.flip());
    }
}
