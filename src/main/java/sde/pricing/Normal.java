package sde.pricing;

import org.apache.commons.math3.special.Erf;

/**
 * Standard normal density and distribution for the pricer's hot path.
 * Hand-written because Commons Math's NormalDistribution goes through Erf's continued fractions
 * (about ten times slower), which would miss the ≤ 50 ns price+delta target; this is
 * Hart's algorithm 5666 in G. West's double-precision form ("Better approximations to cumulative
 * normal functions", Wilmott 2005), accurate to ~1e-14 absolute (NormalTest checks it against
 * Commons Math).
 */
public final class Normal {
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private Normal() {}

    public static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    public static double cdf(double x) {
        return Math.abs(x) > 37 ? (x > 0 ? 1 : 0) : cdf(x, Math.exp(-0.5 * x * x));
    }

    /** {@link #cdf(double)} given {@code e = exp(-x²/2)}, which the pricer often has already (saves an exp). */
    static double cdf(double x, double e) {
        double a = Math.abs(x);
        double c;
        if (a > 37) {
            c = 0;
        } else {
            if (a < 7.07106781186547) {
                double b = 3.52624965998911E-02 * a + 0.700383064443688;
                b = b * a + 6.37396220353165;
                b = b * a + 33.912866078383;
                b = b * a + 112.079291497871;
                b = b * a + 221.213596169931;
                b = b * a + 220.206867912376;
                c = e * b;
                b = 8.83883476483184E-02 * a + 1.75566716318264;
                b = b * a + 16.064177579207;
                b = b * a + 86.7807322029461;
                b = b * a + 296.564248779674;
                b = b * a + 637.333633378831;
                b = b * a + 793.826512519948;
                b = b * a + 440.413735824752;
                c = c / b;
            } else {
                double b = a + 0.65;
                b = a + 4 / b;
                b = a + 3 / b;
                b = a + 2 / b;
                b = a + 1 / b;
                c = e / b / 2.506628274631;
            }
        }
        return x > 0 ? 1 - c : c;
    }

    /** Inverse of {@link #cdf}; used when choosing strikes, not per day, so Commons Math's erfInv is fine. */
    public static double inverseCdf(double p) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }
}
