package sde.benchmark;

import java.util.List;

/**
 * The benchmark keys of conf/sde.yaml. A replica is sized by its index's rule, not by the account
 * limits a searched strategy obeys, so those are opened to {@code maxBuyingPower} for it; a large
 * capital keeps the rounding to whole SPY contracts small.
 */
public record BenchmarkSettings(List<String> indices, double startingCapital, double maxBuyingPower, double collateralMultiple,
                                boolean earlyAssignment, sde.backtest.BacktestSettings.Settlement expirySettlement,
                                int firstYear) {
    public BenchmarkSettings {
        indices = List.copyOf(indices);
        for (String i : indices) CboeIndex.parse(i);
        if (!(startingCapital > 0)) throw new IllegalArgumentException("benchmark.starting_capital must be > 0");
        if (!(maxBuyingPower >= 1)) throw new IllegalArgumentException("benchmark.max_buying_power must be >= 1");
        if (!(collateralMultiple > 0)) throw new IllegalArgumentException("benchmark.collateral_multiple must be > 0");
    }
}
