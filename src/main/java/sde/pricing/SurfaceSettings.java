package sde.pricing;

import java.util.Map;

/** The pricing.surface keys of conf/sde.yaml; see there for meanings. */
public record SurfaceSettings(double atmRatio, double putSkew, double putCurve, double callSkew, double callCurve,
                              double multiplierFloor, double multiplierCap, double ivFloor, double ivCap,
                              int ratioWindowDays, double ratioFloor, double ratioCap, Map<String, Double> defaultRatio,
                              int dividendWindowDays) {
    public SurfaceSettings {
        if (!(atmRatio > 0)) throw new IllegalArgumentException("pricing.surface.atm_ratio must be > 0");
        if (!(multiplierFloor > 0 && multiplierFloor <= 1 && multiplierCap >= 1)) {
            throw new IllegalArgumentException("pricing.surface.multiplier_floor must be in (0,1] and multiplier_cap >= 1");
        }
        if (!(ivFloor > 0 && ivCap > ivFloor)) throw new IllegalArgumentException("pricing.surface: need 0 < iv_floor < iv_cap");
        if (ratioWindowDays < 5) throw new IllegalArgumentException("pricing.surface.ratio_window_days must be >= 5");
        if (!(ratioFloor > 0 && ratioCap > ratioFloor)) throw new IllegalArgumentException("pricing.surface: need 0 < ratio_floor < ratio_cap");
        if (dividendWindowDays < 1) throw new IllegalArgumentException("pricing.surface.dividend_window_days must be >= 1");
    }

    public SurfaceSettings with(double atmRatio, double putSkew, double callSkew) {
        return new SurfaceSettings(atmRatio, putSkew, putCurve, callSkew, callCurve, multiplierFloor, multiplierCap, ivFloor,
                ivCap, ratioWindowDays, ratioFloor, ratioCap, defaultRatio, dividendWindowDays);
    }
}
