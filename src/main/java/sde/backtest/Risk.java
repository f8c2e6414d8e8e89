package sde.backtest;

import sde.data.MarketData;
import sde.strategy.Leg;

import java.util.List;

/**
 * Max loss and buying power of a position per unit (docs/backtest.md, "Buying power").
 * <ul>
 *   <li>Max loss: the worst of entry cash + payoff at the first expiry over every price (the payoff
 *       is piecewise linear, so the strikes, 0 and the slope beyond the top strike decide it; longer
 *       legs count at intrinsic value only, which overstates a calendar's risk). A net short slope
 *       above the top strike (more short calls and shares than long) is undefined risk: Infinity.</li>
 *   <li>Requirement (Reg-T-like): defined risk ties up its max loss, except naked short options
 *       (no long leg beside them), which follow the naked rule even where the loss is bounded; long shares their full value
 *       (no margin); short shares short_share_requirement × value; each uncovered short option
 *       max(naked_pct × spot − OTM amount, naked_min_pct × (spot for calls, strike for puts)) × 100
 *       plus the premium received.</li>
 * </ul>
 */
final class Risk {
    private Risk() {}

    static double maxLoss(List<Leg> legs, double entryCash) {
        double slopeUp = 0;
        double top = 0;
        for (Leg l : legs) {
            if (l.isShares()) slopeUp += l.ratio();
            else if (l.call()) slopeUp += l.ratio() * 100.0;
            top = Math.max(top, l.strike());
        }
        if (slopeUp < 0) return Double.POSITIVE_INFINITY;
        double worst = payoff(legs, 0, entryCash);
        for (Leg l : legs) if (!l.isShares()) worst = Math.min(worst, payoff(legs, l.strike(), entryCash));
        return Math.max(0, -worst);
    }

    /** Entry cash plus the value of the legs if the underlying stands at {@code s} at expiry. */
    private static double payoff(List<Leg> legs, double s, double entryCash) {
        double v = entryCash;
        for (Leg l : legs) {
            if (l.isShares()) v += l.ratio() * s;
            else v += l.ratio() * 100.0 * Math.max(0, l.call() ? s - l.strike() : l.strike() - s);
        }
        return v;
    }

    /**
     * Naked: short options with no long option or share leg beside them (a short put or strangle).
     * A short put's loss is bounded by its strike, but a broker margins it by the naked rule and a
     * trader sizes it by that margin, so its requirement and its risk are the naked requirement.
     */
    static boolean naked(List<Leg> legs) {
        boolean shortOption = false;
        for (Leg l : legs) {
            if (l.isShares() || l.ratio() > 0) return false;
            shortOption = true;
        }
        return shortOption;
    }

    /** What the risk limit and sizing count per unit: max loss, or the requirement when undefined or naked. */
    static double risk(List<Leg> legs, double maxLoss, double requirement) {
        return Double.isFinite(maxLoss) && !naked(legs) ? maxLoss : requirement;
    }

    /**
     * The Reg-T-like maintenance requirement of an open position at day t's close (SPEC §3: margin is
     * a daily fact; docs/backtest.md), from its open legs, their marks ({@code legMid}, per share)
     * and the close:
     * <ul>
     *   <li>shares: long at their value, short at short_share_requirement × value, at today's close;
     *       the options of a position with shares add nothing, and shares under a covered call count
     *       at no more than its strike, which is all they can be called away at (Reg-T); the engine's
     *       strategies never write more calls than the shares cover;</li>
     *   <li>no short option left open: nothing beyond the shares;</li>
     *   <li>naked short options (no long option beside them): each short leg's mark plus
     *       max(naked_pct × spot − OTM amount, naked_min_pct × (spot for calls, strike for puts)), per
     *       share × 100; with both puts and calls short (a strangle), the greater side plus the other
     *       side's mark; never under {@code floor} (a cash-secured put's strikes);</li>
     *   <li>defined risk (spreads, condors, butterflies): their max loss, which the widths fix;</li>
     *   <li>anything else (short legs beside longs of other expiries): the entry requirement.</li>
     * </ul>
     */
    static double maintenance(List<Leg> legs, boolean[] open, double[] legMid, int units, double entryRequirement, double floor,
                              double maxLoss, MarketData md, int t, BacktestSettings b) {
        // Which rule applies depends only on which legs are open: spreads and condors, most of what
        // is open on most days, need no price (the daily margin pass asks this of every position).
        boolean anyShares = false, anyLong = false, anyShort = false;
        for (int k = 0; k < legs.size(); k++) {
            if (!open[k]) continue;
            Leg l = legs.get(k);
            if (l.isShares()) anyShares = true;
            else if (l.ratio() > 0) anyLong = true;
            else anyShort = true;
        }
        if (!anyShares && !anyShort) return 0;
        if (!anyShares && anyLong) return Double.isFinite(maxLoss) ? maxLoss : entryRequirement;
        double shares = 0, putSide = 0, callSide = 0, putPremium = 0, callPremium = 0, calledAway = 0;
        for (int k = 0; k < legs.size(); k++) {
            if (!open[k]) continue;
            Leg l = legs.get(k);
            if (l.isShares()) {
                double value = Math.abs(l.ratio()) * units * md.close(l.symbol(), t);
                shares += l.ratio() > 0 ? value : b.shortShareRequirement() * value;
                continue;
            }
            if (l.ratio() > 0) continue;
            double spot = md.close(l.symbol(), t), n = -l.ratio() * units * 100.0;
            if (l.call()) calledAway += n * Math.max(0, spot - l.strike());
            double otm = Math.max(0, l.call() ? l.strike() - spot : spot - l.strike());
            double naked = Math.max(b.nakedPct() * spot - otm, b.nakedMinPct() * (l.call() ? spot : l.strike()));
            if (l.call()) { callSide += n * (legMid[k] + naked); callPremium += n * legMid[k]; }
            else { putSide += n * (legMid[k] + naked); putPremium += n * legMid[k]; }
        }
        if (anyShares) return Math.max(0, shares - calledAway);
        double r = putSide > 0 && callSide > 0 ? Math.max(putSide + callPremium, callSide + putPremium) : putSide + callSide;
        return Math.max(floor, r);
    }

    static double requirement(List<Leg> legs, double entryCash, double maxLoss, MarketData md, int t, BacktestSettings b) {
        boolean sharesOnly = true;
        for (int k = 0; k < legs.size(); k++) sharesOnly &= legs.get(k).isShares();
        if (sharesOnly) {
            double r = 0;
            for (Leg l : legs) {
                double value = Math.abs(l.ratio()) * md.close(l.symbol(), t);
                r += l.ratio() > 0 ? value : b.shortShareRequirement() * value;
            }
            return r;
        }
        if (Double.isFinite(maxLoss) && !naked(legs)) {
            double shares = 0;
            for (Leg l : legs) if (l.isShares() && l.ratio() > 0) shares += l.ratio() * md.close(l.symbol(), t);
            return Math.max(maxLoss, shares);
        }
        double r = Math.max(0, entryCash);
        for (Leg l : legs) {
            if (l.isShares() || l.ratio() > 0) continue;
            double spot = md.close(l.symbol(), t);
            double otm = Math.max(0, l.call() ? l.strike() - spot : spot - l.strike());
            r += -l.ratio() * 100 * Math.max(b.nakedPct() * spot - otm, b.nakedMinPct() * (l.call() ? spot : l.strike()));
        }
        return r;
    }
}
