package sde.benchmark;

import sde.backtest.BacktestSettings;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.RawSeries;
import sde.pricing.PricingSettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The model band (SPEC §5 model risk): how far the surface's ATM level would have
 * had to move, year by year, for a replica to earn exactly what its real index earned. For each
 * train year of each benchmark the ATM ratio is scaled by 1 + d over a grid of d, and the d at which
 * the replica's calendar-year return crosses the index's is read off (linearly between grid points,
 * clamped to the grid). The band's low and high edges are quantiles of those d: the range in which
 * the real premiums lay. Calendar years, not months: a month's error is mostly the roll day's
 * intraday timing (docs/benchmarks.md), a year's mostly the premium level. Only train years are used,
 * like the fit; the replicas trade at the mid.
 */
public final class ModelBand {

    /** The band: pricing.surface.band_low and band_high, with the yearly crossings they come from. */
    public record Result(double low, double high, int years, double[] crossings) {}

    private ModelBand() {}

    public static Result estimate(MarketData md, PricingSettings p, BacktestSettings account, BenchmarkSettings b,
                                  Map<String, RawSeries> benchmarks, int lastTrainYear, double[] grid, double qLow, double qHigh) {
        if (benchmarks.isEmpty()) throw new IllegalArgumentException("benchmark --band: the data folder's MANIFEST lists no benchmark");
        if (grid.length < 2) throw new IllegalArgumentException("benchmark.band_grid needs at least two points");
        MarketData train = md.slice(0, md.indexOnOrBefore(Dates.of(lastTrainYear + "-12-31")) + 1);
        PricingSettings mid = SurfaceFit.atMid(p);
        List<double[]> perGrid = new ArrayList<>();   // [grid][index-year] replica − index return, points
        for (double d : grid) {
            Replication rep = new Replication(train, mid.withAtmScale(1 + d), account, b);
            List<Double> errors = new ArrayList<>();
            for (Map.Entry<String, RawSeries> e : benchmarks.entrySet()) {
                for (Replication.YearRow y : rep.run(CboeIndex.parse(e.getKey()), e.getValue()).years()) {
                    if (y.errorPp() != null && !y.partial()) errors.add(y.errorPp());
                }
            }
            perGrid.add(errors.stream().mapToDouble(Double::doubleValue).toArray());
        }
        int n = perGrid.get(0).length;
        double[] cross = new double[n];
        for (int m = 0; m < n; m++) cross[m] = crossing(grid, perGrid, m);
        double[] sorted = cross.clone();
        Arrays.sort(sorted);
        return new Result(quantile(sorted, qLow), quantile(sorted, qHigh), n, cross);
    }

    /** The d at which entry m's difference changes sign; the grid's end where it never does. */
    static double crossing(double[] grid, List<double[]> perGrid, int m) {
        for (int k = 1; k < grid.length; k++) {
            double a = perGrid.get(k - 1)[m], c = perGrid.get(k)[m];
            if (a == 0) return grid[k - 1];
            if (Math.signum(a) != Math.signum(c)) return grid[k - 1] + (grid[k] - grid[k - 1]) * a / (a - c);
        }
        // No crossing: a short-premium replica gains with d, so it stays below (above) the index at every d.
        double first = perGrid.get(0)[m], last = perGrid.get(grid.length - 1)[m];
        return Math.abs(first) < Math.abs(last) ? grid[0] : grid[grid.length - 1];
    }

    /** Linear-interpolated quantile of a sorted array. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
