package sde.pricing;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Golden values, identities, finite-difference greeks, round trips, limits and bad input. */
class BlackScholesTest {
    private static final double[] SPOTS = {50, 90, 100, 110, 200};
    private static final double[] TIMES = {1 / 365.0, 7 / 365.0, 0.25, 1, 3};
    private static final double[] VOLS = {0.05, 0.2, 0.6, 1.5};

    @Test
    void hullTextbookExample() {
        // Hull, Options Futures and Other Derivatives, Example 15.6: S=42, K=40, r=10%, σ=20%, T=0.5.
        assertEquals(4.76, BlackScholes.price(true, 42, 40, 0.5, 0.10, 0, 0.20), 0.005);
        assertEquals(0.81, BlackScholes.price(false, 42, 40, 0.5, 0.10, 0, 0.20), 0.005);
    }

    @Test
    void putCallParityWithDividendYield() {
        double k = 100, r = 0.04, q = 0.015;
        for (double s : SPOTS) for (double t : TIMES) for (double v : VOLS) {
            double c = BlackScholes.price(true, s, k, t, r, q, v), p = BlackScholes.price(false, s, k, t, r, q, v);
            assertEquals(s * Math.exp(-q * t) - k * Math.exp(-r * t), c - p, 1e-9 * s, () -> "S=" + s + " T=" + t + " v=" + v);
        }
    }

    @Test
    void greeksMatchFiniteDifferences() {
        double k = 100, r = 0.03, q = 0.01;
        for (boolean call : new boolean[]{true, false})
            for (double s : SPOTS) for (double t : new double[]{0.05, 0.5, 2}) for (double v : new double[]{0.1, 0.3, 0.8}) {
                double h = s * 1e-4, hv = 1e-5, ht = 1e-6;
                double up = BlackScholes.price(call, s + h, k, t, r, q, v), dn = BlackScholes.price(call, s - h, k, t, r, q, v);
                double mid = BlackScholes.price(call, s, k, t, r, q, v);
                String at = (call ? "call" : "put") + " S=" + s + " T=" + t + " v=" + v;
                assertEquals((up - dn) / (2 * h), BlackScholes.delta(call, s, k, t, r, q, v), 1e-6, "delta " + at);
                assertEquals((up - 2 * mid + dn) / (h * h), BlackScholes.gamma(s, k, t, r, q, v), 1e-4, "gamma " + at);
                double vegaFd = (BlackScholes.price(call, s, k, t, r, q, v + hv) - BlackScholes.price(call, s, k, t, r, q,
                        v - hv)) / (2 * hv);
                assertEquals(vegaFd, BlackScholes.vega(s, k, t, r, q, v), 1e-5 * Math.max(1, vegaFd), "vega " + at);
                double thetaFd = -(BlackScholes.price(call, s, k, t + ht, r, q, v) - BlackScholes.price(call, s, k, t - ht, r, q,
                        v)) / (2 * ht);
                assertEquals(thetaFd, BlackScholes.theta(call, s, k, t, r, q, v), 1e-4 * Math.max(1, Math.abs(thetaFd)), "theta " + at);
            }
    }

    @Test
    void strikeForDeltaRoundTrips() {
        double s = 450, t = 35 / 365.0, r = 0.02, q = 0.013, v = 0.22;
        for (double d : new double[]{0.05, 0.16, 0.30, 0.50, 0.84}) {
            double kc = BlackScholes.strikeForDelta(true, d, s, t, r, q, v);
            assertEquals(d, BlackScholes.delta(true, s, kc, t, r, q, v), 1e-10);
            double kp = BlackScholes.strikeForDelta(false, -d, s, t, r, q, v);
            assertEquals(-d, BlackScholes.delta(false, s, kp, t, r, q, v), 1e-10);
        }
        assertTrue(BlackScholes.strikeForDelta(false, -0.16, s, t, r, q, v) < s, "a 16-delta put is below spot");
        assertThrows(IllegalArgumentException.class, () -> BlackScholes.strikeForDelta(true, 1.2, s, t, r, q, v));
    }

    @Test
    void impliedVolRoundTrips() {
        double k = 100, r = 0.05, q = 0.02;
        for (boolean call : new boolean[]{true, false})
            for (double s : SPOTS) for (double t : TIMES) for (double v : VOLS) {
                double p = BlackScholes.price(call, s, k, t, r, q, v);
                // Far from the money a price carries no information about vol beyond rounding: skip those.
                if (BlackScholes.vega(s, k, t, r, q, v) < 1e-4) continue;
                assertEquals(v, BlackScholes.impliedVol(call, p, s, k, t, r, q), 1e-6, () -> "S=" + s + " T=" + t + " v=" + v);
            }
    }

    @Test
    void impliedVolOfAnArbitragePriceIsNaN() {
        // SOURCES.md: the 2021-06-18 K422 put bid 7.00 is below intrinsic 7.07.
        assertTrue(Double.isNaN(BlackScholes.impliedVol(false, 7.00, 414.93, 422, 3 / 365.0, 0.0005, 0)));
        assertTrue(Double.isNaN(BlackScholes.impliedVol(true, 120, 100, 100, 1, 0.01, 0)), "above spot");
    }

