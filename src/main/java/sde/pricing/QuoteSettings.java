package sde.pricing;

import java.io.Serializable;

/** The pricing.quotes keys of conf/sde.yaml. */
public record QuoteSettings(double tick, double spreadBase, double spreadPct, double spreadMaxPct, double volRef,
        double volPower) implements Serializable {
    public QuoteSettings {
        if (!(tick > 0)) throw new IllegalArgumentException("pricing.quotes.tick must be > 0");
        if (!(spreadBase >= 0 && spreadPct >= 0 && spreadMaxPct > 0)) {
            throw new IllegalArgumentException("pricing.quotes: spread_base and spread_pct must be >= 0, spread_max_pct > 0");
        }
        if (!(volRef > 0) || !(volPower >= 0)) throw new IllegalArgumentException("pricing.quotes: vol_ref > 0 and vol_power >= 0");
    }
}
