package sde.pricing;

import sde.data.Symbol;

/**
 * One real option quote (canonical layout, docs/pricing.md): a mid-only source has bid and ask NaN.
 * {@code underlying} is NaN where the source does not state the spot at quote time.
 */
public record OptionRow(int quoteDate, Symbol symbol, double underlying, int expiry, double strike, boolean call,
                        double bid, double ask, double mid, String source) {
    public boolean hasBidAsk() { return !Double.isNaN(bid) && !Double.isNaN(ask); }

    public int dte() { return expiry - quoteDate; }
}
