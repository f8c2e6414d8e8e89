package sde.pricing;

import sde.data.MarketData;

/** The pricing section of conf/sde.yaml, and the model chain built from it. */
public record PricingSettings(ListingSettings listing, SurfaceSettings surface, QuoteSettings quotes, FillSettings fills) implements java.io.Serializable {

    public ModelChain modelChain(MarketData md) {
        return new ModelChain(md, new VolSurface(new PricingInputs(md, surface), surface), new QuoteModel(quotes),
                new ExpiryCalendar(listing));
    }

    public FillModel fillModel() { return new FillModel(fills); }
}
