package sde.pricing;

import sde.data.Symbol;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The pricing.liquidity keys of conf/sde.yaml: SPEC §2's market capacity and impact, and the fitted
 * liquidity model they read (docs/pricing.md, "Market capacity").
 *
 * <ul>
 *   <li>{@code participation}: the share of a contract's modeled daily volume one order may take (also
 *       of the ETF's day volume for shares); {@code open_interest_share}: the share of a contract's
 *       modeled open interest one position may hold; {@code position_limits}: contracts per side and
 *       underlying (the exchanges' limits).</li>
 *   <li>{@code impact_coefficient}: square-root impact per share = coefficient × half-spread ×
 *       √(contracts / modeled daily volume), paid beyond the half-spread.</li>
 *   <li>The model: a symbol's option volume on day t = {@code contracts_per_share} × its ETF's mean share
 *       volume over the {@code share_volume_window} sessions up to t; one contract's volume is that total
 *       × its cell of {@code volume_table} (basis points, per contract); open interest likewise with
 *       {@code open_interest_per_share} and {@code open_interest_table}. Tables: {@code call} and {@code put},
 *       rows DTE 0-2, 3-7, 8-30, 31-60, 61+, columns |delta| 0-10, 10-25, 25-40, 40-60, 60+ percent.</li>
 *   <li>{@code intraday_curvature}: how a snapshot's partial-day volume is scaled to a day (a U-shaped
 *       intensity 1 + a·(2x − 1)², x the elapsed share of the session).</li>
 * </ul>
 */
public record LiquiditySettings(double participation, double openInterestShare, Map<String, Long> positionLimits, double impactCoefficient,
                                int shareVolumeWindow, double intradayCurvature, Map<String, Double> contractsPerShare,
                                Map<String, Double> openInterestPerShare, Map<String, List<List<Double>>> volumeTable,
                                Map<String, List<List<Double>>> openInterestTable) implements Serializable {
    public static final int DTE_BUCKETS = 5, DELTA_BUCKETS = 5;
    /** Upper DTE (calendar days, inclusive) of every bucket but the last. */
    static final int[] DTE_TOPS = {2, 7, 30, 60};
    /** Upper |delta| (exclusive) of every bucket but the last. */
    static final double[] DELTA_TOPS = {0.10, 0.25, 0.40, 0.60};

    public LiquiditySettings {
        String k = "pricing.liquidity.";
        if (!(participation > 0 && participation <= 1)) throw new IllegalArgumentException(k + "participation: must be in (0, 1], got "
                + participation);
        if (!(openInterestShare > 0 && openInterestShare <= 1)) {
            throw new IllegalArgumentException(k + "open_interest_share: must be in (0, 1], got " + openInterestShare);
        }
        if (!(impactCoefficient >= 0)) throw new IllegalArgumentException(k + "impact_coefficient: must be >= 0, got " + impactCoefficient);
        if (shareVolumeWindow < 1) throw new IllegalArgumentException(k + "share_volume_window: must be >= 1, got " + shareVolumeWindow);
        if (!(intradayCurvature >= 0)) throw new IllegalArgumentException(k + "intraday_curvature: must be >= 0, got " + intradayCurvature);
        for (Symbol s : Symbol.values()) {
            Long lim = positionLimits == null ? null : positionLimits.get(s.name());
            if (lim == null || lim < 1) throw new IllegalArgumentException(k + "position_limits." + s + ": need a count >= 1");
            positive(k + "contracts_per_share." + s, contractsPerShare == null ? null : contractsPerShare.get(s.name()));
            positive(k + "open_interest_per_share." + s, openInterestPerShare == null ? null : openInterestPerShare.get(s.name()));
        }
        table(k + "volume_table", volumeTable);
        table(k + "open_interest_table", openInterestTable);
    }

    private static void positive(String key, Double v) {
        if (v == null || !(v > 0)) throw new IllegalArgumentException(key + ": need a number > 0, got " + v);
    }

    private static void table(String key, Map<String, List<List<Double>>> t) {
        for (String side : List.of("call", "put")) {
            List<List<Double>> rows = t == null ? null : t.get(side);
            if (rows == null || rows.size() != DTE_BUCKETS) throw new IllegalArgumentException(key + "." + side + ": need " + DTE_BUCKETS
                    + " rows (DTE buckets)");
            for (int r = 0; r < rows.size(); r++) {
                List<Double> row = rows.get(r);
                if (row == null || row.size() != DELTA_BUCKETS) {
                    throw new IllegalArgumentException(key + "." + side + "[" + r + "]: need " + DELTA_BUCKETS
                            + " numbers (|delta| buckets)");
                }
                for (Double v : row) if (v == null || !(v > 0)) throw new IllegalArgumentException(key + "." + side + "[" + r
                        + "]: every cell must be > 0");
            }
        }
    }

    /** The DTE bucket of {@code dte} calendar days (0-2, 3-7, 8-30, 31-60, 61+). */
    public static int dteBucket(int dte) {
        for (int b = 0; b < DTE_TOPS.length; b++) if (dte <= DTE_TOPS[b]) return b;
        return DTE_TOPS.length;
    }

    /** The |delta| bucket of {@code absDelta} (0-10, 10-25, 25-40, 40-60, 60+ percent). */
    public static int deltaBucket(double absDelta) {
        for (int b = 0; b < DELTA_TOPS.length; b++) if (absDelta < DELTA_TOPS[b]) return b;
        return DELTA_TOPS.length;
    }

    /** The share of a day's volume traded after {@code elapsed} of the session, under the U-shaped intensity. */
    public double volumeShareAt(double elapsed) {
        double x = Math.max(0, Math.min(1, elapsed)), a = intradayCurvature, c = 2 * x - 1;
        return (x + a * (c * c * c + 1) / 6) / (1 + a / 3);
    }
}
