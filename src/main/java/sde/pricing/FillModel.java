package sde.pricing;

import java.util.ArrayList;
import java.util.List;

/**
 * The one fill function (SPEC §2, issue 3 item 4). Every order of every strategy, opening or
 * closing, single or multi-leg, is priced here and nowhere else, so no path can skip slippage or
 * costs: buy at the ask plus slippage, sell at the bid minus slippage (never below zero), plus
 * commission and fees per contract. Expiry and assignment settle at intrinsic value.
 */
public final class FillModel {
    private final FillSettings s;

    public FillModel(FillSettings s) { this.s = s; }

    public Fill fill(Quote q, int contracts) {
        return fill(q, contracts, Fill.CONTRACT, s.commissionPerContract(), s.feesPerContract());
    }

    /** Shares at the close: bid/ask = close ∓ share_half_spread, through the same function as options. */
    public Fill fillShares(double close, int shares) {
        Quote q = new Quote(Math.max(0, close - s.shareHalfSpread()), close + s.shareHalfSpread(), close, Double.NaN, 1);
        return fill(q, shares, Fill.SHARE, s.shareCommission(), 0);
    }

    /** The one place a price is chosen: ask plus slippage to buy, bid minus slippage to sell. */
    private Fill fill(Quote q, int quantity, int multiplier, double commissionPerUnit, double feesPerUnit) {
        if (quantity == 0) throw new IllegalArgumentException("a fill needs a non-zero quantity");
        double price = quantity > 0 ? q.ask() + s.slippagePerShare() : Math.max(0, q.bid() - s.slippagePerShare());
        int n = Math.abs(quantity);
        return new Fill(quantity, price, n * commissionPerUnit, n * feesPerUnit, multiplier, quantity > 0 ? "buy" : "sell");
    }

    /** A multi-leg order priced leg by leg through {@link #fill}: each buy at its ask, each sell at its bid. */
    public List<Fill> fill(List<Quote> quotes, int[] contracts) {
        if (quotes.size() != contracts.length) throw new IllegalArgumentException("one contract count per leg");
        List<Fill> out = new ArrayList<>(quotes.size());
        for (int k = 0; k < contracts.length; k++) out.add(fill(quotes.get(k), contracts[k]));
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
