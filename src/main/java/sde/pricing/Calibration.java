package sde.pricing;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import sde.data.MarketData;
import sde.data.SeriesId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model against real quotes: per row the model's mid, spread and IV beside the
 * real ones, errors by |delta| and DTE bucket, and a fit of the surface and spread parameters on the
 * calibration rows only. The real IV is always recomputed from the real mid with the same rate,
 * dividend yield and time as the model (vendor IVs are unreliable, SOURCES.md). The model prices at
 * the row's stated underlying where it has one, so an intraday snapshot is not compared with the
 * close. Rows kept (as SOURCES.md filtered): 1–120 DTE, strike within ±20 % of spot, bid > 0.
 */
public final class Calibration {
    public static final int MAX_DTE = 120;
    public static final double MAX_MONEYNESS = 0.20;

    private Calibration() {}

    /** One compared quote; spreads are NaN for mid-only rows, realIv NaN where the mid has no BSM vol. */
    public record Row(OptionRow real, double spot, double realMid, double realSpread, double realIv,
                      double modelMid, double modelSpread, double modelIv, double modelDelta) {}

    /**
     * Mean absolute errors of one bucket: mid in $, spread in $, IV in vol points; the biases are
     * mean(model − real): a negative spread bias means the model's spreads are narrower than real
     * ones, which flatters every backtest.
     */
    public record Bucket(String name, int n, double maeMid, double maeSpread, double spreadBias, double maeIvPts, double ivBiasPts) {}

    public static List<Row> compare(MarketData md, PricingSettings p, List<OptionRow> rows) {
        PricingInputs in = new PricingInputs(md, p.surface());
        return compare(md, in, new VolSurface(in, p.surface()), new QuoteModel(p.quotes()), rows);
    }

    static List<Row> compare(MarketData md, PricingInputs in, VolSurface surf, QuoteModel qm, List<OptionRow> rows) {
        List<Row> out = new ArrayList<>(rows.size());
        double[] pd = new double[2];
        for (OptionRow r : rows) {
            int i = md.indexOf(r.quoteDate());
            if (i < 0) continue;
            double spot = Double.isNaN(r.underlying()) ? md.close(r.symbol(), i) : r.underlying();
            int dte = r.dte();
            if (dte < 1 || dte > MAX_DTE || Math.abs(r.strike() / spot - 1) > MAX_MONEYNESS) continue;
            if (r.hasBidAsk() ? !(r.bid() > 0 && r.ask() >= r.bid()) : !(r.mid() > 0.005)) continue;
            double t = dte / 365.0, rate = in.rate(i), q = in.divYield(r.symbol(), i);
            double iv = surf.price(r.symbol(), i, r.quoteDate(), spot, r.expiry(), r.strike(), r.call(), pd);
            Quote mq = qm.quote(pd[0], md.value(SeriesId.VIX, i), iv, pd[1]);
            double realMid = r.hasBidAsk() ? (r.bid() + r.ask()) / 2 : r.mid();
            double realIv = BlackScholes.impliedVol(r.call(), realMid, spot, r.strike(), t, rate, q);
            out.add(new Row(r, spot, realMid, r.hasBidAsk() ? r.ask() - r.bid() : Double.NaN, realIv,
                    pd[0], mq.spread(), iv, pd[1]));
        }
        return out;
    }

    public static String deltaBucket(Row r) {
        double d = Math.abs(r.modelDelta()) * 100;
        return d < 10 ? "|d| 0-10" : d < 25 ? "|d| 10-25" : d < 40 ? "|d| 25-40" : d < 60 ? "|d| 40-60"
                : d < 75 ? "|d| 60-75" : d < 90 ? "|d| 75-90" : "|d| 90+";
    }

    public static String dteBucket(Row r) {
        int d = r.real().dte();
        return d <= 7 ? "DTE 1-7" : d <= 30 ? "DTE 8-30" : d <= 60 ? "DTE 31-60" : "DTE 61-120";
    }

    /** The model cell of a compared quote: its symbol and side, the model's |delta| and the row's days to expiry. */
    public static ModelCell cell(Row r) {
        return ModelCell.of(r.real().symbol(), r.real().call(), Math.abs(r.modelDelta()), r.real().dte());
    }

    /** The error of the rows in each model cell that has any, in cell order (SPEC §5 coverage: the wing tables). */
    public static Map<ModelCell, Bucket> cells(List<Row> rows) {
        Map<ModelCell, List<Row>> groups = new TreeMap<>(ModelCell.ORDER);
        for (Row r : rows) groups.computeIfAbsent(cell(r), k -> new ArrayList<>()).add(r);
        Map<ModelCell, Bucket> out = new LinkedHashMap<>();
        groups.forEach((c, g) -> out.put(c, bucket(c.toString(), g)));
        return out;
    }

