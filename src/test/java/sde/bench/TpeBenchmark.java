package sde.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sde.optimize.Optimizer;
import sde.optimize.OptimizerSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Issue 17: what one TPE generation's ask costs the driver while the executors wait, 1,000
 * suggestions over a history of 5,000 in 12 dimensions (a daemon single's), half of it clustered
 * (the good region) and half uniform, at the daemon's 24 EI candidates and the code default's 64.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TpeBenchmark {
    @Param({"24", "64"})
    public int candidates;
    private Optimizer tpe;
    private final List<Optimizer.Evaluated> history = new ArrayList<>();
    private static final int DIMS = 12;

    @Setup
    public void setup() {
        tpe = Optimizer.Kind.of("tpe").create(OptimizerSettings.defaults().withTpeCandidates(candidates));
        SplittableRandom r = new SplittableRandom(1);
        for (int k = 0; k < 5000; k++) {
            double[] g = new double[DIMS];
            double f = 0;
            for (int d = 0; d < DIMS; d++) {
                g[d] = k % 2 == 0 ? Math.max(0, Math.min(1, 0.3 + 0.03 * r.nextGaussian())) : r.nextDouble();
                f -= Math.abs(g[d] - 0.3);
            }
            history.add(new Optimizer.Evaluated(g, f));
        }
    }

    @Benchmark
    public List<double[]> ask1000() {
        return tpe.propose(1000, DIMS, history, new SplittableRandom(7));
    }
}
