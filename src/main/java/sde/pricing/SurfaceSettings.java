package sde.pricing;

import java.util.Map;

/** The pricing.surface keys of conf/sde.yaml; see there for meanings. */
public record SurfaceSettings(double atmRatio, double putSkew, double putCurve, double callSkew, double callCurve,
                              double multiplierFloor, double multiplierCap, double ivFloor, double ivCap,
                              int ratioWindowDays, double ratioFloor, double ratioCap, Map<String, Double> defaultRatio,
                              int dividendWindowDays, double nonSessionWeight, Map<String, Double> eventMove) implements java.io.Serializable {
    public SurfaceSettings {
        if (!(atmRatio > 0)) throw new IllegalArgumentException("pricing.surface.atm_ratio must be > 0");
        if (!(multiplierFloor > 0 && multiplierFloor <= 1 && multiplierCap >= 1)) {
            throw new IllegalArgumentException("pricing.surface.multiplier_floor must be in (0,1] and multiplier_cap >= 1");
        }
        if (!(ivFloor > 0 && ivCap > ivFloor)) throw new IllegalArgumentException("pricing.surface: need 0 < iv_floor < iv_cap");
        if (ratioWindowDays < 5) throw new IllegalArgumentException("pricing.surface.ratio_window_days must be >= 5");
        if (!(ratioFloor > 0 && ratioCap > ratioFloor)) throw new IllegalArgumentException("pricing.surface: need 0 < ratio_floor < ratio_cap");
        if (dividendWindowDays < 1) throw new IllegalArgumentException("pricing.surface.dividend_window_days must be >= 1");
        if (!(nonSessionWeight >= 0 && nonSessionWeight <= 1)) {
            throw new IllegalArgumentException("pricing.surface.non_session_weight must be in [0, 1]");
        }
        eventMove = Map.copyOf(eventMove);
        for (Map.Entry<String, Double> e : eventMove.entrySet()) {
            if (sde.data.EventType.find(e.getKey()) == null) {
                throw new IllegalArgumentException("pricing.surface.event_move." + e.getKey() + ": unknown event; known: "
                        + java.util.Arrays.toString(sde.data.EventType.values()));
            }
            if (!(e.getValue() >= 0 && e.getValue() < 0.2)) {
                throw new IllegalArgumentException("pricing.surface.event_move." + e.getKey() + ": must be in [0, 0.2), got " + e.getValue());
            }
        }
    }

    /** Sessions and non-session calendar days in an average year: τ of a year is 1. */
    static final double SESSIONS_PER_YEAR = 252, OTHER_DAYS_PER_YEAR = 113;

    /**
     * Variance time in years from the close of {@code today} to the close of {@code expiry}: sessions
     * count fully, weekends and holidays with {@code non_session_weight}, because prices move (and
     * options are priced) mostly when the market is open. A 3-day weekend option then carries about
     * one session of variance, as real chains show (SOURCES.md: 2020-07-31, 3-DTE ATM IV 0.119 by
     * calendar time against VIX9D near 0.21).
     */
    public double varianceTime(int today, int expiry) {
        if (expiry <= today) return 0;
        int sessions = sde.data.NyseCalendar.sessionsBetween(today, expiry);
        int other = expiry - today - sessions;
        return (sessions + nonSessionWeight * other) / (SESSIONS_PER_YEAR + nonSessionWeight * OTHER_DAYS_PER_YEAR);
    }
}
