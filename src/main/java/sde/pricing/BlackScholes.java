package sde.pricing;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * Black–Scholes–Merton for European options on an asset with a continuous dividend yield q,
 * in the style of OpenGamma Strata: arguments are checked up front, and as time or volatility go
 * to zero the functions take their limits instead of dividing by zero (σ√T below
 * {@value #TINY} counts as zero: the option is worth its discounted forward intrinsic value and
 * delta is a step). ETF options are American; the model prices them as European and the
 * early-exercise premium is handled by the assignment rule (see docs/pricing.md).
 *
 * <p>Units: T in years, r and q continuously compounded per year, σ per √year. Vega is per 1.00
 * of volatility, theta per year (divide by 365 for a calendar day).
 */
public final class BlackScholes {
    static final double TINY = 1e-12;
    /** Bracket for the implied-vol search. */
    public static final double MIN_VOL = 1e-4, MAX_VOL = 10.0;
    private static final double IV_TOLERANCE = 1e-10;

    private BlackScholes() {}

    public static double price(boolean call, double s, double k, double t, double r, double q, double vol) {
        double[] out = new double[2];
        priceDelta(call, s, k, t, r, q, vol, out);
        return out[0];
    }

    /**
     * Price into {@code out[0]} and delta into {@code out[1]} in one pass, without allocating: the
     * backtest's per-day loop marks every open leg with this. Shares d1, the discount factors and
     * the density: e^{-d2²/2} = e^{-d1²/2}·S·e^{-qT}/(K·e^{-rT}), so the two CDFs cost one exp.
     */
    public static void priceDelta(boolean call, double s, double k, double t, double r, double q, double vol, double[] out) {
        check(s, k, t, r, q, vol);
        double dfq = Math.exp(-q * t), dfr = Math.exp(-r * t);
        priceDeltaForward(call, s * dfq / dfr, k, vol * Math.sqrt(t), dfr, dfq, out);
    }

    /**
     * The same in forward (Black-76) form: {@code fwd} = S·e^{(r−q)T}, {@code sd} = σ√T, and the two
     * discount factors e^{-rT} and e^{-qT}. Everything but the strike is the same for all strikes of
     * one expiry on one day, so a chain or a backtest computes it once and pays one log and one exp
     * per strike. Arguments are the caller's to check (the spot form above checks them).
     */
    public static void priceDeltaForward(boolean call, double fwd, double k, double sd, double dfr, double dfq, double[] out) {
        priceDeltaForward(call, fwd, k, Math.log(fwd / k), sd, dfr, dfq, out);
    }

    /**
     * The same given {@code lnFK} = ln(F/K), which a caller that has just computed the smile's
     * moneyness ln(K/F) passes as its negation: one logarithm per price instead of two.
     */
    public static void priceDeltaForward(boolean call, double fwd, double k, double lnFK, double sd, double dfr, double dfq, double[] out) {
        double fwdS = fwd * dfr, pvK = k * dfr;
        if (sd < TINY) {
            double fwdMinusK = fwdS - pvK;
            double itm = fwdMinusK > 0 ? 1 : fwdMinusK < 0 ? 0 : 0.5;
            out[0] = Math.max(call ? fwdMinusK : -fwdMinusK, 0);
            out[1] = call ? dfq * itm : -dfq * (1 - itm);
            return;
        }
        double d1 = lnFK / sd + 0.5 * sd;
        double d2 = d1 - sd;
        double e1 = Math.exp(-0.5 * d1 * d1);
        double e2 = e1 * (fwd / k);
        if (e1 == 0 || !(e2 <= 1)) e2 = Math.exp(-0.5 * d2 * d2);   // underflow guard far from the money
        if (call) {
            double n1 = Normal.cdf(d1, e1);
            out[0] = Math.max(fwdS * n1 - pvK * Normal.cdf(d2, e2), 0);
            out[1] = dfq * n1;
        } else {
            double m1 = Normal.cdf(-d1, e1);
            out[0] = Math.max(pvK * Normal.cdf(-d2, e2) - fwdS * m1, 0);
            out[1] = -dfq * m1;
        }
    }

    public static double delta(boolean call, double s, double k, double t, double r, double q, double vol) {
        check(s, k, t, r, q, vol);
        double dfq = Math.exp(-q * t);
        double sd = vol * Math.sqrt(t);
        if (sd < TINY) {
            double fwdMinusK = s * dfq - k * Math.exp(-r * t);
            double itm = fwdMinusK > 0 ? 1 : fwdMinusK < 0 ? 0 : 0.5;
            return call ? dfq * itm : -dfq * (1 - itm);
        }
        double d1 = (Math.log(s / k) + (r - q) * t) / sd + 0.5 * sd;
        return call ? dfq * Normal.cdf(d1) : -dfq * Normal.cdf(-d1);
    }

    /** Same for calls and puts; 0 in the zero-time/zero-vol limit. */
    public static double gamma(double s, double k, double t, double r, double q, double vol) {
        check(s, k, t, r, q, vol);
        double sd = vol * Math.sqrt(t);
        if (sd < TINY) return 0;
        double d1 = (Math.log(s / k) + (r - q) * t) / sd + 0.5 * sd;
        return Math.exp(-q * t) * Normal.pdf(d1) / (s * sd);
    }

    /** Per 1.00 of volatility (divide by 100 for one vol point); same for calls and puts. */
    public static double vega(double s, double k, double t, double r, double q, double vol) {
        check(s, k, t, r, q, vol);
        double sd = vol * Math.sqrt(t);
        if (sd < TINY) return 0;
        double d1 = (Math.log(s / k) + (r - q) * t) / sd + 0.5 * sd;
        return s * Math.exp(-q * t) * Normal.pdf(d1) * Math.sqrt(t);
    }

    /** dV/dt with t the calendar time passing (so usually negative), per year. */
    public static double theta(boolean call, double s, double k, double t, double r, double q, double vol) {
        check(s, k, t, r, q, vol);
        double dfq = Math.exp(-q * t), dfr = Math.exp(-r * t);
        double sd = vol * Math.sqrt(t);
        if (sd < TINY) {
            // Only the carry of the forward intrinsic value remains.
            double fwd = s * dfq - k * dfr;
            boolean itm = call ? fwd > 0 : fwd < 0;
            if (!itm) return 0;
            return call ? q * s * dfq - r * k * dfr : r * k * dfr - q * s * dfq;
        }
        double d1 = (Math.log(s / k) + (r - q) * t) / sd + 0.5 * sd;
        double d2 = d1 - sd;
        double decay = -s * dfq * Normal.pdf(d1) * vol / (2 * Math.sqrt(t));
        return call ? decay - r * k * dfr * Normal.cdf(d2) + q * s * dfq * Normal.cdf(d1)
                : decay + r * k * dfr * Normal.cdf(-d2) - q * s * dfq * Normal.cdf(-d1);
    }

    /**
     * The strike whose delta is {@code delta} at a flat volatility: calls take (0, e^{-qT}), puts
     * (−e^{-qT}, 0). Closed form from inverting N(d1).
     */
    public static double strikeForDelta(boolean call, double delta, double s, double t, double r, double q, double vol) {
        check(s, 1, t, r, q, vol);
        if (vol * Math.sqrt(t) < TINY) throw new IllegalArgumentException("strike for a delta needs vol·√T > 0");
        return strikeAtD1(d1ForDelta(call, delta, t, q), s, t, r, q, vol);
    }

    /**
     * The d1 at which a call (put) has delta {@code delta}: N⁻¹(±delta·e^{qT}). It does not depend on
     * the volatility, so a strike search that iterates on the smile's vol computes it once.
     */
    public static double d1ForDelta(boolean call, double delta, double t, double q) {
        double dfq = Math.exp(-q * t);
        double p = call ? delta / dfq : -delta / dfq;
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException((call ? "call" : "put") + " delta must be in " + (call ? "(0, " : "(-")
                    + dfq + (call ? ")" : ", 0)") + ", got " + delta);
        }
        return call ? Normal.inverseCdf(p) : -Normal.inverseCdf(p);
    }

    /** The strike whose d1 is {@code d1} at a flat volatility (see {@link #strikeForDelta}). */
    public static double strikeAtD1(double d1, double s, double t, double r, double q, double vol) {
        check(s, 1, t, r, q, vol);
        double sd = vol * Math.sqrt(t);
        if (sd < TINY) throw new IllegalArgumentException("strike for a delta needs vol·√T > 0");
        return s * Math.exp((r - q) * t + 0.5 * sd * sd - d1 * sd);
    }

    /**
     * Implied volatility of a price, by Brent's method (Commons Math) on [{@value #MIN_VOL}, {@value #MAX_VOL}].
     * Returns NaN when the price is outside the no-arbitrage bounds (below the discounted forward
     * intrinsic value or above the discounted spot/strike): a vendor quote there has no BSM volatility.
     */
    public static double impliedVol(boolean call, double price, double s, double k, double t, double r, double q) {
        check(s, k, t, r, q, 0);
        if (!Double.isFinite(price) || t <= 0) return Double.NaN;
        double lower = price(call, s, k, t, r, q, MIN_VOL);
        double upper = price(call, s, k, t, r, q, MAX_VOL);
        if (price < lower || price > upper) return Double.NaN;
        if (price == lower) return MIN_VOL;
        try {
            return new BrentSolver(IV_TOLERANCE).solve(200, v -> price(call, s, k, t, r, q, v) - price, MIN_VOL, MAX_VOL);
        } catch (MathIllegalStateException e) {
            return Double.NaN;
        }
    }

    private static void check(double s, double k, double t, double r, double q, double vol) {
        if (!(s > 0) || !(k > 0) || !(t >= 0) || !(vol >= 0) || Double.isInfinite(s) || Double.isInfinite(k)
                || Double.isInfinite(t) || Double.isInfinite(vol) || !Double.isFinite(r) || !Double.isFinite(q)) {
            throw new IllegalArgumentException("BSM needs spot > 0, strike > 0, T >= 0, vol >= 0, finite rates; got S=" + s
                    + " K=" + k + " T=" + t + " r=" + r + " q=" + q + " vol=" + vol);
        }
    }
}
