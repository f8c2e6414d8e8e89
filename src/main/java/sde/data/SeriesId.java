package sde.data;

import java.util.Locale;

/**
 * Daily scalar series aligned beside the bars: volatility indices and rates.
 * SPEC §1 lets each be carried forward over at most a configured number of missing trading days.
 */
public enum SeriesId {
    VIX(Kind.INDEX), VIX9D(Kind.INDEX), VIX3M(Kind.INDEX), VIX1D(Kind.INDEX),
    VXN(Kind.INDEX), RVX(Kind.INDEX), VVIX(Kind.INDEX), SKEW(Kind.INDEX),
    /** 3-month T-bill, percent (discount basis), the SPEC §3 risk-free rate. */
    DTB3(Kind.RATE),
    /** Effective fed funds rate, percent. */
    DFF(Kind.RATE);

    public enum Kind { INDEX, RATE }

    public final Kind kind;

    SeriesId(Kind kind) { this.kind = kind; }

    /** @return the id, or null when the name is not a known series */
    public static SeriesId find(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
