package sde.data;

import java.util.Locale;

/** The traded underlyings. Their ordinal indexes the bar arrays of {@link MarketData}. */
public enum Symbol {
    SPY, QQQ, IWM;

    public static Symbol parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown symbol '" + name + "'; expected one of SPY, QQQ, IWM");
        }
    }
}
