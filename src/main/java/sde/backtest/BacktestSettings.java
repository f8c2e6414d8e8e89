package sde.backtest;

/** The backtest keys of conf/sde.yaml (docs/backtest.md). */
public record BacktestSettings(double startingCapital, int firstYear, int lastYear, int maxPositions, double maxRiskPct,
                               double maxBuyingPower, boolean compounding, double nakedPct, double nakedMinPct,
                               double shortShareRequirement, boolean cashInterest, double borrowSpread,
                               boolean earlyAssignment, Settlement expirySettlement, double morningFraction)
        implements java.io.Serializable {
    /**
     * The underlying price an expiring option settles at: SPY options are PM-settled at the close;
     * OPEN stands in for an AM-settled index option's Special Opening Quotation (SPX), which a
     * benchmark replica needs (docs/benchmarks.md).
     */
    public enum Settlement { CLOSE, OPEN }

    public BacktestSettings {
        if (expirySettlement == null) throw new IllegalArgumentException("backtest.expiry_settlement must be close or open");
        if (!(morningFraction >= 0 && morningFraction <= 1)) throw new IllegalArgumentException("backtest.morning_fraction must be in [0, 1]");
        if (!(startingCapital > 0)) throw new IllegalArgumentException("backtest.starting_capital must be > 0");
        if (lastYear < firstYear) throw new IllegalArgumentException("backtest.last_year must be >= first_year");
        if (maxPositions < 1) throw new IllegalArgumentException("backtest.max_positions must be >= 1");
        if (!(maxRiskPct > 0) || !(maxBuyingPower > 0)) throw new IllegalArgumentException("backtest.max_risk_pct and max_buying_power must be > 0");
        if (!(borrowSpread >= 0 && borrowSpread < 1)) throw new IllegalArgumentException("backtest.borrow_spread must be in [0, 1)");
    }

    public BacktestSettings withYears(int first, int last) {
        return new BacktestSettings(startingCapital, first, last, maxPositions, maxRiskPct, maxBuyingPower, compounding, nakedPct,
                nakedMinPct, shortShareRequirement, cashInterest, borrowSpread, earlyAssignment,
                expirySettlement, morningFraction);
    }
}
