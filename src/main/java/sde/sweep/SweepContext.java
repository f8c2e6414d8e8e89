package sde.sweep;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import sde.backtest.BacktestSettings;
import sde.data.MarketData;
import sde.pricing.PricingSettings;
import sde.regime.RegimeSettings;

/**
 * What every sweep of a run shares (issue 16): the Spark session, the market data broadcast to the
 * executors once for the whole run (not per generation or per study), and the settings the
 * candidates are decoded and priced with. Built once by the command or the daemon.
 */
public record SweepContext(SparkSession spark, MarketData md, Broadcast<MarketData> market, PricingSettings pricing, BacktestSettings backtest,
                           RegimeSettings regime) {

    public static SweepContext of(SparkSession spark, MarketData md, PricingSettings pricing, BacktestSettings backtest, RegimeSettings regime) {
        return new SweepContext(spark, md, JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(md), pricing, backtest, regime);
    }
}