    @Test
    void monotoneInVolAndTime() {
        double prev = 0;
        for (double v = 0.01; v < 2; v += 0.05) {
            double p = BlackScholes.price(true, 100, 105, 0.5, 0.03, 0.01, v);
            assertTrue(p > prev);
            prev = p;
        }
        prev = 0;
        for (double t = 0.01; t < 5; t += 0.1) {
            double p = BlackScholes.price(true, 100, 105, t, 0.03, 0, 0.25);
            assertTrue(p > prev, "an American-like call without dividends gains with time");
            prev = p;
        }
    }

    @Test
    void limitsAsTimeOrVolGoToZeroAndFarFromTheMoney() {
        assertEquals(10, BlackScholes.price(true, 110, 100, 0, 0.05, 0, 0.2), 0);
        assertEquals(0, BlackScholes.price(false, 110, 100, 0, 0.05, 0, 0.2), 0);
        assertEquals(10, BlackScholes.price(true, 110, 100, 1e-14, 0.05, 0, 0.2), 1e-9);
        assertEquals(1.0, BlackScholes.delta(true, 110, 100, 0, 0, 0, 0.2));
        assertEquals(0.0, BlackScholes.delta(true, 90, 100, 0, 0, 0, 0.2));
        assertEquals(-1.0, BlackScholes.delta(false, 90, 100, 0, 0, 0, 0.2));
        assertEquals(0.5, BlackScholes.delta(true, 100, 100, 0, 0, 0, 0.2), "at the money the step is split");
        assertEquals(0, BlackScholes.gamma(100, 100, 0, 0, 0, 0.2));
        double zeroVol = BlackScholes.price(true, 100, 90, 1, 0.05, 0.01, 0);
        assertEquals(100 * Math.exp(-0.01) - 90 * Math.exp(-0.05), zeroVol, 1e-12, "discounted forward intrinsic");
        double deepItm = BlackScholes.price(true, 100, 1, 1, 0.05, 0.01, 0.3);
        assertEquals(100 * Math.exp(-0.01) - Math.exp(-0.05), deepItm, 1e-9);
        assertEquals(0, BlackScholes.price(true, 100, 1e6, 1, 0.05, 0.01, 0.3), 1e-12);
        for (double s : SPOTS) for (double t : TIMES) for (double v : VOLS) {
            double p = BlackScholes.price(false, s, 100, t, 0.05, 0.0, v);
            assertTrue(p >= 0 && Double.isFinite(p));
        }
    }

    @Test
    void badArgumentsAreRefusedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> BlackScholes.price(true, -1, 100, 1, 0, 0, 0.2));
        assertThrows(IllegalArgumentException.class, () -> BlackScholes.price(true, 100, 0, 1, 0, 0, 0.2));
        assertThrows(IllegalArgumentException.class, () -> BlackScholes.price(true, 100, 100, -1, 0, 0, 0.2));
        assertThrows(IllegalArgumentException.class, () -> BlackScholes.price(true, 100, 100, 1, 0, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> BlackScholes.price(true, 100, 100, 1, Double.NaN, 0, 0.2));
    }

    @Test
    void priceDeltaInOnePassAgreesWithTheSeparateFormulas() {
        double[] out = new double[2];
        for (boolean call : new boolean[]{true, false})
            for (double s : SPOTS) for (double t : TIMES) for (double v : VOLS) {
                BlackScholes.priceDelta(call, s, 100, t, 0.04, 0.015, v, out);
                // Reference: textbook formulas with Commons Math's normal, nothing shared.
                double sd = v * Math.sqrt(t), d1 = (Math.log(s / 100) + (0.04 - 0.015) * t) / sd + sd / 2, d2 = d1 - sd;
                NormalDistribution n = new NormalDistribution();
                double ref = call
                        ? s * Math.exp(-0.015 * t) * n.cumulativeProbability(d1) - 100 * Math.exp(-0.04 * t) * n.cumulativeProbability(d2)
                        : 100 * Math.exp(-0.04 * t) * n.cumulativeProbability(-d2)
                                - s * Math.exp(-0.015 * t) * n.cumulativeProbability(-d1);
                double refDelta = call ? Math.exp(-0.015 * t) * n.cumulativeProbability(d1)
                        : -Math.exp(-0.015 * t) * n.cumulativeProbability(-d1);
                assertEquals(Math.max(ref, 0), out[0], 1e-9 * s, () -> "S=" + s + " T=" + t + " v=" + v);
                assertEquals(refDelta, out[1], 1e-12);
            }
    }

    @Test
    void normalCdfMatchesCommonsMath() {
        NormalDistribution n = new NormalDistribution();
        for (double x = -40; x <= 40; x += 0.01) {
            assertEquals(n.cumulativeProbability(x), Normal.cdf(x), 1e-14, "x=" + x);
        }
        assertEquals(1.2815515655446004, Normal.inverseCdf(0.9), 1e-12);
    }
}
