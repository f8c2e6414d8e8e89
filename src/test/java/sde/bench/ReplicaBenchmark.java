package sde.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sde.benchmark.CboeIndex;
import sde.benchmark.Replication;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.AlignmentRules;
import sde.data.DataLocator;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.MarketDataBuilder;
import sde.data.MarketSources;
import sde.data.RawSeries;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 14's target: a Cboe-index replica costs what a backtest costs (≤ 5 ms). One full replica,
 * 2019-12-31 to the data's end, with its comparison against the index (jobs/bench ReplicaBenchmark).
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ReplicaBenchmark {
    @Param({"PUT", "BXM", "CNDR"})
    public String index;

    private Replication replication;
    private CboeIndex idx;
    private RawSeries levels;

    @Setup(Level.Trial)
    public void setup() {
        SdeConfig cfg = ConfigLoader.load(null, List.of());
        MarketSources src = MarketSources.fromFolder(DataLocator.resolve(null).dir());
        MarketData md = MarketDataBuilder.build(src, Dates.of("2019-01-02"), Dates.of("2026-12-31"), AlignmentRules.spec());
        replication = new Replication(md, cfg.pricing(), cfg.backtest(), cfg.benchmark());
        idx = CboeIndex.parse(index);
        levels = src.benchmarks().get(index);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Replication.Result replica() {
        return replication.run(idx, levels);
    }
}
