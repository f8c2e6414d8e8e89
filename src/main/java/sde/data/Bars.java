package sde.data;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Aligned daily bars of one underlying, one slot per trading day of the axis. Package-private
 * arrays: only {@link MarketData} hands out values, so nothing outside can change them.
 * {@code adjustedOnly} is true where the source had dividend-adjusted prices only (IWM here),
 * in which case {@code close} is adjusted and strikes built on it are approximate (SPEC §1).
 */
final class Bars implements Serializable {
    private static final long serialVersionUID = 1L;

    final double[] open, high, low, close, adjClose, volume, dividend;
    final boolean adjustedOnly;
    final boolean hasDividends;

    Bars(double[] open, double[] high, double[] low, double[] close, double[] adjClose,
         double[] volume, double[] dividend, boolean adjustedOnly, boolean hasDividends) {
        this.open = open; this.high = high; this.low = low; this.close = close;
        this.adjClose = adjClose; this.volume = volume; this.dividend = dividend;
        this.adjustedOnly = adjustedOnly;
        this.hasDividends = hasDividends;
    }

    Bars slice(int from, int to) {
        return new Bars(cut(open, from, to), cut(high, from, to), cut(low, from, to), cut(close, from, to),
                cut(adjClose, from, to), cut(volume, from, to), cut(dividend, from, to), adjustedOnly, hasDividends);
    }

    static double[] cut(double[] a, int from, int to) {
        return a == null ? null : Arrays.copyOfRange(a, from, to);
    }
}
