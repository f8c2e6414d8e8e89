package sde.benchmark;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import sde.backtest.BacktestSettings;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.RawSeries;
import sde.pricing.Calibration;
import sde.pricing.FillSettings;
import sde.pricing.OptionRow;
import sde.pricing.PricingSettings;
import sde.pricing.QuoteSettings;
import sde.pricing.SurfaceSettings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits the surface's ATM level (atm_ratio and its powers in the index level, the tenor and the SKEW
 * index; the smile's shape stays as `calibrate --fit` fitted it on the quotes) on the calibration
 * quotes plus the benchmark months of the train years only
 *. The replicas run on the market cut after the last train year, so no later month
 * can reach the fit; every later year and the check quotes are out of sample. (The calibration
 * quotes include the 2026-02-11 snapshot, priced on its own day's indices, as MANIFEST.csv says.)
 *
 * <p>The replicas of the fit trade at the mid without commissions: an index is a mid (VWAP)
 * construct, and a fit that had to earn the engine's costs back would make the surface rich by them.
 *
 * <p>Objective (all in points): the calibration quotes' mean |IV error| (|Δ| 3–97) + the mean
 * |calendar-year error| of each replica over the train years + 2 × its mean |monthly error|. Nelder–
 * Mead (Commons Math), as Calibration does for the quotes alone.
 */
public final class SurfaceFit {

    public record Result(PricingSettings settings, double objective, double quotesIvMaePts, double yearMaePp, double monthMaePp,
                         int evaluations, double heldOutYearMaePp, double heldOutMonthMaePp) {
        /** The fitted values as the --set lines that reproduce them (every ATM parameter, fitted or not). */
        public String setLines() {
            StringBuilder sb = new StringBuilder();
            for (Param p : Param.values()) {
                sb.append(String.format(Locale.ROOT, " --set pricing.surface.%s=%.4f", p.key(), p.get(settings.surface())));
            }
            return sb.toString().strip();
        }
    }

    private SurfaceFit() {}

    /** A fitted surface parameter: its conf key under pricing.surface, its start step and bounds. */
    public enum Param {
        ATM_RATIO(0.04, 0.5, 1.2), ATM_VIX_POWER(0.1, -0.8, 0.8), ATM_TENOR_POWER(0.05, -0.5, 0.5), ATM_SKEW_POWER(0.2, -3, 3);

        final double step, lo, hi;

        Param(double step, double lo, double hi) { this.step = step; this.lo = lo; this.hi = hi; }

        public String key() { return name().toLowerCase(Locale.ROOT); }

        double get(SurfaceSettings s) {
            return switch (this) {
                case ATM_RATIO -> s.atmRatio();
                case ATM_VIX_POWER -> s.atmVixPower();
                case ATM_TENOR_POWER -> s.atmTenorPower();
                case ATM_SKEW_POWER -> s.atmSkewPower();
            };
        }

        public static Param parse(String key) {
            try {
                return valueOf(key.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("benchmark.fit_params: unknown '" + key + "'; known: "
                        + Arrays.stream(values()).map(Param::key).toList());
            }
        }
    }

    public static Result fit(MarketData md, PricingSettings p0, BacktestSettings account, BenchmarkSettings b,
                             Map<String, RawSeries> benchmarks, List<OptionRow> calibration, int lastTrainYear, int maxEval) {
        return fit(md, p0, account, b, benchmarks, calibration, lastTrainYear, 0, maxEval);
    }

    /**
     * As above with the months and the calendar year {@code heldOut} left out of the objective (0: none),
     * for a leave-one-year-out cross-validation inside the train years: which parameters to fit is
     * chosen on the held-out train years, never on a test year.
     */
    public static Result fit(MarketData md, PricingSettings p0, BacktestSettings account, BenchmarkSettings b,
                             Map<String, RawSeries> benchmarks, List<OptionRow> calibration, int lastTrainYear, int heldOut, int maxEval) {
        if (benchmarks.isEmpty()) throw new IllegalArgumentException("benchmark --fit: the data folder's MANIFEST lists no benchmark");
        List<Param> params = b.fitParams().stream().map(Param::parse).toList();
        MarketData train = md.slice(0, md.indexOnOrBefore(Dates.of(lastTrainYear + "-12-31")) + 1);
        double[] start = new double[params.size()], step = new double[params.size()];
        for (int k = 0; k < start.length; k++) {
            start[k] = params.get(k).get(p0.surface());
            step[k] = params.get(k).step;
        }
        int[] evals = {0};
        PricingSettings atMid = atMid(p0);
        ObjectiveFunction f = new ObjectiveFunction(x -> {
            evals[0]++;
            for (int k = 0; k < x.length; k++) if (x[k] < params.get(k).lo || x[k] > params.get(k).hi) return 1e9;
            double[] parts = parts(md, train, with(atMid, params, x), account, b, benchmarks, calibration, heldOut, false);
            return parts[0] + parts[1] + 2 * parts[2];
        });
        PointValuePair best = new SimplexOptimizer(1e-6, 1e-8).optimize(new MaxEval(maxEval), GoalType.MINIMIZE,
                new InitialGuess(start), new NelderMeadSimplex(step), f);
        PricingSettings p = with(p0, params, best.getPoint()), mid = with(atMid, params, best.getPoint());
        double[] parts = parts(md, train, mid, account, b, benchmarks, calibration, heldOut, false);
        double[] held = heldOut == 0 ? new double[3] : parts(md, train, mid, account, b, benchmarks, calibration, heldOut, true);
        return new Result(p, best.getValue(), parts[0], parts[1], parts[2], evals[0], held[1], held[2]);
    }

    /** {@code p} with fills at the mid: no spread beyond the tick, no slippage, commissions or fees. */
    static PricingSettings atMid(PricingSettings p) {
        QuoteSettings q = p.quotes();
        FillSettings f = p.fills();
        return new PricingSettings(p.listing(), p.surface(), new QuoteSettings(q.tick(), 0, 0, q.spreadMaxPct(), q.volRef(),
                q.volPower()),
                new FillSettings(0, 0, 0, f.assignmentFee(), f.putAssignmentExtrinsic(), 0, 0), p.liquidity());
    }

    private static PricingSettings with(PricingSettings p, List<Param> params, double[] x) {
        SurfaceSettings s = p.surface();
        double[] v = {s.atmRatio(), s.atmVixPower(), s.atmTenorPower(), s.atmSkewPower()};
        for (int k = 0; k < x.length; k++) v[params.get(k).ordinal()] = x[k];
        return new PricingSettings(p.listing(), s.withShape(v[0], v[1], v[2], v[3], s.putSkew(), s.putCurve(), s.callSkew(), s.callCurve()),
                p.quotes(), p.fills(), p.liquidity());
    }

    /**
     * {quotes IV MAE, mean |year error|, mean |month error|} of one candidate surface on the train data:
     * over every year but {@code heldOut}, or ({@code onlyHeldOut}) over that year alone.
     */
    static double[] parts(MarketData md, MarketData train, PricingSettings p, BacktestSettings account, BenchmarkSettings b,
                          Map<String, RawSeries> benchmarks, List<OptionRow> calibration, int heldOut, boolean onlyHeldOut) {
        double iv = calibration.isEmpty() ? 0 : Calibration.ivMae(Calibration.compare(md, p, calibration));
        Replication rep = new Replication(train, p, account, b);
        double years = 0, months = 0;
        int ny = 0, nm = 0;
        for (Map.Entry<String, RawSeries> e : benchmarks.entrySet()) {
            Replication.Result r = rep.run(CboeIndex.parse(e.getKey()), e.getValue());
            for (Replication.YearRow y : r.years()) {
                if (y.errorPp() != null && !y.partial() && (y.year() == heldOut) == onlyHeldOut) { years += Math.abs(y.errorPp()); ny++; }
            }
            for (Replication.Month m : Replication.months(r.days(), r.replica(), r.indexLevel())) {
                if ((m.year() == heldOut) != onlyHeldOut) continue;
                months += 100 * Math.abs(m.replica() - m.index());
                nm++;
            }
        }
        return new double[]{iv, ny == 0 ? 0 : years / ny, nm == 0 ? 0 : months / nm};
    }
}
