package sde.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import sde.backtest.BacktestSettings;
import sde.backtest.Engine;
import sde.data.MarketData;
import sde.io.Location;
import sde.pricing.PricingSettings;
import sde.regime.RegimeSettings;
import sde.sweep.Scoring;
import sde.sweep.SweepBackend;
import sde.sweep.SweepContext;
import sde.sweep.TrialEvaluator;
import sde.sweep.TrialStore;

/**
 * The sweep's backend on Spark: trials evaluated as one job a batch over the engine broadcast once
 * ({@link SparkEvaluation}), rows kept in the Parquet leaderboard ({@link LeaderboardStore}).
 *
 * <p>The engine, not only the market, is what travels: each task used to build its own surface,
 * strike grid and listing calendar, 10–20 ms of work per task and, since that ran once per task,
 * code the JIT kept compiling for the whole sweep (a compiler thread took a third of a 2-core
 * machine in the warm loop). An executor deserializes the broadcast once and its tasks share it: an
 * engine holds nothing a run changes.
 */
public final class SparkBackend implements SweepBackend {
    private final SparkSession spark;
    private final Broadcast<Engine> engine;

    public SparkBackend(SparkSession spark, Broadcast<Engine> engine) {
        this.spark = spark;
        this.engine = engine;
    }

    /** The context every sweep of a run shares, with the engine broadcast once. */
    public static SweepContext context(SparkSession spark, MarketData md, PricingSettings pricing, BacktestSettings backtest,
                                       RegimeSettings regime) {
        return new SweepContext(md, pricing, backtest, regime, new SparkBackend(spark, broadcast(spark, Engine.of(md, pricing))));
    }

    /** The engine as the executors get it. */
    public static Broadcast<Engine> broadcast(SparkSession spark, Engine engine) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(engine);
    }

    @Override
    public TrialEvaluator evaluator(Scoring scoring, int partitions) {
        PartitionEvaluator executor = new PartitionEvaluator(engine,
                JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(scoring));
        return trials -> SparkEvaluation.run(spark.sparkContext(), trials, partitions, executor);
    }

    @Override
    public TrialStore store(Location out, String study) {
        return new LeaderboardStore(spark, out, study);
    }

    @Override
    public double[] sharpes(Location leaderboard) {
        return LeaderboardStore.sharpes(spark, leaderboard);
    }
}
