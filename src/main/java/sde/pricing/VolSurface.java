package sde.pricing;

import sde.data.Symbol;

/**
 * The modeled implied volatility of a contract (issue 3 item 2): ATM level from the vol-index term
 * structure, scaled to the symbol, shaped by a skew in standardized moneyness, floored and capped.
 *
 * <p>ATM(T): total variance σ²T interpolated linearly in T between the covered term points (VIX1D at
 * 1 day from 2023, VIX9D at 9, VIX at 30, VIX3M at 93 calendar days), flat vol outside them, then
 * × volRatio(symbol) × atm_ratio. Skew: x = ln(K/F)/(ATM·√T), multiplier 1 − a·x + b·x² with
 * separate put-side and call-side (a, b). Direction of the biases is written in docs/pricing.md.
 */
public final class VolSurface {
    private final PricingInputs in;
    private final SurfaceSettings s;

    public VolSurface(PricingInputs in, SurfaceSettings s) {
        this.in = in;
        this.s = s;
    }

    public PricingInputs inputs() { return in; }

    /** ATM implied vol of {@code sym} on day i for {@code t} years. */
    public double atm(Symbol sym, int i, double t) {
        double days = Math.max(t * 365, 1e-6);
        double prevDays = Double.NaN, prevVar = Double.NaN;
        double result = Double.NaN;
        for (int k = 0; k < PricingInputs.TERM_DAYS.length; k++) {
            double v = in.termVol(k, i);
            if (Double.isNaN(v)) continue;
            double d = PricingInputs.TERM_DAYS[k];
            if (days <= d) {
                if (Double.isNaN(prevDays)) {
                    result = v;                                        // before the first point: flat vol
                } else {
                    double w = prevVar + (v * v * d - prevVar) * (days - prevDays) / (d - prevDays);
                    result = Math.sqrt(w / days);
                }
                break;
            }
            prevDays = d;
            prevVar = v * v * d;
            result = v;                                                // beyond the last point: flat vol
        }
        if (Double.isNaN(result)) throw new IllegalStateException("no vol index covers day " + i + " (VIX is required)");
        return clamp(result * in.volRatio(sym, i) * s.atmRatio());
    }

    /** Implied vol for strike k, forward {@code fwd}, {@code t} years. */
    public double iv(Symbol sym, int i, double t, double fwd, double k) {
        double atm = atm(sym, i, t);
        double sd = atm * Math.sqrt(Math.max(t, 1.0 / (365 * 24)));
        double x = Math.log(k / fwd) / sd;
        double m = x < 0 ? 1 - s.putSkew() * x + s.putCurve() * x * x : 1 - s.callSkew() * x + s.callCurve() * x * x;
        m = Math.max(s.multiplierFloor(), Math.min(s.multiplierCap(), m));
        return clamp(atm * m);
    }

    /**
     * Mid into out[0] and delta into out[1] for a contract at spot {@code spot} on day i (epoch day
     * {@code today}): IV from this surface, variance over the variance clock plus the scheduled events'
     * variance where VIX1D does not price them (PricingInputs.eventVariance), discounting over
     * calendar time. Returns the calendar-equivalent IV, √(total variance / T).
     */
    public double price(Symbol sym, int i, int today, double spot, int expiry, double strike, boolean call, double[] out) {
        double t = Math.max(0, expiry - today) / 365.0;
        double r = in.rate(i), q = in.divYield(sym, i);
        double fwd = spot * Math.exp((r - q) * t);
        double iv = iv(sym, i, t, fwd, strike);
        double tau = s.varianceTime(today, expiry);
        double ratio = in.volRatio(sym, i);
        double total = iv * iv * tau + ratio * ratio * in.eventVariance(i, today, expiry);
        BlackScholes.priceDeltaForward(call, fwd, strike, Math.sqrt(total), Math.exp(-r * t), Math.exp(-q * t), out);
        return t > 0 ? Math.sqrt(total / t) : iv;
    }

    private double clamp(double v) {
        return Math.max(s.ivFloor(), Math.min(s.ivCap(), v));
    }
}
