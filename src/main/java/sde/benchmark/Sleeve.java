package sde.benchmark;

import java.util.List;
import sde.data.Symbol;

/**
 * One position a replica keeps on {@code symbol}, rolled on its cycle: optionally 100 shares per unit, the
 * option legs per unit, and the rule that sets the number of units at each roll.
 */
public record Sleeve(String tag, boolean shares, List<OptionRule> options, Cycle cycle, Count count, Symbol symbol) {
    public Sleeve {
        options = List.copyOf(options);
        if (options.isEmpty()) throw new IllegalArgumentException(tag + ": a sleeve writes or buys at least one option");
        if (symbol == null) throw new IllegalArgumentException(tag + ": a sleeve needs its underlying");
    }

    /** A sleeve on SPY, as every S&P 500 index's replica is. */
    public Sleeve(String tag, boolean shares, List<OptionRule> options, Cycle cycle, Count count) {
        this(tag, shares, options, cycle, count, Symbol.SPY);
    }

    /** How the strike of a leg is chosen on SPY's listed strikes at the roll close. */
    public enum Strike {
        /** The listed strike just below spot (PUT, WPUT). */
        AT_OR_BELOW_SPOT,
        /** The nearest listed strike at or above spot (BXM). */
        AT_OR_ABOVE_SPOT,
        /** The listed strike nearest level × spot (PPUT's 95 %, CLL's 95 % and 110 %, BFLY's wings). */
        MONEYNESS,
        /** The listed strike whose delta is nearest level (BXMD's 0.30, CNDR's 0.20 and 0.05). */
        DELTA
    }

    /** One option leg per unit: {@code ratio} < 0 written, > 0 bought. */
    public record OptionRule(boolean call, int ratio, Strike strike, double level) {
        public static OptionRule put(int ratio, Strike s, double level) { return new OptionRule(false, ratio, s, level); }
        public static OptionRule call(int ratio, Strike s, double level) { return new OptionRule(true, ratio, s, level); }
    }

    /** The number of units opened at a roll (SOURCES.md, each index's published rule). */
    public enum Count {
        /**
         * Full collateral: the T-bills cover the largest settlement loss, N × strike × 100, and hold
         * the equity plus the premium received, so N = equity / (strike × 100 − premium).
         */
        STRIKE_COLLATERAL,
        /** Everything invested: N units of 100 shares with their options cost the whole equity. */
        INVESTED,
        /** One contract per 100 shares the equity buys (CLL's call beside its shares and put). */
        PER_100_SHARES,
        /** The T-bills cover benchmark.collateral_multiple × the spread's maximum loss (CNDR, BFLY). */
        MAX_LOSS_MULTIPLE
    }
}
