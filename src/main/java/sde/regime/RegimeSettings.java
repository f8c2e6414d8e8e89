package sde.regime;

import sde.data.Symbol;
import sde.param.ParamSpec;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The regime keys of conf/sde.yaml; also a parameter space, so a study can search the thresholds. */
public record RegimeSettings(String symbol, int trendWindow, double trendBand, int declineWindow, double crashDecline,
                             double crashVix, double highVolVix, double bearVixMin, double bullVixMax, double lowVolVix,
                             int minDays) implements Serializable {
    public RegimeSettings {
        Symbol.parse(symbol);
        if (trendWindow < 2 || declineWindow < 2 || minDays < 1) {
            throw new IllegalArgumentException("regime: trend_window and decline_window must be >= 2, min_days >= 1");
        }
        if (!(trendBand >= 0) || !(crashDecline > 0 && crashDecline < 1)) {
            throw new IllegalArgumentException("regime: trend_band >= 0 and crash_decline in (0, 1)");
        }
        if (!(crashVix >= highVolVix && highVolVix >= bearVixMin && bullVixMax >= lowVolVix && lowVolVix > 0)) {
            throw new IllegalArgumentException("regime: need crash_vix >= high_vol_vix >= bear_vix_min and bull_vix_max >= low_vol_vix "
                    + "> 0");
        }
    }

    /** The searchable thresholds with their bounds (names as in conf). */
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer("trend_window", 10, 200, 50),
            ParamSpec.dbl("trend_band", 0.0, 0.10, 0.02, 0.005),
            ParamSpec.integer("decline_window", 3, 30, 10),
            ParamSpec.dbl("crash_decline", 0.03, 0.30, 0.10, 0.01),
            ParamSpec.dbl("crash_vix", 25, 80, 40, 1),
            ParamSpec.dbl("high_vol_vix", 20, 60, 30, 1),
            ParamSpec.dbl("bear_vix_min", 15, 40, 25, 1),
            ParamSpec.dbl("bull_vix_max", 12, 35, 20, 1),
            ParamSpec.dbl("low_vol_vix", 9, 25, 15, 1),
            ParamSpec.integer("min_days", 1, 20, 3));

    /**
     * These settings with some thresholds replaced (a study's decoded genes). Values that would be
     * out of order are repaired into order (high vol ≥ bear, crash ≥ high vol, bull ≥ low vol): a
     * searched combination is then always a valid classifier instead of a failed evaluation.
     */
    public RegimeSettings with(Map<String, ? extends Number> v) {
        double bear = num(v, "bear_vix_min", bearVixMin);
        double high = Math.max(num(v, "high_vol_vix", highVolVix), bear);
        double crash = Math.max(num(v, "crash_vix", crashVix), high);
        double low = num(v, "low_vol_vix", lowVolVix);
        double bull = Math.max(num(v, "bull_vix_max", bullVixMax), low);
        return new RegimeSettings(symbol,
                whole(v, "trend_window", trendWindow), num(v, "trend_band", trendBand),
                whole(v, "decline_window", declineWindow), num(v, "crash_decline", crashDecline),
                crash, high, bear, bull, low, whole(v, "min_days", minDays));
    }

    /** The searchable thresholds' values by their names in {@link #SPECS}. */
    public Map<String, Double> thresholds() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("trend_window", (double) trendWindow);
        out.put("trend_band", trendBand);
        out.put("decline_window", (double) declineWindow);
        out.put("crash_decline", crashDecline);
        out.put("crash_vix", crashVix);
        out.put("high_vol_vix", highVolVix);
        out.put("bear_vix_min", bearVixMin);
        out.put("bull_vix_max", bullVixMax);
        out.put("low_vol_vix", lowVolVix);
        out.put("min_days", (double) minDays);
        return out;
    }

    private static double num(Map<String, ? extends Number> v, String k, double d) {
        Number x = v.get(k);
        return x == null ? d : x.doubleValue();
    }

    private static int whole(Map<String, ? extends Number> v, String k, int d) {
        Number x = v.get(k);
        return x == null ? d : x.intValue();
    }
}
