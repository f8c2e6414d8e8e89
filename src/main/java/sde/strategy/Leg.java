package sde.strategy;

import sde.data.Symbol;

/**
 * One leg of a position per unit: {@code ratio} > 0 long, < 0 short. An option leg has an expiry
 * (epoch day), strike and right; a share leg ({@link Kind#SHARES}) counts shares and has neither
 * (its expiry reads {@link #SHARES}).
 */
public record Leg(Kind kind, Symbol symbol, int expiry, double strike, boolean call, int ratio) {
    /** What a leg holds. */
    public enum Kind { OPTION, SHARES }

    public static final int SHARES = -1;

    public static Leg option(Symbol s, int expiry, double strike, boolean call, int ratio) {
        if (expiry < 0 || !(strike > 0) || ratio == 0) throw new IllegalArgumentException("bad option leg");
        return new Leg(Kind.OPTION, s, expiry, strike, call, ratio);
    }

    public static Leg shares(Symbol s, int ratio) {
        if (ratio == 0) throw new IllegalArgumentException("bad share leg");
        return new Leg(Kind.SHARES, s, SHARES, 0, false, ratio);
    }

    public boolean isShares() { return kind == Kind.SHARES; }

    /** Contract multiplier: 100 shares per option contract, 1 per share. */
    public int multiplier() { return isShares() ? 1 : 100; }
}
