package sde.sweep;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import sde.backtest.BacktestSettings;
import sde.backtest.Engine;
import sde.data.MarketData;
import sde.pricing.PricingSettings;
import sde.regime.RegimeSettings;

/**
 * What every sweep of a run shares (issue 16): the Spark session, the engine (the market data and
 * its modeled chain) broadcast to the executors once for the whole run, not per generation or per
 * study, and the settings the candidates are decoded and priced with. Built once by the command or
 * the daemon.
 *
 * <p>The engine, not only the market, is what travels (issue 17 item 1): each task used to build
 * its own surface, strike grid and listing calendar, 10–20 ms of work per task and, since that ran
 * once per task, code the JIT kept compiling for the whole sweep (a compiler thread took a third
 * of a 2-core machine in the warm loop). An executor deserializes the broadcast once and its tasks
 * share it: an engine holds nothing a run changes.
 */
public record SweepContext(SparkSession spark, MarketData md, Broadcast<Engine> engine, PricingSettings pricing, BacktestSettings backtest,
                           RegimeSettings regime) {

    public static SweepContext of(SparkSession spark, MarketData md, PricingSettings pricing, BacktestSettings backtest, RegimeSettings regime) {
        return new SweepContext(spark, md, broadcast(spark, Engine.of(md, pricing)), pricing, backtest, regime);
    }

    /** The engine as the executors get it. */
    public static Broadcast<Engine> broadcast(SparkSession spark, Engine engine) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(engine);
    }
}
