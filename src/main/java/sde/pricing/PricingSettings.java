package sde.pricing;

import sde.data.MarketData;

import com.fasterxml.jackson.databind.SerializationFeature;
import sde.io.Json;

import java.io.Serializable;
import java.security.MessageDigest;
import java.util.HexFormat;

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

    /**
     * SPEC §4, §6: a fingerprint of the model that prices a run, the first 12 hex digits of the SHA-256 of these
     * settings as JSON with sorted keys (surface, levels, bands, quotes, fills, listing, capacity). A row's id and a
     * study's state carry it, so rows priced by two models never share an id or a study.
     */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(Json.MAPPER.valueToTree(this)));
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (Exception e) {
            throw new IllegalStateException("pricing fingerprint: " + e.getMessage(), e);
        }
    }
}
