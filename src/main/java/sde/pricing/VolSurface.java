package sde.pricing;

import sde.data.Symbol;

import java.io.Serializable;
import java.util.List;

/**
 * The modeled implied volatility of a contract: ATM level from the
 * vol-index term structure, scaled to the symbol, shaped by a skew in standardized moneyness,
 * floored and capped.
 *
 * <p>ATM(T): at each covered term point k (VIX1D at 1 day from 2023, VIX9D at 9, VIX at 30, VIX3M
 * at 93 calendar days) the point's ATM is its level σ_k × atmRatio(σ_k, d_k) (SurfaceSettings: a
 * function of the level and the tenor); its total variance less the scheduled events inside its
 * window (the index already prices them) is the diffusive variance, floored at min_diffusive_share
 * of the total. The diffusive variance is interpolated linearly in time, flat vol outside the
 * points, × volRatio(symbol). Each contract then gets back the events it spans (price): counted once.
 * Skew: x = ln(K/F)/(ATM·√T), multiplier 1 − a·x + b·x² with separate put-side and call-side (a, b),
 * a scaled by skewScale(ρ) so that the smile's variance swap stays on the index as ρ moves.
 */
public final class VolSurface implements Serializable {
    private static final long serialVersionUID = 1L;
    private final PricingInputs in;
    private final SurfaceSettings s;
    /** Per term point and day: diffusive ATM total variance in years × vol² (NaN where the point is not covered). */
    private final double[][] diffusive;
    /** Per day: the skew scale at the day's 30-day ratio. */
    private final double[] skewScale;
    /**
     * Each symbol's fitted levels (by ordinal) and the buckets' tenors, as arrays read once: every price asked for them, and
     * a map of boxed lists cost a string hash and two unboxings a price (a fortieth of a daemon's backtest time).
     */
    private final double[][] levels;
    private final double[] levelDays;

