package sde.strategy;

import sde.param.ParamSpec;
import sde.param.Params;
import java.util.List;

/**
 * Position sizing shared by every strategy: fixed fractional (risk {@code risk_pct}
 * of the capital base per trade) or Kelly (full, half or quarter of f* = p − (1 − p)/b from this
 * strategy's closed trades, once it has {@code kelly_min_trades}; fixed before that), capped at
 * the fixed fraction's upper bound. Risk per unit is {@link PricedSignal#risk()}: the max loss, or the
 * buying-power requirement when the risk is undefined or the position is naked. Compounding is the capital base's business
 * (PortfolioView.capitalBase).
 */
public final class Sizing {
    public static final double MAX_FRACTION = 0.20;
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.choice("sizing", "fixed", "fixed", "kelly_full", "kelly_half", "kelly_quarter"),
            ParamSpec.dbl("risk_pct", 0.02, MAX_FRACTION, 0.05, 0.01),
            ParamSpec.integer("kelly_min_trades", 10, 200, 30));

    /**
     * For strategies whose risk per unit is a margin requirement (naked and cash-secured puts,
     * strangles): risk_pct is then the share of the capital base one position may tie up, and a
     * cash-secured put on SPY needs a strike × 100 of it, so the bound reaches 1.
     */
    public static final double MAX_MARGIN_FRACTION = 1.0;
    public static List<ParamSpec> marginSpecs(double dfltRiskPct) {
        return specs(0.02, MAX_MARGIN_FRACTION, dfltRiskPct, 0.01);
    }

    /** The sizing specs with other risk_pct bounds (a lottery ticket risks a fraction of a percent). */
    public static List<ParamSpec> specs(double lo, double hi, double dflt, double step) {
        return List.of(SPECS.get(0), ParamSpec.dbl("risk_pct", lo, hi, dflt, step), SPECS.get(2));
    }

    /** The sizing part of a strategy's parameters; {@code cap} bounds the fraction Kelly may reach. */
    public record Rule(Mode mode, double riskPct, int kellyMinTrades, double cap) {
        public static Rule of(Params p) {
            return new Rule(p.choice("sizing", Mode.class), p.dbl("risk_pct"), p.integer("kelly_min_trades"), MAX_FRACTION);
        }

        public static Rule ofMargin(Params p) {
            return new Rule(p.choice("sizing", Mode.class), p.dbl("risk_pct"), p.integer("kelly_min_trades"), MAX_MARGIN_FRACTION);
        }
    }

    /** The {@code sizing} choice: a fixed risk fraction, or Kelly's fraction scaled by {@link #kellyScale}. */
    public enum Mode {
        FIXED(0), KELLY_FULL(1.0), KELLY_HALF(0.5), KELLY_QUARTER(0.25);

        final double kellyScale;

        Mode(double kellyScale) {
            this.kellyScale = kellyScale;
        }
    }

    private Sizing() {}

    public static double fraction(PortfolioView pf, Rule r) {
        if (r.mode() == Mode.FIXED || pf.closedTrades() < r.kellyMinTrades()) return r.riskPct();
        int n = pf.closedTrades(), w = pf.wins();
        if (w == 0) return 0;
        if (w == n) return r.cap();
        double p = (double) w / n, b = (pf.sumWins() / w) / (-pf.sumLosses() / (n - w));
        double kelly = p - (1 - p) / b;
        return Math.max(0, Math.min(r.cap(), kelly * r.mode().kellyScale));
    }

    public static long units(PricedSignal s, PortfolioView pf, Rule r) {
        double riskPerUnit = s.risk();
        if (!(riskPerUnit > 0)) riskPerUnit = Math.max(s.requirement(), 1);
        double budget = pf.capitalBase() * fraction(pf, r);
        long units = whole(budget / riskPerUnit);
        if (s.requirement() > 0) units = Math.min(units, whole(pf.freeBuyingPower() / s.requirement()));
        return units;
    }

    /**
     * The whole units a budget buys: 0 for a negative or NaN budget. Counts are {@code long}: an
     * {@code int} cast saturated at 2,147,483,647 contracts once a compounding account grew large;
     * what the market can fill (SPEC §2 capacity, applied by the engine after sizing) is what bounds
     * an order, many orders of magnitude below where a {@code long} could saturate.
     */
    public static long whole(double units) {
        return units >= 1 ? (long) Math.floor(units) : 0;
    }
}