    public static List<Bucket> table(List<Row> rows, Function<Row, String> key) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(key::apply, Calibration::bucketOrder))
                .forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        List<Bucket> out = new ArrayList<>();
        groups.forEach((k, g) -> out.add(bucket(k, g)));
        out.add(bucket("all", rows));
        return out;
    }

    private static int bucketOrder(String a, String b) {
        return Double.compare(firstNumber(a), firstNumber(b));
    }

    private static double firstNumber(String s) {
        Matcher m = Pattern.compile("(\\d+)").matcher(s);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static Bucket bucket(String name, List<Row> g) {
        double mid = 0, spread = 0, spreadBias = 0, iv = 0, bias = 0;
        int ns = 0, ni = 0;
        for (Row r : g) {
            mid += Math.abs(r.modelMid() - r.realMid());
            if (!Double.isNaN(r.realSpread())) {
                spread += Math.abs(r.modelSpread() - r.realSpread());
                spreadBias += r.modelSpread() - r.realSpread();
                ns++;
            }
            if (!Double.isNaN(r.realIv())) { iv += Math.abs(r.modelIv() - r.realIv()); bias += r.modelIv() - r.realIv(); ni++; }
        }
        return new Bucket(name, g.size(), g.isEmpty() ? Double.NaN : mid / g.size(), ns == 0 ? Double.NaN : spread / ns,
                ns == 0 ? Double.NaN : spreadBias / ns, ni == 0 ? Double.NaN : 100 * iv / ni, ni == 0 ? Double.NaN : 100 * bias / ni);
    }

    /** The fitted values: a full PricingSettings with the surface and spread parameters replaced. */
    public record Fit(PricingSettings settings, double ivMaePts, double spreadMae) {}

    /**
     * Fits atm_ratio, put/call skew and curvature (mean |IV error| over rows with 3 ≤ |delta| ≤ 97,
     * where an IV is well defined) and then spread_base and spread_pct (mean |spread error|), by
     * Nelder–Mead (Commons Math). Call it with the calibration rows only. non_session_weight is not
     * fitted: these few days leave it unidentified (IV MAE moves by under 0.1 point across 0..0.8),
     * so it stays at its documented, literature-based value.
     */
    public static Fit fit(MarketData md, PricingSettings p, List<OptionRow> calibrationRows) {
        PricingInputs in = new PricingInputs(md, p.surface());
        SurfaceSettings s0 = p.surface();
        Function<double[], SurfaceSettings> surfaceOf = x -> s0.withShape(x[0], s0.atmVixPower(), s0.atmTenorPower(), s0.atmSkewPower(),
                x[1], x[2], x[3], x[4]);
        QuoteModel qm0 = new QuoteModel(p.quotes());
        SimplexOptimizer opt = new SimplexOptimizer(1e-7, 1e-9);
        PointValuePair best = opt.optimize(new MaxEval(4000), GoalType.MINIMIZE,
                // Same order as SurfaceSettings' constructor: atm_ratio, put_skew, put_curve, call_skew, call_curve.
                new InitialGuess(new double[]{s0.atmRatio(), s0.putSkew(), s0.putCurve(), s0.callSkew(), s0.callCurve()}),
                new NelderMeadSimplex(new double[]{0.05, 0.05, 0.01, 0.05, 0.01}),
                new ObjectiveFunction(x -> {
                    if (x[0] <= 0.3 || x[0] > 1.5 || x[1] < 0 || x[2] < 0 || x[3] < -1 || x[4] < 0) return 1e9;
                    SurfaceSettings s = surfaceOf.apply(x);
                    return ivMae(compare(md, in, new VolSurface(in, s), qm0, calibrationRows));
                }));
        SurfaceSettings surface = surfaceOf.apply(best.getPoint());
        VolSurface fitted = new VolSurface(in, surface);
        QuoteSettings q0 = p.quotes();
        PointValuePair spread = opt.optimize(new MaxEval(2000), GoalType.MINIMIZE,
                new InitialGuess(new double[]{q0.spreadBase(), q0.spreadPct()}),
                new NelderMeadSimplex(new double[]{0.01, 0.005}),
                new ObjectiveFunction(x -> {
                    if (x[0] < 0 || x[1] < 0) return 1e9;
                    QuoteModel qm = new QuoteModel(new QuoteSettings(q0.tick(), x[0], x[1], q0.spreadMaxPct(), q0.volRef(), q0.volPower()));
                    return bucket("", compare(md, in, fitted, qm, calibrationRows)).maeSpread();
                }));
        QuoteSettings quotes = new QuoteSettings(q0.tick(), spread.getPoint()[0], spread.getPoint()[1], q0.spreadMaxPct(),
                q0.volRef(), q0.volPower());
        return new Fit(new PricingSettings(p.listing(), surface, quotes, p.fills(), p.liquidity()), best.getValue(), spread.getValue());
    }

    /** The wing fit: call_skew_tenor_power, and the wing's level-neutral error (points) before and after over {@code rows} calls. */
    public record WingFit(PricingSettings settings, double power, double beforePts, double afterPts, int rows) {}

    /** The wing the fit reads: calls of |delta| 10-60 at 3-60 DTE, where the search's short-dated call trades are. */
    static boolean inWing(Row r) {
        double d = Math.abs(r.modelDelta());
        return r.real().call() && d >= 0.10 && d < 0.60 && r.real().dte() >= 3 && r.real().dte() <= 60 && !Double.isNaN(r.realIv());
    }

    /**
     * Fits call_skew_tenor_power on the calibration rows only, by Brent's method (Commons Math). Level-neutral:
     * each wing call's IV error is taken relative to the mean error of its own chain and expiry's puts of |delta|
     * 40-60 (the level, which the call wing's slope does not move), so a day whose level the model misses (QQQ's
     * two chains after VXN ends) teaches the wing's shape and not its level: two days are not memorised.
     */
    public static WingFit fitWing(MarketData md, PricingSettings levelled, List<OptionRow> calibrationRows) {
        // The wing's shape is read on the vol indices' model alone: the fitted levels scale each tenor's whole smile,
        // so reading it under them would tie the shape to the levels, which are fitted on these chains too.
        PricingSettings p = new PricingSettings(levelled.listing(), levelled.surface().withoutLevels(), levelled.quotes(), levelled.fills(),
                levelled.liquidity());
        PricingInputs in = new PricingInputs(md, p.surface());
        QuoteModel qm = new QuoteModel(p.quotes());
        List<OptionRow> rows = calibrationRows.stream().filter(r -> r.dte() >= 3 && r.dte() <= 60).toList();
        Function<Double, double[]> error =
                k -> wingError(compare(md, in, new VolSurface(in, p.surface().withCallSkewTenorPower(k)), qm, rows));
        UnivariatePointValuePair best =
                new BrentOptimizer(1e-4, 1e-5).optimize(new MaxEval(100), GoalType.MINIMIZE,
                        new SearchInterval(-1.5, 1.5, p.surface().callSkewTenorPower()),
                        new UnivariateObjectiveFunction(k -> error.apply(k)[0]));
        double k = best.getPoint();
        double[] before = error.apply(p.surface().callSkewTenorPower()), after = error.apply(k);
        PricingSettings fitted = new PricingSettings(levelled.listing(), levelled.surface().withCallSkewTenorPower(k), levelled.quotes(),
                levelled.fills(), levelled.liquidity());
        return new WingFit(fitted, k, before[0], after[0], (int) after[1]);
    }

    /** {mean |wing call error − its expiry's ATM put error| in points, rows}: the wing's shape error, level-neutral. */
    static double[] wingError(List<Row> rows) {
        Map<String, double[]> level = new HashMap<>();
        for (Row r : rows) {
            double d = Math.abs(r.modelDelta());
            if (r.real().call() || d < 0.40 || d >= 0.60 || Double.isNaN(r.realIv())) continue;
            double[] a = level.computeIfAbsent(expiryKey(r), x -> new double[2]);
            a[0] += r.modelIv() - r.realIv();
            a[1]++;
        }
        double sum = 0;
        int n = 0;
        for (Row r : rows) {
            double[] a = level.get(expiryKey(r));
            if (!inWing(r) || a == null) continue;
            sum += Math.abs(r.modelIv() - r.realIv() - a[0] / a[1]);
            n++;
        }
        return new double[]{n == 0 ? 1e9 : 100 * sum / n, n};
    }

    private static String expiryKey(Row r) {
        return r.real().source() + "|" + r.real().quoteDate() + "|" + r.real().expiry();
    }

    /** Mean |model − real| IV in points over rows with 3 ≤ |delta| ≤ 97 (where an IV is well defined). */
    public static double ivMae(List<Row> rows) {
        double sum = 0;
        int n = 0;
        for (Row r : rows) {
            double d = Math.abs(r.modelDelta());
            if (Double.isNaN(r.realIv()) || d < 0.03 || d > 0.97) continue;
            sum += Math.abs(r.modelIv() - r.realIv());
            n++;
        }
        return n == 0 ? 1e9 : 100 * sum / n;
    }
}
