package sde.regime;

import sde.data.MarketData;
import sde.data.SeriesId;
import sde.data.Symbol;

/**
 * The daily regime label, causal by construction: one forward pass, each day reading the
 * close and VIX of that day and before. Rules, first match wins (precedence):
 * <ol>
 *   <li>CRASH: VIX > crash_vix and decline ≥ crash_decline;</li>
 *   <li>HIGH_VOL: VIX > high_vol_vix;</li>
 *   <li>BEAR: trend below −trend_band and VIX > bear_vix_min;</li>
 *   <li>BULL: trend above +trend_band and VIX < bull_vix_max;</li>
 *   <li>LOW_VOL_SIDEWAYS: |trend| ≤ trend_band and VIX < low_vol_vix;</li>
 *   <li>NEUTRAL otherwise, and before trend_window sessions exist.</li>
 * </ol>
 * Hysteresis: the label changes only when the raw label has differed from it and agreed with
 * itself for min_days sessions in a row; a raw CRASH takes over at once.
 */
public final class RegimeClassifier {
    private RegimeClassifier() {}

    /** Labels per session of {@code md}, plus the inputs that decided them. */
    public record Labels(Regime[] label, Regime[] raw, double[] trend, double[] decline, double[] vix) {
        public Regime at(int i) { return label[i]; }
    }

    public static Labels classify(MarketData md, RegimeSettings s) {
        Symbol sym = Symbol.parse(s.symbol());
        int n = md.size();
        Regime[] label = new Regime[n], raw = new Regime[n];
        double[] trend = new double[n], decline = new double[n], vix = new double[n];
        double sum = 0;
        for (int t = 0; t < n; t++) {
            double c = md.close(sym, t);
            sum += c;
            if (t >= s.trendWindow()) sum -= md.close(sym, t - s.trendWindow());
            double high = c;
            for (int k = 1; k < s.declineWindow() && t - k >= 0; k++) high = Math.max(high, md.close(sym, t - k));
            trend[t] = t + 1 >= s.trendWindow() ? c / (sum / s.trendWindow()) - 1 : Double.NaN;
            decline[t] = 1 - c / high;
            vix[t] = md.value(SeriesId.VIX, t);
            raw[t] = rule(trend[t], decline[t], vix[t], s);
        }
        return new Labels(smooth(raw, s.minDays()), raw, trend, decline, vix);
    }

    /**
     * Hysteresis, forward only: the label moves to a new raw label once that label has held
     * {@code minDays} sessions in a row; a raw CRASH takes over at once.
     */
    public static Regime[] smooth(Regime[] raw, int minDays) {
        Regime[] label = new Regime[raw.length];
        Regime current = Regime.NEUTRAL, pending = null;
        int streak = 0;
        for (int t = 0; t < raw.length; t++) {
            if (raw[t] == current) {
                pending = null;
                streak = 0;
            } else if (raw[t] == Regime.CRASH || minDays <= 1) {
                current = raw[t];
                pending = null;
                streak = 0;
            } else if (raw[t] == pending) {
                if (++streak >= minDays) { current = raw[t]; pending = null; streak = 0; }
            } else {
                pending = raw[t];
                streak = 1;
            }
            label[t] = current;
        }
        return label;
    }

    static Regime rule(double trend, double decline, double vix, RegimeSettings s) {
        if (Double.isNaN(trend) || Double.isNaN(vix)) return Regime.NEUTRAL;
        if (vix > s.crashVix() && decline >= s.crashDecline()) return Regime.CRASH;
        if (vix > s.highVolVix()) return Regime.HIGH_VOL;
        if (trend < -s.trendBand() && vix > s.bearVixMin()) return Regime.BEAR;
        if (trend > s.trendBand() && vix < s.bullVixMax()) return Regime.BULL;
        if (Math.abs(trend) <= s.trendBand() && vix < s.lowVolVix()) return Regime.LOW_VOL_SIDEWAYS;
        return Regime.NEUTRAL;
    }
}
