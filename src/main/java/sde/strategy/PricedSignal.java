package sde.strategy;

/**
 * A signal as the engine would fill one unit of it now: {@code entryCash} is what one unit pays
 * (negative) or receives (positive) after spread, slippage and costs; {@code maxLoss} is the worst
 * loss of one unit at expiry (Infinity for undefined risk); {@code requirement} the buying power
 * one unit ties up; {@code risk} what the risk limits and fixed-fraction sizing count per unit: the
 * max loss, or the requirement where the risk is undefined or the position is naked (docs/backtest.md).
 */
public record PricedSignal(Signal signal, double entryCash, double maxLoss, double requirement, double risk) {
    public boolean definedRisk() { return Double.isFinite(maxLoss); }
}