    public VolSurface(PricingInputs in, SurfaceSettings s) {
        this.in = in;
        this.s = s;
        int n = in.size(), m = PricingInputs.TERM_DAYS.length;
        diffusive = new double[m][n];
        skewScale = new double[n];
        levelDays = s.levelTenorDays().stream().mapToDouble(Double::doubleValue).toArray();
        levels = new double[Symbol.values().length][];
        for (Symbol sym : Symbol.values()) {
            List<Double> row = s.levels().get(sym.name());
            levels[sym.ordinal()] = row == null ? null : row.stream().mapToDouble(Double::doubleValue).toArray();
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                double v = in.termVol(k, i), d = PricingInputs.TERM_DAYS[k];
                if (Double.isNaN(v)) { diffusive[k][i] = Double.NaN; continue; }
                double a = v * s.atmRatio(v, d, in.skewIndex(i)), total = a * a * d / 365;
                double events = in.eventVariance(i, in.day(i), in.day(i) + (int) d);
                diffusive[k][i] = Math.max(s.minDiffusiveShare() * total, total - events);
            }
            double vix = in.termVol(2, i);
            skewScale[i] = Double.isNaN(vix) ? 1 : s.skewScale(s.atmRatio(vix, SurfaceSettings.REF_DAYS, in.skewIndex(i)));
        }
    }

    public PricingInputs inputs() { return in; }

    /** Diffusive ATM implied vol of {@code sym} on day i for {@code t} years (no scheduled event inside). */
    public double atm(Symbol sym, int i, double t) {
        double days = Math.max(t * 365, 1e-6);
        // Total variance w over d days; one square root at the end (the same values as taking one at
        // every point passed, which a 45-day contract did three times).
        double prevDays = Double.NaN, prevW = Double.NaN, w = Double.NaN, d = Double.NaN;
        boolean found = false;
        for (int k = 0; k < PricingInputs.TERM_DAYS.length; k++) {
            double wk = diffusive[k][i];
            if (Double.isNaN(wk)) continue;
            double dk = PricingInputs.TERM_DAYS[k];
            if (days <= dk) {
                if (Double.isNaN(prevDays)) {
                    w = wk;                                              // before the first point: flat vol
                    d = dk;
                } else {
                    w = prevW + (wk - prevW) * (days - prevDays) / (dk - prevDays);
                    d = days;
                }
                found = true;
                break;
            }
            prevDays = dk;
            prevW = wk;
        }
        if (!found) { w = prevW; d = prevDays; }                        // beyond the last point: flat vol
        if (Double.isNaN(w)) throw new IllegalStateException("no vol index covers day " + i + " (VIX is required)");
        // The fitted level acts after the ATM ratio's cap, so that it still moves a stressed market's price.
        return clamp(Math.sqrt(w * 365 / d) * in.volRatio(sym, i) * level(sym, days));
    }

    /** {@link SurfaceSettings#level} on the arrays read once. */
    private double level(Symbol sym, double days) {
        return SurfaceSettings.levelAt(levels[sym.ordinal()], levelDays, days);
    }

    /**
     * A contract expiring at the close of session i, priced at that session's open (SPEC §2: only a
     * benchmark replica trades there): mid into out[0] and delta into out[1], the session's IV returned.
     * What the open knows: the underlying's open {@code open}, the previous close's surface, and how far
     * the vol index moved overnight, {@code overnight} = its open over its previous close. The ATM vol is
     * the previous close's one-day ATM (VIX1D where covered, its level included) times that move; the
     * variance left is {@code varianceLeft} of one session's; carry over a few hours is nil, so the
     * forward is the open. VIX1D's own open is not used: its opening prints sit 21 % under its closes
     * (2024-2025 mean 11.4 against 14.5), below the session's realized move, where VIX's open is steady.
     */
    public double priceAtOpen(Symbol sym, int i, double open, double overnight, double varianceLeft, double strike, boolean call,
                              double[] out) {
        if (i < 1 || i >= in.size()) throw new IllegalArgumentException("priceAtOpen: session " + i + " has no previous close");
        if (!(open > 0) || !(strike > 0)) throw new IllegalArgumentException("priceAtOpen: open and strike must be > 0, got " + open
                + ", " + strike);
        if (!(overnight > 0) || !Double.isFinite(overnight)) throw new IllegalArgumentException("priceAtOpen: the vol index's overnight"
                + " move must be > 0, got " + overnight);
        if (!(varianceLeft > 0 && varianceLeft <= 1)) throw new IllegalArgumentException("priceAtOpen: variance left must be in (0, 1],"
                + " got " + varianceLeft);
        double atm = clamp(atm(sym, i - 1, 1 / 365.0) * overnight);
        double tau = varianceLeft * s.sessionTime();
        double lnKF = Math.log(strike / open);
        double iv = smileAt(atm, lnKF / (atm * Math.sqrt(tau)), skewScale[i - 1], s.callSkewAt(0));
        BlackScholes.priceDeltaForward(call, open, strike, -lnKF, iv * Math.sqrt(tau), 1, 1, out);
        return iv;
    }

    /**
     * One way of {@link Slices}: the part of a price that is the same for every strike of one expiry
     * on one day (time, forward, discount factors, ATM vol, the variance clock and the events
     * spanned), reused while symbol, day, spot and expiry repeat. The same
     * arithmetic, so the same prices.
     */
    private static final class Slice {
        private Symbol sym;
        private int i = -1, today, expiry;
        private double spot = Double.NaN, t, fwd, atm, sd, skew, callSkew, tau, events, dfr, dfq;

        boolean holds(Symbol sym, int i, int today, double spot, int expiry) {
            return this.i == i && this.sym == sym && this.expiry == expiry && this.today == today
                    && Double.doubleToRawLongBits(this.spot) == Double.doubleToRawLongBits(spot);
        }
    }

    /**
     * A few {@link Slice}s for one single-threaded caller, two per symbol-and-expiry set (two-way
     * set-associative, the older of a set replaced): a run marks several positions a day, often on
     * the same expiries, and a single Slice was recomputed at every change of position (half of a
     * run's slices were repeats). Direct-mapped, a run of PricingBenchmark (b) still recomputed twice
     * as many slices as it had distinct ones. Also a scratch for quotes, so that quoting allocates
     * only the Quote.
     */
    public static final class Slices {
        private static final int SETS = 32;
        private final Slice[] ways = new Slice[2 * SETS];
        final double[] pd = new double[2];

        public Slices() {
            for (int k = 0; k < ways.length; k++) ways[k] = new Slice();
        }

        /** The slice holding this contract's day-wide part, or the one to overwrite with it (then first in its set). */
        Slice of(Symbol sym, int i, int today, double spot, int expiry) {
            int h = 2 * ((3 * expiry + sym.ordinal()) & (SETS - 1));
            Slice a = ways[h];
            if (a.holds(sym, i, today, spot, expiry)) return a;
            Slice b = ways[h + 1];
            ways[h] = b;
            ways[h + 1] = a;
            return b;
        }
    }

    /**
     * As {@link #price(Symbol, int, int, double, int, double, boolean, double[])}, reusing the day-wide part kept in {@code c} for this
     * symbol and expiry.
     */
    public double price(Slices c, Symbol sym, int i, int today, double spot, int expiry, double strike, boolean call, double[] out) {
        return price(c.of(sym, i, today, spot, expiry), sym, i, today, spot, expiry, strike, call, out);
    }

    /**
     * Mid into out[0] and delta into out[1] for a contract at spot {@code spot} on day i (epoch day
     * {@code today}): IV from this surface, variance over the variance clock plus the variance of the
     * scheduled events the contract spans (taken out of the indices in the constructor, so counted
     * once), discounting over calendar time. Returns the calendar-equivalent IV, √(total variance / T).
     */
    public double price(Symbol sym, int i, int today, double spot, int expiry, double strike, boolean call, double[] out) {
        return price(new Slice(), sym, i, today, spot, expiry, strike, call, out);
    }

    /** As above, reusing {@code c} when the contract shares its expiry, day, symbol and spot with the last one priced through it. */
    private double price(Slice c, Symbol sym, int i, int today, double spot, int expiry, double strike, boolean call, double[] out) {
        if (!c.holds(sym, i, today, spot, expiry)) {
            double t = Math.max(0, expiry - today) / 365.0;
            double r = in.rate(i), q = in.divYield(sym, i);
            c.t = t;
            c.dfr = Math.exp(-r * t);
            c.dfq = Math.exp(-q * t);
            // The forward from the two discount factors: one exp fewer, equal to e^{(r−q)T} to an ulp.
            c.fwd = spot * c.dfq / c.dfr;
            c.atm = atm(sym, i, t);
            c.sd = c.atm * Math.sqrt(Math.max(t, 1.0 / (365 * 24)));
            c.skew = skewScale[i];
            c.callSkew = s.callSkewAt(t);
            c.tau = s.varianceTime(today, expiry);
            double ratio = in.volRatio(sym, i);
            c.events = ratio * ratio * in.eventVariance(i, today, expiry);
            c.sym = sym;
            c.i = i;
            c.today = today;
            c.expiry = expiry;
            c.spot = spot;
        }
        double lnKF = Math.log(strike / c.fwd);
        double iv = smileAt(c.atm, lnKF / c.sd, c.skew, c.callSkew);
        double total = iv * iv * c.tau + c.events;
        BlackScholes.priceDeltaForward(call, c.fwd, strike, -lnKF, Math.sqrt(total), c.dfr, c.dfq, out);
        return c.t > 0 ? Math.sqrt(total / c.t) : iv;
    }

    /** Implied vol for strike k, forward {@code fwd}, {@code t} years. */
    public double iv(Symbol sym, int i, double t, double fwd, double k) {
        double atm = atm(sym, i, t);
        return smile(atm, atm * Math.sqrt(Math.max(t, 1.0 / (365 * 24))), skewScale[i], s.callSkewAt(t), fwd, k);
    }

    /** The smile around {@code atm}: the put or call wing's multiplier at moneyness log(k/fwd) in ATM standard deviations {@code sd}. */
    private double smile(double atm, double sd, double g, double callSkew, double fwd, double k) {
        return smileAt(atm, Math.log(k / fwd) / sd, g, callSkew);
    }

    private double smileAt(double atm, double x, double g, double callSkew) {
        double m = x < 0 ? 1 - g * s.putSkew() * x + s.putCurve() * x * x : 1 - g * callSkew * x + s.callCurve() * x * x;
        return clamp(atm * within(m, s.multiplierFloor(), s.multiplierCap()));
    }

    private double clamp(double v) {
        return within(v, s.ivFloor(), s.ivCap());
    }

    /**
     * v limited to [lo, hi] by comparisons: Math.max and Math.min order signed zeros and NaN, which
     * on doubles costs a blend sequence the profile showed at a twentieth of a run.
     * The same value for every v, NaN included (NaN compares false and passes through, as it did),
     * since both limits are positive.
     */
    private static double within(double v, double lo, double hi) {
        double m = v > hi ? hi : v;
        return m < lo ? lo : m;
    }
}
