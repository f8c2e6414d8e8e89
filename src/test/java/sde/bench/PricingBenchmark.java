package sde.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sde.pricing.BlackScholes;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Issue 3 target: ≤ 50 ns for one price plus its delta. Inputs cycle through 1024 realistic
 * contracts so the JIT cannot fold them into constants. Run with jobs/bench.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PricingBenchmark {
    private static final int N = 1024;
    private final double[] s = new double[N], k = new double[N], t = new double[N], v = new double[N];
    private final double[] fwd = new double[N], dfr = new double[N], dfq = new double[N], sqrtT = new double[N];
    private final boolean[] call = new boolean[N];
    private int i;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        for (int j = 0; j < N; j++) {
            s[j] = 300 + 300 * r.nextDouble();
            k[j] = s[j] * (0.8 + 0.4 * r.nextDouble());
            t[j] = (1 + r.nextInt(90)) / 365.0;
            v[j] = 0.1 + 0.5 * r.nextDouble();
            call[j] = r.nextBoolean();
            dfr[j] = Math.exp(-0.03 * t[j]);
            dfq[j] = Math.exp(-0.013 * t[j]);
            fwd[j] = s[j] * dfq[j] / dfr[j];
            sqrtT[j] = Math.sqrt(t[j]);
        }
    }

    private final double[] out = new double[2];

    /** The target's figure: one price and its delta, as the backtest marks a leg. */
    @Benchmark
    public double priceAndDelta() {
        int j = i++ & (N - 1);
        BlackScholes.priceDelta(call[j], s[j], k[j], t[j], 0.03, 0.013, v[j], out);
        return out[0] + out[1];
    }

    /** Forward form with the expiry's discount factors and σ√T computed once (as a chain or backtest does). */
    @Benchmark
    public double priceAndDeltaForward() {
        int j = i++ & (N - 1);
        double sd = v[j] * sqrtT[j];
        BlackScholes.priceDeltaForward(call[j], fwd[j], k[j], sd, dfr[j], dfq[j], out);
        return out[0] + out[1];
    }

    /** The same through two separate calls, for comparison. */
    @Benchmark
    public double priceThenDelta() {
        int j = i++ & (N - 1);
        return BlackScholes.price(call[j], s[j], k[j], t[j], 0.03, 0.013, v[j])
                + BlackScholes.delta(call[j], s[j], k[j], t[j], 0.03, 0.013, v[j]);
    }

    @Benchmark
    public double price() {
        int j = i++ & (N - 1);
        return BlackScholes.price(call[j], s[j], k[j], t[j], 0.03, 0.013, v[j]);
    }

    @Benchmark
    public double impliedVol() {
        int j = i++ & (N - 1);
        double p = BlackScholes.price(call[j], s[j], k[j], t[j], 0.03, 0.013, v[j]);
        return BlackScholes.impliedVol(call[j], p, s[j], k[j], t[j], 0.03, 0.013);
    }
}
