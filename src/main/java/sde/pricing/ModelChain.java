package sde.pricing;

import sde.data.MarketData;
import sde.data.SeriesId;
import sde.data.Symbol;

import java.io.Serializable;

/**
 * The modeled chain: listed expiries and strikes only, BSM on the modeled surface for the mid,
 * the quote model for bid/ask. Time to expiry counts calendar days from the decision close to the
 * expiry close; on its expiry day an option is worth its intrinsic value.
 */
public final class ModelChain implements OptionChain, Serializable {
    private static final long serialVersionUID = 1L;
    private final MarketData md;
    private final VolSurface surface;
    private final QuoteModel quotes;
    private final ExpiryCalendar expiries;

    public ModelChain(MarketData md, VolSurface surface, QuoteModel quotes, ExpiryCalendar expiries) {
        this.md = md;
        this.surface = surface;
        this.quotes = quotes;
        this.expiries = expiries;
    }

    @Override
    public Quote quote(Symbol s, int i, int expiry, double strike, boolean call) {
        return quote(s, i, md.close(s, i), expiry, strike, call);
    }

    /** Day i's quote with the underlying at {@code spot} (the open, for an index emulation's morning roll). */
    public Quote quote(Symbol s, int i, double spot, int expiry, double strike, boolean call) {
        if (!expiries.isListed(s, md.day(i), expiry)) return null;
        double[] pd = new double[2];
        double iv = surface.price(s, i, md.day(i), spot, expiry, strike, call, pd);
        return quotes.quote(pd[0], md.value(SeriesId.VIX, i), iv, pd[1]);
    }

    /**
     * As {@link #quote(Symbol, int, double, int, double, boolean)} through a caller's Slices (one per run, never shared between threads).
     * 
     */
    public Quote quote(VolSurface.Slices slices, Symbol s, int i, double spot, int expiry, double strike, boolean call) {
        if (!expiries.isListed(s, md.day(i), expiry)) return null;
        double iv = surface.price(slices, s, i, md.day(i), spot, expiry, strike, call, slices.pd);
        return quotes.quote(slices.pd[0], md.value(SeriesId.VIX, i), iv, slices.pd[1]);
    }

    /** Day i's quote at the close, through a caller's Slices. */
    public Quote quote(VolSurface.Slices slices, Symbol s, int i, int expiry, double strike, boolean call) {
        return quote(slices, s, i, md.close(s, i), expiry, strike, call);
    }

    /**
     * Model mid into out[0] and delta into out[1] without listing checks or allocation (marking open
     * legs); returns the calendar-equivalent IV (what a broker screen shows).
     */
    public double price(Symbol s, int i, int expiry, double strike, boolean call, double[] out) {
        return surface.price(s, i, md.day(i), md.close(s, i), expiry, strike, call, out);
    }

    /**
     * As above, reusing the expiry-wide part of a price asked earlier through {@code slices} (one per run, never shared between threads).
     * 
     */
    public double price(VolSurface.Slices slices, Symbol s, int i, int expiry, double strike, boolean call, double[] out) {
        return surface.price(slices, s, i, md.day(i), md.close(s, i), expiry, strike, call, out);
    }

    public MarketData market() { return md; }

    public ExpiryCalendar expiries() { return expiries; }
}
