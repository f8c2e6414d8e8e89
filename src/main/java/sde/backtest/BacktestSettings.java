package sde.backtest;

import java.io.Serializable;

/** The backtest keys of conf/sde.yaml (docs/backtest.md). */
public record BacktestSettings(double startingCapital, int firstYear, int lastYear, int maxPositions, double maxRiskPct,
                               double maxBuyingPower, boolean compounding, double nakedPct, double nakedMinPct,
                               double shortShareRequirement, boolean cashInterest, double borrowSpread,
                               boolean earlyAssignment, Settlement expirySettlement, double morningFraction)
        implements Serializable {
    /**
     * The underlying price an expiring option settles at: SPY options are PM-settled at the close;
     * OPEN stands in for an AM-settled index option's Special Opening Quotation (SPX), which a
     * benchmark replica needs (docs/benchmarks.md).
     */
    public enum Settlement { CLOSE, OPEN }

    public BacktestSettings {
        if (expirySettlement == null) throw new IllegalArgumentException("backtest.expiry_settlement must be close or open");
        if (!(morningFraction >= 0
                && morningFraction <= 1)) throw new IllegalArgumentException("backtest.morning_fraction must be in [0, 1]");
        if (!(startingCapital > 0)) throw new IllegalArgumentException("backtest.starting_capital must be > 0");
        if (lastYear < firstYear) throw new IllegalArgumentException("backtest.last_year must be >= first_year");
        if (maxPositions < 1) throw new IllegalArgumentException("backtest.max_positions must be >= 1");
        if (!(maxRiskPct > 0)
                || !(maxBuyingPower > 0)) throw new IllegalArgumentException("backtest.max_risk_pct and max_buying_power must be > 0");
        if (!(borrowSpread >= 0 && borrowSpread < 1)) throw new IllegalArgumentException("backtest.borrow_spread must be in [0, 1)");
    }

    public BacktestSettings withYears(int first, int last) {
        return toBuilder().firstYear(first).lastYear(last).build();
    }

    /** A builder holding this record's values: set by name what changes, keep the rest (no positional copies). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Named setters for every component of {@link BacktestSettings}; {@link #build} checks them as the constructor does. */
    public static final class Builder {
        private double startingCapital;
        private int firstYear;
        private int lastYear;
        private int maxPositions;
        private double maxRiskPct;
        private double maxBuyingPower;
        private boolean compounding;
        private double nakedPct;
        private double nakedMinPct;
        private double shortShareRequirement;
        private boolean cashInterest;
        private double borrowSpread;
        private boolean earlyAssignment;
        private Settlement expirySettlement;
        private double morningFraction;

        private Builder(BacktestSettings r) {
            startingCapital = r.startingCapital();
            firstYear = r.firstYear();
            lastYear = r.lastYear();
            maxPositions = r.maxPositions();
            maxRiskPct = r.maxRiskPct();
            maxBuyingPower = r.maxBuyingPower();
            compounding = r.compounding();
            nakedPct = r.nakedPct();
            nakedMinPct = r.nakedMinPct();
            shortShareRequirement = r.shortShareRequirement();
            cashInterest = r.cashInterest();
            borrowSpread = r.borrowSpread();
            earlyAssignment = r.earlyAssignment();
            expirySettlement = r.expirySettlement();
            morningFraction = r.morningFraction();
        }

        public Builder startingCapital(double v) {
            startingCapital = v;
            return this;
        }

        public Builder firstYear(int v) {
            firstYear = v;
            return this;
        }

        public Builder lastYear(int v) {
            lastYear = v;
            return this;
        }

        public Builder maxPositions(int v) {
            maxPositions = v;
            return this;
        }

        public Builder maxRiskPct(double v) {
            maxRiskPct = v;
            return this;
        }

        public Builder maxBuyingPower(double v) {
            maxBuyingPower = v;
            return this;
        }

        public Builder compounding(boolean v) {
            compounding = v;
            return this;
        }

        public Builder nakedPct(double v) {
            nakedPct = v;
            return this;
        }

        public Builder nakedMinPct(double v) {
            nakedMinPct = v;
            return this;
        }

        public Builder shortShareRequirement(double v) {
            shortShareRequirement = v;
            return this;
        }

        public Builder cashInterest(boolean v) {
            cashInterest = v;
            return this;
        }

        public Builder borrowSpread(double v) {
            borrowSpread = v;
            return this;
        }

        public Builder earlyAssignment(boolean v) {
            earlyAssignment = v;
            return this;
        }

        public Builder expirySettlement(Settlement v) {
            expirySettlement = v;
            return this;
        }

        public Builder morningFraction(double v) {
            morningFraction = v;
            return this;
        }

        public BacktestSettings build() {
            return new BacktestSettings(startingCapital, firstYear, lastYear, maxPositions, maxRiskPct, maxBuyingPower, compounding,
                    nakedPct, nakedMinPct, shortShareRequirement, cashInterest, borrowSpread, earlyAssignment, expirySettlement,
                            morningFraction);
        }
    }
}
