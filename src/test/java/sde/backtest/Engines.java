package sde.backtest;

import org.apache.spark.sql.SparkSession;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.daemon.SearchGate;
import sde.data.AlignmentRules;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.MarketDataBuilder;
import sde.data.RealData;
import sde.spark.SparkBackend;
import sde.strategy.Strategies;
import sde.strategy.Strategy;
import sde.sweep.SweepContext;

import java.util.List;
import java.util.Map;

/** Test helpers: the real market, a backtester over it, one-strategy specs. */
public final class Engines {
    public static final SdeConfig CONF = ConfigLoader.load(null, List.of());

    private Engines() {}

    private static final class Holder {
        static final MarketData MD = MarketDataBuilder.build(RealData.sources(), Dates.of("2019-01-02"), Dates.of("2025-12-31"),
                AlignmentRules.spec());
    }

    public static MarketData real() { return Holder.MD; }

    private static final class RealEngine {
        static final Engine ENGINE = Engine.of(real(), CONF.pricing());
    }

    /** The engine over the real data at conf's pricing, built once for the suite. */
    public static Engine engine() { return RealEngine.ENGINE; }

    /** The gate the searches are handed, on the real market and conf's settings. */
    public static SearchGate gate(SweepContext ctx) {
        return new SearchGate(ctx, CONF.validate(), CONF.coverage());
    }

    /** The gate on a context of its own (its variants run on Spark like the search's). */
    public static SearchGate gate(SparkSession spark) {
        return gate(context(spark));
    }

    /** The context the searches run in: Spark on the real market at conf's settings. */
    public static SweepContext context(SparkSession spark) {
        return SparkBackend.context(spark, real(), CONF.pricing(), CONF.backtest(), CONF.regime());
    }

    public static Engine engine(MarketData md) { return md == real() ? engine() : Engine.of(md, CONF.pricing()); }

    public static Backtester backtester(MarketData md, BacktestSettings b) {
        return engine(md).loop(b);
    }

    public static RunSpec spec(String strategy, Map<String, ?> params) {
        Strategy<?> s = Strategies.get(strategy);
        return new RunSpec(List.of(new RunSpec.SlotSpec(strategy, strategy, 1.0, s.space().resolve(params, ""))), CONF.backtest(),
                "2020-01-01", "2025-12-31");
    }

    public static RunResult run(MarketData md, RunSpec spec, String to) {
        return backtester(md, spec.backtest()).run(spec.slots(), Dates.of(spec.from()), Dates.of(to));
    }
}
