package sde.data;

import java.util.Locale;

/** Scheduled macro events; each owns one bit of the per-day event mask in {@link MarketData}. */
public enum EventType {
    FOMC, CPI, NFP, GDP, PPI;

    public int bit() { return 1 << ordinal(); }

    /** Maps calendar names ("GDP_ADVANCE", "Employment Situation" is not used) to a type, or null. */
    public static EventType find(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        if (n.startsWith("GDP")) return GDP;
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
