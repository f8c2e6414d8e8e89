package sde.pricing;

import sde.data.MarketData;

import java.io.Serializable;

/** The pricing section of conf/sde.yaml, and the model chain built from it. */
public record PricingSettings(ListingSettings listing, SurfaceSettings surface, QuoteSettings quotes, FillSettings fills,
                              LiquiditySettings liquidity) implements Serializable {

    public ModelChain modelChain(MarketData md) {
        return new ModelChain(md, new VolSurface(new PricingInputs(md, surface), surface), new QuoteModel(quotes),
                new ExpiryCalendar(listing));
    }

    public FillModel fillModel() { return new FillModel(fills, liquidity.impactCoefficient()); }

    /** These settings on the surface of a model-risk case (SurfaceSettings.model). */
    public PricingSettings model(Model m) {
        return m == Model.BASE ? this : new PricingSettings(listing, surface.model(m), quotes, fills, liquidity);
    }

    /** These settings with the ATM ratio scaled by {@code f} (the model band's grid). */
    public PricingSettings withAtmScale(double f) {
        SurfaceSettings s = surface;
        return new PricingSettings(listing, s.withShape(s.atmRatio() * f, s.atmVixPower(), s.atmTenorPower(), s.atmSkewPower(), s.putSkew(),
                s.putCurve(), s.callSkew(), s.callCurve()), quotes, fills, liquidity);
    }
}
