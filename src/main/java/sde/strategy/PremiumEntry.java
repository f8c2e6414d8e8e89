package sde.strategy;

import sde.param.ParamSpec;
import sde.param.Params;
import sde.data.SeriesId;
import sde.data.Symbol;

import java.util.List;

/**
 * Entry settings shared by the premium-selling strategies: which expiry and strikes, how often,
 * how many at once, and when not to enter.
 */
public record PremiumEntry(Symbol symbol, int dte, int dteWindow, double shortDelta, double width, double minCreditPct,
                           int entryEvery, int maxPositions, double vixMax) {
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.choice("symbol", "SPY", "SPY", "QQQ", "IWM"),
            ParamSpec.integer("dte", 7, 90, 35),
            ParamSpec.integer("dte_window", 2, 20, 10),
            ParamSpec.dbl("short_delta", 0.05, 0.45, 0.20, 0.01),
            ParamSpec.dbl("width", 1, 25, 5, 1),
            ParamSpec.dbl("min_credit_pct", 0.02, 0.5, 0.10, 0.01),
            ParamSpec.integer("entry_every", 1, 30, 5),
            ParamSpec.integer("max_positions", 1, 20, 4),
            ParamSpec.dbl("vix_max", 10, 100, 100, 1));

    /** The shared specs less those a strategy has no use for (an ATM butterfly has no short delta). */
    public static List<ParamSpec> specsWithout(String... names) {
        List<String> drop = List.of(names);
        return SPECS.stream().filter(s -> !drop.contains(s.name())).toList();
    }

    /** Undeclared entries read NaN (width, delta), 0 (minimum credit) or no VIX ceiling: the strategy does not use them. */
    public static PremiumEntry of(Params p) {
        return new PremiumEntry(Symbol.parse(p.text("symbol")), p.integer("dte"), p.integer("dte_window"), p.dbl("short_delta", Double.NaN),
                p.dbl("width", Double.NaN), p.dbl("min_credit_pct", 0), p.integer("entry_every"), p.integer("max_positions"),
                p.dbl("vix_max", Double.POSITIVE_INFINITY));
    }

    /** Entry days come every entry_every sessions and only below vix_max: no pricing work on other days. */
    public boolean entryDay(MarketView v) {
        return v.available() % entryEvery == 0 && !(v.value(SeriesId.VIX, 0) > vixMax);
    }

    /** The expiry to open a position on today: -1 when today is no entry day or nothing suitable is listed. */
    public int openExpiry(MarketView v) {
        return entryDay(v) ? expiry(v) : -1;
    }

    /** The listed expiry for a new position, or -1. */
    public int expiry(MarketView v) {
        return v.expiry(symbol, dte, Math.max(1, dte - dteWindow), dte + dteWindow);
    }

    /** Short and long strike of a vertical on one side, or null when the grid cannot make it. */
    public double[] vertical(MarketView v, int expiry, boolean call) {
        double shortK = v.strikeForDelta(symbol, expiry, call, call ? shortDelta : -shortDelta);
        double longK = v.strike(symbol, call ? shortK + width : shortK - width);
        if (call ? longK <= shortK : longK >= shortK) return null;
        return new double[]{shortK, longK};
    }

    public boolean enoughCredit(PricedSignal s, double widthDollars) {
        return s.entryCash() >= minCreditPct * widthDollars * 100;
    }

    /**
     * Units of a credit position whose first two legs form a vertical (spreads, condors, flies):
     * none without room or with too little credit for the width, else the sizing rule's.
     */
    public long unitsOfCredit(PricedSignal s, PortfolioView pf, Sizing.Rule rule) {
        double width = Math.abs(s.signal().legs().get(0).strike() - s.signal().legs().get(1).strike());
        if (!roomFor(pf) || !enoughCredit(s, width)) return 0;
        return Sizing.units(s, pf, rule);
    }

    public boolean roomFor(PortfolioView pf) {
        return pf.openPositions() < maxPositions;
    }
}
