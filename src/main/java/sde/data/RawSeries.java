package sde.data;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One series as read from one file, before alignment: strictly ascending epoch days and the
 * columns the file had. Absent columns are null. Index and rate series keep their single value
 * in {@code close}; NaN marks a missing value the source left blank (FRED '.'). {@code lines} holds
 * each row's line in its file (null for generated series), so a bad value can be named by file and line.
 */
public record RawSeries(String name, String source, Layout layout, int[] days,
                        double[] open, double[] high, double[] low, double[] close,
                        double[] adjClose, double[] volume, double[] dividend, int[] lines) implements Serializable {

    /** A series with no file behind it (generated): no line numbers. */
    public RawSeries(String name, String source, Layout layout, int[] days, double[] open, double[] high, double[] low, double[] close,
                     double[] adjClose, double[] volume, double[] dividend) {
        this(name, source, layout, days, open, high, low, close, adjClose, volume, dividend, null);
    }

    /** "file:line" of row k, or the source alone where there are no line numbers. */
    public String where(int k) {
        return lines == null ? source : source + ":" + lines[k];
    }

    public int size() { return days.length; }

    public boolean hasOhlc() { return open != null && high != null && low != null; }

    public int first() { return days[0]; }

    public int last() { return days[days.length - 1]; }

    /** Index of the row on {@code day}, or a negative insertion point as {@link Arrays#binarySearch}. */
    public int indexOf(int day) { return Arrays.binarySearch(days, day); }

    public RawSeries renamed(String newName) {
        return new RawSeries(newName, source, layout, days, open, high, low, close, adjClose, volume, dividend, lines);
    }
}
