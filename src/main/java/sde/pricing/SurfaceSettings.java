package sde.pricing;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sde.data.EventType;
import sde.data.NyseCalendar;
import sde.data.Symbol;

/** The pricing.surface keys of conf/sde.yaml; see there for meanings. */
public record SurfaceSettings(double atmRatio, double atmVixPower, double atmTenorPower, double atmSkewPower,
                              double atmRatioFloor, double atmRatioCap,
                              boolean skewFollowsRatio, double minDiffusiveShare,
                              double putSkew, double putCurve, double callSkew, double callCurve,
                              double multiplierFloor, double multiplierCap, double ivFloor, double ivCap,
                              int ratioWindowDays, double ratioFloor, double ratioCap, Map<String, Double> defaultRatio,
                              int dividendWindowDays, double nonSessionWeight, Map<String, Double> eventMove,
                              Map<String, Band> bands, Map<String, Double> symbolAtmScale,
                              double callSkewTenorPower, Map<String, List<Double>> levels, List<Double> levelTenorDays)
        implements Serializable {
    /** Tenor buckets of the fitted levels (docs/pricing.md): 0-2, 3-7, 8-30, 31-60, 61+ days, as the model cells'. */
    public static final int LEVEL_BUCKETS = 5;

    /** The vol-index level (as a fraction) and tenor (calendar days) at which atm_ratio is quoted. */
    public static final double REF_LEVEL = 0.20, REF_DAYS = 30, REF_SKEW = 130;

    public SurfaceSettings {
        if (!(atmRatio > 0)) throw new IllegalArgumentException("pricing.surface.atm_ratio must be > 0");
        if (!(Math.abs(atmVixPower) < 2 && Math.abs(atmTenorPower) < 2 && Math.abs(atmSkewPower) < 4)) {
            throw new IllegalArgumentException("pricing.surface: atm_vix_power and atm_tenor_power must be in (-2, 2), atm_skew_power "
                    + "in (-4, 4)");
        }
        if (!(atmRatioFloor > 0 && atmRatioCap > atmRatioFloor)) {
            throw new IllegalArgumentException("pricing.surface: need 0 < atm_ratio_floor < atm_ratio_cap");
        }
        if (!(minDiffusiveShare > 0 && minDiffusiveShare <= 1)) {
            throw new IllegalArgumentException("pricing.surface.min_diffusive_share must be in (0, 1]");
        }
        if (!(multiplierFloor > 0 && multiplierFloor <= 1 && multiplierCap >= 1)) {
            throw new IllegalArgumentException("pricing.surface.multiplier_floor must be in (0,1] and multiplier_cap >= 1");
        }
        if (!(ivFloor > 0 && ivCap > ivFloor)) throw new IllegalArgumentException("pricing.surface: need 0 < iv_floor < iv_cap");
        if (ratioWindowDays < 5) throw new IllegalArgumentException("pricing.surface.ratio_window_days must be >= 5");
        if (!(ratioFloor > 0 && ratioCap > ratioFloor)) throw new IllegalArgumentException("pricing.surface: need 0 < ratio_floor < "
                + "ratio_cap");
        if (dividendWindowDays < 1) throw new IllegalArgumentException("pricing.surface.dividend_window_days must be >= 1");
        if (!(nonSessionWeight >= 0 && nonSessionWeight <= 1)) {
            throw new IllegalArgumentException("pricing.surface.non_session_weight must be in [0, 1]");
        }
        if (!(Math.abs(callSkewTenorPower) <= 2)) {
            throw new IllegalArgumentException("pricing.surface.call_skew_tenor_power must be in [-2, 2], got " + callSkewTenorPower);
        }
        symbolAtmScale = Map.copyOf(symbolAtmScale);
        for (Symbol sym : Symbol.values()) {
            Double k = symbolAtmScale.get(sym.name());
            if (k == null || !(k > 0.2 && k < 5)) {
                throw new IllegalArgumentException("pricing.surface.symbol_atm_scale." + sym + ": must be in (0.2, 5), got " + k);
            }
        }
        if (symbolAtmScale.get("SPY") != 1.0) {
            throw new IllegalArgumentException("pricing.surface.symbol_atm_scale.SPY must be 1: SPY's level is atm_ratio's");
        }
        levelTenorDays = List.copyOf(levelTenorDays);
        if (levelTenorDays.size() != LEVEL_BUCKETS) {
            throw new IllegalArgumentException("pricing.surface.level_tenor_days: one tenor per bucket (0-2, 3-7, 8-30, 31-60, 61+ days), "
                    + LEVEL_BUCKETS + " in all, got " + levelTenorDays.size());
        }
        for (int k = 0; k < LEVEL_BUCKETS; k++) {
            double d = levelTenorDays.get(k);
            if (!(d >= 0) || (k > 0 && !(d > levelTenorDays.get(k - 1)))) {
                throw new IllegalArgumentException("pricing.surface.level_tenor_days must ascend from 0 or more, got " + levelTenorDays);
            }
        }
        Map<String, List<Double>> lv = new HashMap<>();
        for (Symbol sym : Symbol.values()) {
            List<Double> row = levels.get(sym.name());
            if (row == null || row.size() != LEVEL_BUCKETS) {
                throw new IllegalArgumentException("pricing.surface.levels." + sym + ": one level per tenor bucket, " + LEVEL_BUCKETS
                        + " in all, got " + row);
            }
            for (Double v : row) {
                if (v == null || !(v > 0.2 && v < 3)) {
                    throw new IllegalArgumentException("pricing.surface.levels." + sym + ": each level must be in (0.2, 3), got " + row);
                }
            }
            lv.put(sym.name(), List.copyOf(row));
        }
        for (String k : levels.keySet()) {
            if (!lv.containsKey(k)) {
                throw new IllegalArgumentException("pricing.surface.levels." + k + ": unknown symbol; expected SPY, QQQ, IWM");
            }
        }
        levels = Map.copyOf(lv);
        if (bands == null) throw new IllegalArgumentException("pricing.surface.bands: missing");
        for (Symbol sym : Symbol.values()) {
            Band b = bands.get(sym.name());
            if (b == null) throw new IllegalArgumentException("pricing.surface.bands." + sym + ": missing");
            if (b.low().size() != LEVEL_BUCKETS || b.high().size() != LEVEL_BUCKETS) {
                throw new IllegalArgumentException("pricing.surface.bands." + sym + ": low and high need one value per tenor bucket, "
                        + LEVEL_BUCKETS + " each");
            }
            for (int k = 0; k < LEVEL_BUCKETS; k++) {
                double lo = b.low().get(k), hi = b.high().get(k);
                if (!(lo <= 0 && lo > -0.9 && hi >= 0 && hi < 2)) {
                    throw new IllegalArgumentException("pricing.surface.bands." + sym
                            + ": need -0.9 < low <= 0 <= high < 2 in every bucket, got " + b);
                }
            }
        }
        for (String k : bands.keySet()) {
            if (!levels.containsKey(k)) {
                throw new IllegalArgumentException("pricing.surface.bands." + k + ": unknown symbol; expected SPY, QQQ, IWM");
            }
        }
        bands = Map.copyOf(bands);
        eventMove = Map.copyOf(eventMove);
        for (Map.Entry<String, Double> e : eventMove.entrySet()) {
            if (EventType.find(e.getKey()) == null) {
                throw new IllegalArgumentException("pricing.surface.event_move." + e.getKey() + ": unknown event; known: "
                        + Arrays.toString(EventType.values()));
            }
            if (!(e.getValue() >= 0 && e.getValue() < 0.2)) {
                throw new IllegalArgumentException("pricing.surface.event_move." + e.getKey() + ": must be in [0, 0.2), got "
                        + e.getValue());
            }
        }
    }

    /**
     * ATM implied vol over the vol index at a term point of level {@code level} (fraction) and
     * {@code days}, on a day the Cboe SKEW index stood at {@code skew} (NaN: not loaded): atm_ratio ×
     * (max(level, 0.20) / 0.20)^atm_vix_power × (days / 30)^atm_tenor_power × (SKEW / 130)^atm_skew_power,
     * clamped. The level term acts above 20 only: the train years' benchmarks see ATM climb towards
     * the index in stressed markets, while the calm-day quotes (2026-02-11 at VIX 17.7, 2024-07 at
     * 12-13) sit at the base ratio. A vol index is a variance swap: it prices the whole smile, so it sits further above ATM
     * the steeper the skew is. SKEW measures that steepness from the same SPX options; one ratio for
     * every day prices 2021's (SKEW near 145) ATM options too rich and 2022's (near 122) too cheap.
     */
    public double atmRatio(double level, double days, double skew) {
        double r = atmRatio * Math.pow(Math.max(level, REF_LEVEL) / REF_LEVEL, atmVixPower) * Math.pow(days / REF_DAYS, atmTenorPower);
        if (skew > 0) r *= Math.pow(skew / REF_SKEW, atmSkewPower);
        return Math.max(atmRatioFloor, Math.min(atmRatioCap, r));
    }

    /**
     * The skew scale that keeps the smile's variance-swap level on the index when the ratio moves
     * (skew_follows_ratio): for a smile 1 − s·x in standardized moneyness the variance swap is about
     * ATM²·(1 + s²), so an index level that sits at ATM/ρ needs s ∝ √(1/ρ² − 1). At ρ = atm_ratio it is 1.
     */
    public double skewScale(double ratio) {
        if (!skewFollowsRatio) return 1;
        double base = 1 / (atmRatio * atmRatio) - 1;
        return base > 0 ? Math.sqrt(Math.max(0, 1 / (ratio * ratio) - 1) / base) : 1;
    }

    /** These settings with the fitted surface parameters replaced (Calibration, benchmark --fit). */
    public SurfaceSettings withShape(double atmRatio, double atmVixPower, double atmTenorPower, double atmSkewPower, double putSkew,
                                     double putCurve, double callSkew, double callCurve) {
        return new SurfaceSettings(atmRatio, atmVixPower, atmTenorPower, atmSkewPower, atmRatioFloor, atmRatioCap, skewFollowsRatio,
                minDiffusiveShare,
                putSkew, putCurve, callSkew, callCurve, multiplierFloor, multiplierCap, ivFloor, ivCap, ratioWindowDays, ratioFloor,
                ratioCap, defaultRatio, dividendWindowDays, nonSessionWeight, eventMove, bands,
                symbolAtmScale, callSkewTenorPower, levels, levelTenorDays);
    }

    /** These settings with another model band (`benchmark --fit-levels`). */
    public SurfaceSettings withBands(Map<String, Band> bands) {
        return new SurfaceSettings(atmRatio, atmVixPower, atmTenorPower, atmSkewPower, atmRatioFloor, atmRatioCap, skewFollowsRatio,
                minDiffusiveShare, putSkew, putCurve, callSkew, callCurve, multiplierFloor, multiplierCap, ivFloor, ivCap, ratioWindowDays,
                ratioFloor, ratioCap, defaultRatio, dividendWindowDays, nonSessionWeight, eventMove, bands,
                symbolAtmScale, callSkewTenorPower, levels, levelTenorDays);
    }

    /** These settings with another call_skew_tenor_power (`calibrate --fit-wing`). */
    public SurfaceSettings withCallSkewTenorPower(double power) {
        return new SurfaceSettings(atmRatio, atmVixPower, atmTenorPower, atmSkewPower, atmRatioFloor, atmRatioCap, skewFollowsRatio,
                minDiffusiveShare, putSkew, putCurve, callSkew, callCurve, multiplierFloor, multiplierCap, ivFloor, ivCap, ratioWindowDays,
                ratioFloor, ratioCap, defaultRatio, dividendWindowDays, nonSessionWeight, eventMove, bands,
                symbolAtmScale, power, levels, levelTenorDays);
    }

    /**
     * The call wing's slope at {@code t} years relative to call_skew: (max(t, 1 day) / 30 days)^call_skew_tenor_power.
     * In standardized moneyness one call skew prices the short-dated calls of the real chains too low (SPY's check rows:
     * 1.2 to 1.9 points at |delta| 10-60 and 8-30 DTE, where the puts are within half a point), so the slope may follow the
     * tenor; fitted on the calibration rows only.
     */
    public double callSkewAt(double t) {
        return callSkewTenorPower == 0 ? callSkew : callSkew * Math.pow(Math.max(t, 1 / 365.0) * 365 / REF_DAYS, callSkewTenorPower);
    }

    /** These settings with {@code symbol}'s ATM scale replaced (`benchmark --fit-symbols`). */
    public SurfaceSettings withSymbolScale(Symbol symbol, double scale) {
        Map<String, Double> m = new HashMap<>(symbolAtmScale);
        m.put(symbol.name(), scale);
        return new SurfaceSettings(atmRatio, atmVixPower, atmTenorPower, atmSkewPower, atmRatioFloor, atmRatioCap, skewFollowsRatio,
                minDiffusiveShare, putSkew, putCurve, callSkew, callCurve, multiplierFloor, multiplierCap, ivFloor, ivCap, ratioWindowDays,
                ratioFloor, ratioCap, defaultRatio, dividendWindowDays, nonSessionWeight, eventMove, bands,
                m, callSkewTenorPower, levels, levelTenorDays);
    }

    /**
     * The fitted level of {@code symbol}'s ATM vol at {@code days} calendar days to expiry: the bucket's
     * level at its tenor (level_tenor_days), linear in tenor between two buckets' tenors and flat beyond
     * the first and the last, so that a held contract's vol does not jump as it crosses 30 or 7 days.
     */
    public double level(Symbol symbol, double days) {
        return levelAt(levels.get(symbol.name()).stream().mapToDouble(Double::doubleValue).toArray(),
                levelTenorDays.stream().mapToDouble(Double::doubleValue).toArray(), days);
    }

    /** A row of levels at {@code days}: linear in tenor between the buckets' {@code tenors}, flat beyond the first and last. */
    static double levelAt(double[] row, double[] tenors, double days) {
        if (days <= tenors[0]) return row[0];
        for (int k = 1; k < row.length; k++) {
            double d1 = tenors[k];
            if (days <= d1) {
                double d0 = tenors[k - 1], w = (days - d0) / (d1 - d0);
                return row[k - 1] + w * (row[k] - row[k - 1]);
            }
        }
        return row[row.length - 1];
    }

    /** These settings with every level at 1: the vol indices' model before its fitted levels. */
    public SurfaceSettings withoutLevels() {
        SurfaceSettings s = this;
        for (Symbol sym : Symbol.values()) s = s.withLevels(sym, java.util.Collections.nCopies(LEVEL_BUCKETS, 1.0));
        return s;
    }

    /** These settings with {@code symbol}'s levels replaced (`benchmark --fit-levels`). */
    public SurfaceSettings withLevels(Symbol symbol, List<Double> row) {
        Map<String, List<Double>> m = new HashMap<>(levels);
        m.put(symbol.name(), List.copyOf(row));
        return new SurfaceSettings(atmRatio, atmVixPower, atmTenorPower, atmSkewPower, atmRatioFloor, atmRatioCap, skewFollowsRatio,
                minDiffusiveShare, putSkew, putCurve, callSkew, callCurve, multiplierFloor, multiplierCap, ivFloor, ivCap, ratioWindowDays,
                ratioFloor, ratioCap, defaultRatio, dividendWindowDays, nonSessionWeight, eventMove, bands,
                symbolAtmScale, callSkewTenorPower, m, levelTenorDays);
    }

    /**
     * One symbol's model band (SPEC §5 model risk): per tenor bucket, the relative IV scale of the low and
     * the high surface around the centre's level (low ≤ 0 ≤ high), measured from the evidence the level was
     * not fitted on (`benchmark --fit-levels`, docs/pricing.md).
     */
    public record Band(List<Double> low, List<Double> high) implements Serializable {
        public Band {
            low = List.copyOf(low);
            high = List.copyOf(high);
        }
    }

    /**
     * The surface of a model-risk case (SPEC §5): BASE as fitted; LOW (HIGH) with every bucket's level
     * scaled by 1 + its band's low (high) edge, every cell at that edge at once. The levels are
     * interpolated in tenor as the centre's, so the edges are continuous across buckets too.
     */
    public SurfaceSettings model(Model m) {
        if (m == Model.BASE) return this;
        Map<String, List<Double>> edge = new HashMap<>();
        for (Symbol sym : Symbol.values()) {
            Band b = bands.get(sym.name());
            List<Double> row = levels.get(sym.name()), out = new java.util.ArrayList<>();
            for (int k = 0; k < LEVEL_BUCKETS; k++) out.add(row.get(k) * (1 + (m == Model.LOW ? b.low() : b.high()).get(k)));
            edge.put(sym.name(), out);
        }
        return new SurfaceSettings(atmRatio, atmVixPower, atmTenorPower, atmSkewPower, atmRatioFloor, atmRatioCap, skewFollowsRatio,
                minDiffusiveShare, putSkew, putCurve, callSkew, callCurve, multiplierFloor, multiplierCap, ivFloor, ivCap, ratioWindowDays,
                ratioFloor, ratioCap, defaultRatio, dividendWindowDays, nonSessionWeight, eventMove, bands,
                symbolAtmScale, callSkewTenorPower, edge, levelTenorDays);
    }

    /** Sessions and non-session calendar days in an average year: τ of a year is 1. */
    static final double SESSIONS_PER_YEAR = 252, OTHER_DAYS_PER_YEAR = 113;

    /** Variance time of one whole session, in the years of {@link #varianceTime}. */
    public double sessionTime() {
        return 1 / (SESSIONS_PER_YEAR + nonSessionWeight * OTHER_DAYS_PER_YEAR);
    }

    /**
     * Variance time in years from the close of {@code today} to the close of {@code expiry}: sessions
     * count fully, weekends and holidays with {@code non_session_weight}, because prices move (and
     * options are priced) mostly when the market is open. A 3-day weekend option then carries about
     * one session of variance, as real chains show (SOURCES.md: 2020-07-31, 3-DTE ATM IV 0.119 by
     * calendar time against VIX9D near 0.21).
     */
    public double varianceTime(int today, int expiry) {
        if (expiry <= today) return 0;
        int sessions = NyseCalendar.sessionsBetween(today, expiry);
        int other = expiry - today - sessions;
        return (sessions + nonSessionWeight * other) / (SESSIONS_PER_YEAR + nonSessionWeight * OTHER_DAYS_PER_YEAR);
    }
}
