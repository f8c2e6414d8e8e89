package sde.pricing;

import sde.data.MarketData;
import sde.data.Symbol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real quotes behind the same {@link OptionChain} interface as the model: a
 * contract that is not in the data has no quote (null), exactly as an unlisted one in the model.
 * IV and delta are recomputed from the mid with the engine's rate and dividend yield (vendor
 * values are unreliable); a mid-only source gives bid = ask = mid.
 */
public final class HistoricalChain implements OptionChain {
    private record Key(int day, Symbol symbol, int expiry, double strike, boolean call) {}

    private final MarketData md;
    private final Map<Key, Quote> quotes = new HashMap<>();

    public HistoricalChain(MarketData md, PricingInputs in, List<OptionRow> rows) {
        this.md = md;
        for (OptionRow r : rows) {
            int i = md.indexOf(r.quoteDate());
            if (i < 0 || r.expiry() < r.quoteDate()) continue;
            double mid = r.hasBidAsk() ? (r.bid() + r.ask()) / 2 : r.mid();
            double bid = r.hasBidAsk() ? r.bid() : mid, ask = r.hasBidAsk() ? r.ask() : mid;
            if (!(bid >= 0 && ask >= bid)) continue;
            double spot = Double.isNaN(r.underlying()) ? md.close(r.symbol(), i) : r.underlying();
            double t = r.dte() / 365.0, rate = in.rate(i), q = in.divYield(r.symbol(), i);
            double iv = t > 0 ? BlackScholes.impliedVol(r.call(), mid, spot, r.strike(), t, rate, q) : Double.NaN;
            double delta = Double.isNaN(iv) ? Double.NaN : BlackScholes.delta(r.call(), spot, r.strike(), t, rate, q, iv);
            quotes.put(new Key(r.quoteDate(), r.symbol(), r.expiry(), r.strike(), r.call()), new Quote(bid, ask, mid, iv, delta));
        }
    }

    @Override
    public Quote quote(Symbol s, int i, int expiry, double strike, boolean call) {
        return quotes.get(new Key(md.day(i), s, expiry, strike, call));
    }

    public int size() { return quotes.size(); }
}
