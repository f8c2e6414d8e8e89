package sde.pricing;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The `pricing` listing keys of conf/sde.yaml: expiry eras and horizons, strike grids. */
public record ListingSettings(Map<String, Map<String, String>> weeklyListing, Map<String, Integer> weeklyHorizonDays,
                              int monthlyHorizonDays, int quarterlyHorizonDays, int leapsHorizonDays,
                              Map<String, List<StrikeBand>> strikes) implements Serializable {

    /** Strikes every {@code step} dollars within {@code within} (fraction of spot) of the spot. */
    public record StrikeBand(double within, double step) implements Serializable {}
}
