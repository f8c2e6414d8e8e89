package sde.pricing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The one fill function (SPEC §2). Every order of every strategy, opening or
 * closing, single or multi-leg, is priced here and nowhere else, so no path can skip slippage or
 * costs: a single leg buys at the ask plus slippage and sells at the bid minus slippage (never
 * below zero), plus commission and fees per contract. A multi-leg order fills as one order:
 * at its net mid ± combo_spread_share × the legs' summed half-spreads, with the order's
 * slippage paid once (docs/pricing.md has the evidence from the real quotes). Expiry and assignment
 * settle at intrinsic value.
 */
public final class FillModel implements Serializable {
    private static final long serialVersionUID = 1L;
    private final FillSettings s;
    private final double impactCoefficient;

    /** Fills without market impact (a test's, or an emulation at the quote). */
    public FillModel(FillSettings s) {
        this(s, 0);
    }

    /** Fills that pay SPEC §2's square-root impact with this coefficient beyond the half-spread. */
    public FillModel(FillSettings s, double impactCoefficient) {
        if (!(impactCoefficient >= 0)) throw new IllegalArgumentException("impact coefficient must be >= 0, got " + impactCoefficient);
        this.s = s;
        this.impactCoefficient = impactCoefficient;
    }

    /** A single option leg too small to move the market (no volume known): at the quote. */
    public Fill fill(Quote q, int contracts) {
        return fill(q, contracts, Double.POSITIVE_INFINITY);
    }

    /** A single option leg whose contract trades {@code dailyVolume} contracts a day (modeled): at the quote plus impact. */
    public Fill fill(Quote q, int contracts, double dailyVolume) {
        return fill(q, contracts, Fill.CONTRACT, s.commissionPerContract(), s.feesPerContract(), dailyVolume);
    }

    /** Shares at the close: bid/ask = close ∓ share_half_spread, through the same function as options. */
    public Fill fillShares(double close, int shares) {
        return fillShares(close, shares, Double.POSITIVE_INFINITY);
    }

    /** Shares at the close, {@code dailyVolume} shares traded that day. */
    public Fill fillShares(double close, int shares, double dailyVolume) {
        return fill(shareQuote(close), shares, Fill.SHARE, s.shareCommission(), 0, dailyVolume);
    }

    /**
     * SPEC §2's square-root market impact per share: coefficient × half-spread × √(quantity / daily
     * volume), paid beyond the half-spread (0 for an unknown, infinite volume; a volume under one is
     * taken as one, so a fill never divides by zero).
     */
    public double impact(Quote q, int quantity, double dailyVolume) {
        if (impactCoefficient == 0 || dailyVolume == Double.POSITIVE_INFINITY) return 0;
        return impactCoefficient * (q.ask() - q.bid()) / 2 * Math.sqrt(Math.abs((double) quantity) / Math.max(1, dailyVolume));
    }

    /** The quote shares trade at: close ∓ share_half_spread. */
    public Quote shareQuote(double close) {
        return new Quote(Math.max(0, close - s.shareHalfSpread()), close + s.shareHalfSpread(), close, Double.NaN, 1);
    }

    /**
     * One leg of a multi-leg order that fills as one: the leg books its mid ± combo_spread_share ×
     * its half-spread, so the order's net is the net mid ± that share of the summed half-spreads; the
     * order's slippage is paid once, on its first leg. Commissions and fees stay per contract (and per
     * share), as brokers charge them. {@code share} marks a share leg (multiplier 1, share commission).
     */
    public Fill comboLeg(Quote q, int quantity, boolean first, boolean share) {
        return comboLeg(q, quantity, first, share, Double.POSITIVE_INFINITY);
    }

    /** As {@link #comboLeg(Quote, int, boolean, boolean)}, the leg's contract (or share) trading {@code dailyVolume} a day: plus impact. */
    public Fill comboLeg(Quote q, int quantity, boolean first, boolean share, double dailyVolume) {
        if (quantity == 0) throw new IllegalArgumentException("a fill needs a non-zero quantity");
        double half = s.comboSpreadShare() * (q.ask() - q.bid()) / 2 + impact(q, quantity, dailyVolume);
        double slip = first ? s.slippagePerShare() : 0;
        double price = quantity > 0 ? q.mid() + half + slip : Math.max(0, q.mid() - half - slip);
        int n = Math.abs(quantity);
        return share ? new Fill(quantity, price, n * s.shareCommission(), 0, Fill.SHARE, quantity > 0 ? "buy" : "sell")
                : new Fill(quantity, price, n * s.commissionPerContract(), n * s.feesPerContract(), Fill.CONTRACT,
                        quantity > 0 ? "buy" : "sell");
    }

    /** The one place a price is chosen: ask plus slippage and impact to buy, bid minus them to sell. */
    private Fill fill(Quote q, int quantity, int multiplier, double commissionPerUnit, double feesPerUnit, double dailyVolume) {
        if (quantity == 0) throw new IllegalArgumentException("a fill needs a non-zero quantity");
        double cost = s.slippagePerShare() + impact(q, quantity, dailyVolume);
        double price = quantity > 0 ? q.ask() + cost : Math.max(0, q.bid() - cost);
        int n = Math.abs(quantity);
        return new Fill(quantity, price, n * commissionPerUnit, n * feesPerUnit, multiplier, quantity > 0 ? "buy" : "sell");
    }

    /** A multi-leg option order as one order ({@link #comboLeg}); a single leg as {@link #fill(Quote, int)}. */
    public List<Fill> fill(List<Quote> quotes, int[] contracts) {
        if (quotes.size() != contracts.length) throw new IllegalArgumentException("one contract count per leg");
        List<Fill> out = new ArrayList<>(quotes.size());
        if (contracts.length == 1) {
            out.add(fill(quotes.get(0), contracts[0]));
            return out;
        }
        for (int k = 0; k < contracts.length; k++) out.add(comboLeg(quotes.get(k), contracts[k], k == 0, false));
        return out;
    }

    /**
     * Settlement at intrinsic value (expiry close, or assignment): closes {@code contracts} (the
     * position's signed size) with the opposite trade at intrinsic, no spread, the assignment fee.
     */
    public Fill settle(boolean call, double strike, double spot, int contracts, String reason) {
        double intrinsic = Math.max(0, call ? spot - strike : strike - spot);
        double fee = intrinsic > 0 ? Math.abs(contracts) * s.assignmentFee() : 0;
        return new Fill(-contracts, intrinsic, 0, fee, Fill.CONTRACT, reason);
    }

    public FillSettings settings() { return s; }
}
