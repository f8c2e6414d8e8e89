package sde.benchmark;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import sde.backtest.BacktestSettings;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.RawSeries;
import sde.data.Symbol;
import sde.pricing.OptionRow;
import sde.pricing.PricingSettings;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits QQQ's or IWM's ATM level over what its ratio to SPY gives (pricing.surface.symbol_atm_scale) on its
 * fund replica's train years (QYLD on QQQ, RYLD on IWM) plus its calibration chains, with the objective
 * SurfaceFit uses for SPY: the chains' mean |IV error| + the replica's mean |calendar-year error| + 2 × its
 * mean |monthly error|, the replica trading at the mid. SPY's surface stays as fitted: only the symbol's
 * own level moves. One parameter, so Brent's method (Commons Math) on [SCALE_LO, SCALE_HI]. With
 * {@code heldOut} a train year is left out, for the same leave-one-year-out check SPY's fit has: whether
 * fitting the scale beats leaving it at 1 on the year it did not see.
 */
public final class SymbolFit {
    static final double SCALE_LO = 0.6, SCALE_HI = 1.6;

    /** The fitted scale, the objective's parts at it, and (with a held-out year) that year's errors at it and at scale 1. */
    public record Result(Symbol symbol, double scale, double quotesIvMaePts, double yearMaePp, double monthMaePp, int evaluations,
                         int heldOut, double heldOutYearMaePp, double heldOutMonthMaePp, double unfittedYearMaePp,
                         double unfittedMonthMaePp) {
        public String setLine() {
            return String.format(Locale.ROOT, "--set pricing.surface.symbol_atm_scale.%s=%.4f", symbol, scale);
        }
    }

    private SymbolFit() {}

    /**
     * @param funds       the symbol's replicated benchmarks (CboeIndex.replicated(all, symbol))
     * @param calibration the calibration quotes; only the symbol's are read
     * @param heldOut     a train year left out of the objective and reported alone, or 0
     */
    public static Result fit(MarketData md, PricingSettings p0, BacktestSettings account, BenchmarkSettings b, Symbol symbol,
                             Map<String, RawSeries> funds, List<OptionRow> calibration, int lastTrainYear, int heldOut) {
        if (symbol == Symbol.SPY) throw new IllegalArgumentException("SPY's level is atm_ratio's: fit it with benchmark --fit");
        if (funds.isEmpty()) {
            throw new IllegalArgumentException("benchmark --fit-symbols: the data folder's MANIFEST lists no fund on " + symbol);
        }
        List<OptionRow> rows = calibration.stream().filter(r -> r.symbol() == symbol).toList();
        MarketData train = md.slice(0, md.indexOnOrBefore(Dates.of(lastTrainYear + "-12-31")) + 1);
        PricingSettings mid = SurfaceFit.atMid(p0);
        int[] evals = {0};
        UnivariatePointValuePair best = new BrentOptimizer(1e-4, 1e-5).optimize(new MaxEval(100), GoalType.MINIMIZE,
                new SearchInterval(SCALE_LO, SCALE_HI, p0.surface().symbolAtmScale().get(symbol.name())),
                new UnivariateObjectiveFunction(k -> {
                    evals[0]++;
                    double[] parts = SurfaceFit.parts(md, train, scaled(mid, symbol, k), account, b, funds, rows, heldOut, false);
                    return parts[0] + parts[1] + 2 * parts[2];
                }));
        double k = best.getPoint();
        double[] parts = SurfaceFit.parts(md, train, scaled(mid, symbol, k), account, b, funds, rows, heldOut, false);
        double[] held = new double[3], unfitted = new double[3];
        if (heldOut != 0) {
            held = SurfaceFit.parts(md, train, scaled(mid, symbol, k), account, b, funds, rows, heldOut, true);
            unfitted = SurfaceFit.parts(md, train, scaled(mid, symbol, 1), account, b, funds, rows, heldOut, true);
        }
        return new Result(symbol, k, parts[0], parts[1], parts[2], evals[0], heldOut, held[1], held[2], unfitted[1], unfitted[2]);
    }

    static PricingSettings scaled(PricingSettings p, Symbol symbol, double scale) {
        return new PricingSettings(p.listing(), p.surface().withSymbolScale(symbol, scale), p.quotes(), p.fills(), p.liquidity());
    }
}
