package sde.sweep;

import sde.backtest.BacktestSettings;
import sde.backtest.Engine;
import sde.data.MarketData;
import sde.pricing.PricingSettings;
import sde.regime.RegimeSettings;

/**
 * What every sweep of a run shares: the market, the settings the trials are decoded and priced with, and the backend
 * that evaluates and stores them (built once by the command or the daemon, so Spark broadcasts the engine once for the
 * whole run, not per generation or per study).
 */
public record SweepContext(MarketData md, PricingSettings pricing, BacktestSettings backtest, RegimeSettings regime, SweepBackend backend) {
    /** A context on this JVM with the leaderboard in memory: no Spark (tests, and the baseline a benchmark compares with). */
    public static SweepContext local(MarketData md, PricingSettings pricing, BacktestSettings backtest, RegimeSettings regime) {
        return new SweepContext(md, pricing, backtest, regime, new LocalBackend(Engine.of(md, pricing)));
    }
}
