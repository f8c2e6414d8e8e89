package sde.benchmark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sde.backtest.BacktestSettings;

/**
 * The benchmark keys of conf/sde.yaml. A replica is sized by its index's rule, not by the account
 * limits a searched strategy obeys, so those are opened to {@code maxBuyingPower} for it; a large
 * capital keeps the rounding to whole SPY contracts small.
 */
public record BenchmarkSettings(List<String> indices, double startingCapital, double maxBuyingPower, double collateralMultiple,
                                boolean earlyAssignment, BacktestSettings.Settlement expirySettlement,
                                double strikeFraction, double morningFraction, int firstYear, List<String> fitParams,
                                List<Double> levelGrid, double levelMinSe, double levelPriorSe, Map<String, DailyFund> dailyFunds,
                                double sessionVarianceLeft) {
    public BenchmarkSettings {
        indices = List.copyOf(indices);
        fitParams = List.copyOf(fitParams);
        levelGrid = List.copyOf(levelGrid);
        if (levelGrid.size() != 3 || !(levelGrid.get(0) > 0 && levelGrid.get(1) > levelGrid.get(0) && levelGrid.get(2) > 0
                && levelGrid.get(2) < levelGrid.get(1) - levelGrid.get(0))) {
            throw new IllegalArgumentException("benchmark.level_grid: [from, to, step] with 0 < from < to and 0 < step < to - from, got "
                    + levelGrid);
        }
        if (!(levelPriorSe > 0 && levelPriorSe < 10)) {
            throw new IllegalArgumentException("benchmark.level_prior_se must be in (0, 10), got " + levelPriorSe);
        }
        if (!(levelMinSe > 0 && levelMinSe < 1)) {
            throw new IllegalArgumentException("benchmark.level_min_se must be in (0, 1), got " + levelMinSe);
        }
        dailyFunds = java.util.Collections.unmodifiableMap(new TreeMap<>(dailyFunds));
        for (String f : dailyFunds.keySet()) {
            if (CboeIndex.known(f)) throw new IllegalArgumentException("daily_funds." + f + ": the name of a built-in index");
        }
        if (!(sessionVarianceLeft > 0 && sessionVarianceLeft <= 1)) {
            throw new IllegalArgumentException("benchmark.session_variance_left must be in (0, 1], got " + sessionVarianceLeft);
        }
        for (String i : indices) {
            if (!dailyFunds.containsKey(i.strip().toUpperCase(java.util.Locale.ROOT))) CboeIndex.parse(i);
        }
        if (!(startingCapital > 0)) throw new IllegalArgumentException("benchmark.starting_capital must be > 0");
        if (!(maxBuyingPower >= 1)) throw new IllegalArgumentException("benchmark.max_buying_power must be >= 1");
        if (!(collateralMultiple > 0)) throw new IllegalArgumentException("benchmark.collateral_multiple must be > 0");
    }
}
