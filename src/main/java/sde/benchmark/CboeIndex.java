package sde.benchmark;

import sde.benchmark.Sleeve.Count;
import sde.benchmark.Sleeve.OptionRule;
import sde.benchmark.Sleeve.Strike;

import sde.data.Symbol;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The strategy benchmarks the engine replicates (SOURCES.md gives the published rules): the Cboe S&P 500
 * strategy indices on SPY, and two funds that run Cboe's BuyWrite rule on other markets, QYLD on QQQ
 * (Nasdaq-100) and RYLD on IWM (Russell 2000), net of their expense ratio. Each is one or more sleeves;
 * every fill goes through the engine's one fill function, the cash earns T-bills (SPEC §3) and share
 * legs receive their ETF's dividends.
 */
public enum CboeIndex {
    PUT("S&P 500 PutWrite: one-month ATM put, fully collateralized by T-bills",
            List.of(new Sleeve("put", false, List.of(OptionRule.put(-1, Strike.AT_OR_BELOW_SPOT, 1)), Cycle.MONTHLY,
                    Count.STRIKE_COLLATERAL))),
    BXM("S&P 500 BuyWrite: the index with dividends, one-month ATM call written against it",
            List.of(new Sleeve("buy_write", true, List.of(OptionRule.call(-1, Strike.AT_OR_ABOVE_SPOT, 1)), Cycle.MONTHLY,
                    Count.INVESTED))),
    BXMD("S&P 500 30-Delta BuyWrite: as BXM with a 30-delta call",
            List.of(new Sleeve("buy_write", true, List.of(OptionRule.call(-1, Strike.DELTA, 0.30)), Cycle.MONTHLY, Count.INVESTED))),
    WPUT("S&P 500 One-Week PutWrite: as PUT with one-week puts rolled every Friday",
            List.of(new Sleeve("put", false, List.of(OptionRule.put(-1, Strike.AT_OR_BELOW_SPOT, 1)), Cycle.WEEKLY,
                    Count.STRIKE_COLLATERAL))),
    CNDR("S&P 500 Iron Condor: short 20-delta put and call, long 5-delta put and call, one month, over T-bills",
            List.of(new Sleeve("condor", false, List.of(OptionRule.put(1, Strike.DELTA, -0.05), OptionRule.put(-1, Strike.DELTA, -0.20),
                    OptionRule.call(-1, Strike.DELTA, 0.20), OptionRule.call(1, Strike.DELTA, 0.05)), Cycle.MONTHLY,
                    Count.MAX_LOSS_MULTIPLE))),
    BFLY("S&P 500 Iron Butterfly: short ATM straddle, long 5 % OTM put and call, one month, over T-bills",
            List.of(new Sleeve("butterfly", false, List.of(OptionRule.put(1, Strike.MONEYNESS, 0.95), OptionRule.put(-1, Strike.MONEYNESS,
                    1),
                    OptionRule.call(-1, Strike.MONEYNESS, 1), OptionRule.call(1, Strike.MONEYNESS, 1.05)), Cycle.MONTHLY,
                    Count.MAX_LOSS_MULTIPLE))),
    PPUT("S&P 500 5 % Put Protection: the index with dividends and a long one-month 5 % OTM put",
            List.of(new Sleeve("protected", true, List.of(OptionRule.put(1, Strike.MONEYNESS, 0.95)), Cycle.MONTHLY, Count.INVESTED))),
    CLL("S&P 500 95-110 Collar: the index, a long quarterly 95 % put and a short one-month 110 % call",
            List.of(new Sleeve("collar_put", true, List.of(OptionRule.put(1, Strike.MONEYNESS, 0.95)), Cycle.QUARTERLY, Count.INVESTED),
                    new Sleeve("collar_call", false, List.of(OptionRule.call(-1, Strike.MONEYNESS, 1.10)), Cycle.MONTHLY,
                            Count.PER_100_SHARES))),
    QYLD("Global X NASDAQ 100 Covered Call ETF on QQQ: the whole portfolio, one-month ATM call written against it, 0.60 %/yr",
            List.of(new Sleeve("buy_write", true, List.of(OptionRule.call(-1, Strike.AT_OR_ABOVE_SPOT, 1)), Cycle.MONTHLY, Count.INVESTED,
                    Symbol.QQQ)), 0.60),
    RYLD("Global X Russell 2000 Covered Call ETF on IWM: the whole portfolio, one-month ATM call written against it, 0.60 %/yr",
            List.of(new Sleeve("buy_write", true, List.of(OptionRule.call(-1, Strike.AT_OR_ABOVE_SPOT, 1)), Cycle.MONTHLY, Count.INVESTED,
                    Symbol.IWM)), 0.60);

    private final String description;
    private final List<Sleeve> sleeves;
    private final double feePctPerYear;

    CboeIndex(String description, List<Sleeve> sleeves) {
        this(description, sleeves, 0);
    }

    CboeIndex(String description, List<Sleeve> sleeves, double feePctPerYear) {
        this.description = description;
        this.sleeves = sleeves;
        this.feePctPerYear = feePctPerYear;
    }

    public String description() { return description; }

    public List<Sleeve> sleeves() { return sleeves; }

    /** A fund's expense ratio, % a year, accrued daily on its assets (0 for an index). */
    public double feePctPerYear() { return feePctPerYear; }

    /** The underlying its sleeves trade. */
    public Symbol symbol() { return sleeves.get(0).symbol(); }

    /** Whether {@code name} is an index replicated here (the manifest also lists benchmarks of other markets). */
    public static boolean known(String name) {
        for (CboeIndex i : values()) if (i.name().equalsIgnoreCase(name.strip())) return true;
        return false;
    }

    /**
     * The benchmarks of {@code all} replicated here on {@code symbol}, in their order: SPY's surface is fitted, and
     * its band read, on the S&P 500 indices; QQQ's and IWM's on the QYLD and RYLD funds.
     */
    public static <V> Map<String, V> replicated(Map<String, V> all, Symbol symbol) {
        Map<String, V> out = new LinkedHashMap<>();
        all.forEach((k, v) -> { if (known(k) && parse(k).symbol() == symbol) out.put(k, v); });
        return out;
    }

    /** The index of a name, case-insensitive; an unknown name is an error that lists the known ones. */
    public static CboeIndex parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("benchmark index '" + name + "': unknown; known: " + Arrays.toString(values()));
        }
    }
}
