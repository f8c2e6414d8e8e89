package sde.benchmark;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.Symbol;
import sde.pricing.Calibration;
import sde.pricing.ModelCell;
import sde.pricing.OptionRow;
import sde.pricing.PricingSettings;
import sde.pricing.SurfaceSettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The model's centre, a level per symbol and tenor bucket (pricing.surface.levels), fitted where the evidence
 * can say so, and each bucket's band measured from the evidence it was not fitted on (SPEC §1, §5).
 *
 * <p>Evidence, each an estimate of one symbol's level at some buckets with its standard error:
 * <ul>
 *   <li>a replica of a real fund or index: the level at which the replica, at the model's mid, earns over the
 *       fit window what the real one earned (read off a grid of levels, linear between grid points). Its
 *       standard error is the spread of the same crossing over the window's parts (years of the monthly
 *       writers, quarters of the daily ones) over √parts. The monthly writers (PUT, BXM on SPY, QYLD on QQQ,
 *       RYLD on IWM) write at 28-35 days, between the 8-30 and 31-60 buckets' tenors: one level for both;
 *       the daily funds write one session: the 0-2 bucket;</li>
 *   <li>calibration chains: per bucket, the mean log ratio of the real IV to the model's at level 1 over the
 *       near-money quotes (|delta| 0.10-0.60), one value per quote date and expiry (the quotes of one expiry
 *       move together), its standard error over those groups.</li>
 * </ul>
 * A bucket's level is the inverse-variance mean of its estimates; a bucket with none stays where conf has
 * it. Out of sample, each replica's crossing over each later window (the test years; a daily fund's months
 * after its first year) and the check chains' ratio give the relative error the fitted level leaves; a
 * bucket's band spans those errors and 0, widened by its standard error. A bucket with no out-of-sample
 * evidence takes the widest band measured anywhere, so an unverified price is never vouched for more
 * narrowly than a verified one.
 */
public final class LevelFit {
    /**
     * An intraday snapshot's quotes of the shortest tenors measure the time of day more than the level: the model
     * prices at the close, and a 1-DTE quote at 11:30 still has most of a session to run (about 1.6 sessions against
     * the close's 1: +25 % in IV), on a selloff day with the close's vol indices. From 3 days the bias is under 8 %.
     * They are not fitted on; they judge the 0-2 bucket out of sample, so its band spans what they say.
     */
    static final int INTRADAY_MIN_DTE = 3;

    static boolean shortIntraday(OptionRow r) {
        return r.source().startsWith("yfinance") && r.dte() < INTRADAY_MIN_DTE;
    }

    /** Near the money, where an IV is well-conditioned and the evidence's P&L is made. */
    static final double MIN_DELTA = 0.10, MAX_DELTA = 0.60;

    private LevelFit() {}

    /** A window of sessions, epoch days inclusive at both ends (from: the close it is measured from). */
    public record Window(int from, int to, String label) {}

    /**
     * What one piece of evidence says of one symbol's level at {@code days} to expiry: {@code level} with its
     * standard error {@code se} (relative; NaN for an out-of-sample observation, which is only compared).
     */
    public record Observation(String source, Symbol symbol, double days, double level, double se, String label) {}

    /** One source's observations: those the level is fitted on, and those it is judged on. */
    public record Evidence(String source, Symbol symbol, List<Observation> fit, List<Observation> outOfSample) {}

    /** One bucket of one symbol: the fitted level, its standard error (relative), its band, and what pinned it. */
    public record Cell(Symbol symbol, int bucket, double level, double se, List<String> sources, double bandLow, double bandHigh,
                       boolean measured, int outOfSample, boolean pinned) {}

    /** The whole fit: every cell, and the agreement of the evidence (χ² of the fit over its degrees of freedom). */
    public record Fit(List<Cell> cells, double chi2, int dof) {}

    /** The level grid a replica is run on: lo, lo + step, …, hi. */
    public static double[] grid(double lo, double hi, double step) {
        int n = (int) Math.round((hi - lo) / step) + 1;
        double[] g = new double[n];
        for (int k = 0; k < n; k++) g[k] = lo + k * step;
        return g;
    }

    /**
     * {@code p} with every level of {@code symbol} set to {@code level}: a replica marks its open options at every
     * tenor they pass through (a month-end mark of a call written two weeks before), so the scan moves them all, and
     * the crossing does not depend on the levels conf holds now.
     */
    static PricingSettings withLevel(PricingSettings p, Symbol symbol, double level) {
        return new PricingSettings(p.listing(), p.surface().withLevels(symbol, Collections.nCopies(SurfaceSettings.LEVEL_BUCKETS, level)),
                p.quotes(), p.fills(), p.liquidity());
    }

    /**
     * A replica's evidence at {@code days} to expiry (its options' tenor when written): {@code run} replicates at
     * given settings (at the mid); the level is read where its return over {@code fit} crosses the real one, the
     * standard error from the crossings over {@code parts}, and each window of {@code test} gives an out-of-sample
     * level.
     */
    public static Evidence replica(String source, Symbol symbol, double days, PricingSettings p0, double[] grid,
                                   Function<PricingSettings, Replication.Result> run, Window fit, List<Window> parts, List<Window> test,
                                   double minSe) {
        List<Replication.Result> runs = new ArrayList<>();
        for (double l : grid) runs.add(run.apply(withLevel(p0, symbol, l)));
        double level = crossing(grid, runs, fit);
        if (Double.isNaN(level)) throw new IllegalArgumentException(source + ": no real levels over the fit window " + fit.label());
        List<Double> byPart = new ArrayList<>();
        for (Window w : parts) {
            double c = crossing(grid, runs, w);
            if (!Double.isNaN(c)) byPart.add(Math.log(c));
        }
        double se = byPart.size() >= 2 ? new StandardDeviation().evaluate(byPart.stream().mapToDouble(Double::doubleValue).toArray())
                / Math.sqrt(byPart.size()) : Double.NaN;
        List<Observation> oos = new ArrayList<>();
        for (Window w : test) {
            double c = crossing(grid, runs, w);
            if (!Double.isNaN(c)) oos.add(new Observation(source, symbol, days, c, Double.NaN, w.label()));
        }
        Observation o = new Observation(source, symbol, days, level, Math.max(minSe, Double.isNaN(se) ? minSe : se),
                fit.label() + " (" + byPart.size() + " parts)");
        return new Evidence(source, symbol, List.of(o), oos);
    }

    /** The level at which the replica's return over {@code w} equals the real one's (clamped to the grid; NaN without real levels). */
    static double crossing(double[] grid, List<Replication.Result> runs, Window w) {
        double[] err = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            Replication.Result r = runs.get(k);
            int a = indexOnOrBefore(r.days(), w.from()), b = indexOnOrBefore(r.days(), w.to());
            if (a < 0 || b <= a || Double.isNaN(r.indexLevel()[a]) || Double.isNaN(r.indexLevel()[b])) return Double.NaN;
            err[k] = (r.replica()[b] / r.replica()[a]) - (r.indexLevel()[b] / r.indexLevel()[a]);
        }
        for (int k = 1; k < grid.length; k++) {
            if (err[k - 1] == 0) return grid[k - 1];
            if (Math.signum(err[k - 1]) != Math.signum(err[k])) {
                return grid[k - 1] + (grid[k] - grid[k - 1]) * err[k - 1] / (err[k - 1] - err[k]);
            }
        }
        // No crossing on the grid: the end nearer to one (a writer's replica gains with the level).
        return Math.abs(err[0]) < Math.abs(err[grid.length - 1]) ? grid[0] : grid[grid.length - 1];
    }

    private static int indexOnOrBefore(int[] days, int day) {
        int k = java.util.Arrays.binarySearch(days, day);
        return k >= 0 ? k : -k - 2;
    }

    /**
     * The chains' evidence for {@code symbol}: one observation per quote date and bucket, the mean over that date's
     * expiries in the bucket (each expiry the mean log ratio of its near-money quotes), at their mean tenor; the
     * check rows (never fitted) likewise, out of sample. {@code dateSe} is the standard error of one date's level.
     */
    public static Evidence chains(String source, MarketData md, PricingSettings p0, Symbol symbol, List<OptionRow> fitRows,
                                  List<OptionRow> checkRows, double dateSe) {
        PricingSettings flat = flat(p0, symbol);
        List<Observation> fit = new ArrayList<>(), oos = new ArrayList<>();
        for (double[] d : byDate(md, flat, symbol, fitRows.stream().filter(r -> !shortIntraday(r)).toList())) {
            fit.add(new Observation(source, symbol, d[2], Math.exp(d[1]), dateSe, Dates.format((int) d[0])));
        }
        // Not fitted on (the time of day), but what they say of the short end still judges it: the band spans them.
        for (double[] d : byDate(md, flat, symbol, fitRows.stream().filter(LevelFit::shortIntraday).toList())) {
            oos.add(new Observation(source, symbol, d[2], Math.exp(d[1]), Double.NaN, "intraday " + Dates.format((int) d[0])));
        }
        for (double[] d : byDate(md, flat, symbol, checkRows)) {
            oos.add(new Observation(source, symbol, d[2], Math.exp(d[1]), Double.NaN, "check " + Dates.format((int) d[0])));
        }
        return new Evidence(source, symbol, fit, oos);
    }

    private static PricingSettings flat(PricingSettings p0, Symbol symbol) {
        return withLevel(p0, symbol, 1.0);
    }

    /**
     * The standard error of one chain date's level: the spread, from one quote date to another, of the same
     * symbol's and bucket's level on the fitted chains (pooled over every bucket with two dates or more).
     */
    public static double chainDateSe(MarketData md, PricingSettings p0, List<OptionRow> fitRows, double minSe) {
        double ss = 0;
        int dof = 0;
        for (Symbol sym : Symbol.values()) {
            Map<Integer, List<Double>> byBucket = new TreeMap<>();
            for (double[] d : byDate(md, flat(p0, sym), sym, fitRows.stream().filter(r -> !shortIntraday(r)).toList())) {
                byBucket.computeIfAbsent(ModelCell.DteBucket.of((int) Math.round(d[2])).ordinal(), k -> new ArrayList<>()).add(d[1]);
            }
            for (List<Double> v : byBucket.values()) {
                if (v.size() < 2) continue;
                double m = v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                for (double x : v) ss += (x - m) * (x - m);
                dof += v.size() - 1;
            }
        }
        return dof == 0 ? minSe : Math.max(minSe, Math.sqrt(ss / dof));
    }

    /** Per quote date and DTE bucket: {date, mean log IV ratio real/model over its expiries, mean DTE}. */
    private static List<double[]> byDate(MarketData md, PricingSettings flat, Symbol symbol, List<OptionRow> rows) {
        List<OptionRow> mine = rows.stream().filter(r -> r.symbol() == symbol).toList();
        if (mine.isEmpty()) return List.of();
        Map<String, double[]> expiries = new TreeMap<>();   // "date expiry" -> {sum log, n, date, dte}
        for (Calibration.Row r : Calibration.compare(md, flat, mine)) {
            double d = Math.abs(r.modelDelta());
            if (d < MIN_DELTA || d > MAX_DELTA || !(r.realIv() > 0) || !(r.modelIv() > 0)) continue;
            String key = Dates.format(r.real().quoteDate()) + " " + Dates.format(r.real().expiry());
            double[] s = expiries.computeIfAbsent(key, k -> new double[]{0, 0, r.real().quoteDate(), r.real().dte()});
            s[0] += Math.log(r.realIv() / r.modelIv());
            s[1]++;
        }
        Map<String, double[]> dates = new TreeMap<>();   // "date bucket" -> {date, sum of expiry means, sum dte, n}
        for (double[] e : expiries.values()) {
            int bucket = ModelCell.DteBucket.of((int) e[3]).ordinal();
            double[] s = dates.computeIfAbsent((int) e[2] + " " + bucket, k -> new double[]{e[2], 0, 0, 0});
            s[1] += e[0] / e[1];
            s[2] += e[3];
            s[3]++;
        }
        List<double[]> out = new ArrayList<>();
        for (double[] s : dates.values()) out.add(new double[]{s[0], s[1] / s[3], s[2] / s[3]});
        return out;
    }

    /**
     * Linear interpolation weights of the buckets' levels at {@code days}, as SurfaceSettings.level interpolates them.
     */
    static double[] weights(List<Double> tenors, double days) {
        double[] w = new double[SurfaceSettings.LEVEL_BUCKETS];
        if (days <= tenors.get(0)) { w[0] = 1; return w; }
        for (int k = 1; k < w.length; k++) {
            if (days <= tenors.get(k)) {
                double f = (days - tenors.get(k - 1)) / (tenors.get(k) - tenors.get(k - 1));
                w[k - 1] = 1 - f;
                w[k] = f;
                return w;
            }
        }
        w[w.length - 1] = 1;
        return w;
    }

    /**
     * Every symbol's five levels by weighted least squares on the log level: each fitted observation says the level
     * interpolated at its tenor is its level, weighted by 1 / se²; a weak prior (standard error {@code priorSe}) holds
     * each level at 1, so a bucket no evidence reaches stays there. The levels' standard errors are scaled up by
     * √(χ² / dof) where the evidence disagrees more than its errors allow (the Birge ratio). A bucket's band spans the
     * relative errors of the out-of-sample observations whose tenor falls in it (a monthly writer's, written at 28-35
     * days, in both the 8-30 and 31-60 buckets) and 0, widened by its standard error; a bucket with none takes the
     * widest band measured.
     */
    public static Fit fit(List<Evidence> evidence, List<Double> tenors, double priorSe) {
        List<Cell> cells = new ArrayList<>();
        double chi2 = 0;
        int dof = 0;
        for (Symbol sym : Symbol.values()) {
            List<Evidence> mine = evidence.stream().filter(e -> e.symbol() == sym).toList();
            Solved sv = solve(mine.stream().flatMap(e -> e.fit().stream()).toList(), tenors, priorSe);
            chi2 += sv.chi2();
            dof += sv.dof();
            for (int k = 0; k < SurfaceSettings.LEVEL_BUCKETS; k++) cells.add(cell(sym, k, sv, mine, tenors, priorSe));
        }
        double wideLow = 0, wideHigh = 0;
        for (Cell c : cells) {
            if (!c.measured()) continue;
            wideLow = Math.min(wideLow, c.bandLow());
            wideHigh = Math.max(wideHigh, c.bandHigh());
        }
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) {
            out.add(c.measured() ? c : new Cell(c.symbol(), c.bucket(), c.level(), c.se(), c.sources(), wideLow, wideHigh, false,
                    c.outOfSample(), c.pinned()));
        }
        return new Fit(out, chi2, dof);
    }

    /** One symbol's solution: the log levels, their standard errors (Birge-scaled), χ² and its degrees of freedom. */
    private record Solved(double[] lnLevel, double[] se, double chi2, int dof) {
        double lnAt(List<Double> tenors, double days) {
            double[] w = weights(tenors, days);
            double f = 0;
            for (int i = 0; i < w.length; i++) f += w[i] * lnLevel[i];
            return f;
        }
    }

    /** The normal equations of the weighted least squares with the prior on the diagonal, solved by Commons Math. */
    private static Solved solve(List<Observation> obs, List<Double> tenors, double priorSe) {
        int nb = SurfaceSettings.LEVEL_BUCKETS;
        double[][] a = new double[nb][nb];
        double[] rhs = new double[nb];
        for (int k = 0; k < nb; k++) a[k][k] = 1 / (priorSe * priorSe);
        for (Observation o : obs) {
            double[] w = weights(tenors, o.days());
            double wt = 1 / (o.se() * o.se());
            for (int i = 0; i < nb; i++) {
                rhs[i] += wt * w[i] * Math.log(o.level());
                for (int j = 0; j < nb; j++) a[i][j] += wt * w[i] * w[j];
            }
        }
        RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver().getInverse();
        Solved raw = new Solved(inv.operate(rhs), new double[nb], 0, 0);
        double chi2 = 0;
        for (Observation o : obs) chi2 += Math.pow((Math.log(o.level()) - raw.lnAt(tenors, o.days())) / o.se(), 2);
        int pinned = 0;
        for (int k = 0; k < nb; k++) {
            raw.se()[k] = Math.sqrt(inv.getEntry(k, k));
            if (pinned(raw.se()[k], priorSe)) pinned++;
        }
        int dof = Math.max(0, obs.size() - pinned);
        double birge = dof > 0 && chi2 > dof ? Math.sqrt(chi2 / dof) : 1;
        for (int k = 0; k < nb; k++) raw.se()[k] *= birge;
        return new Solved(raw.lnLevel(), raw.se(), chi2, dof);
    }

    /** The evidence pins a bucket when it leaves it under half the prior's error; otherwise the prior (or a neighbour) decides. */
    private static boolean pinned(double se, double priorSe) {
        return se < 0.5 * priorSe;
    }

    /** Bucket k of a solved symbol: its level, its sources, and its own band where out-of-sample evidence judged it. */
    private static Cell cell(Symbol sym, int k, Solved sv, List<Evidence> mine, List<Double> tenors, double priorSe) {
        List<String> sources = new ArrayList<>();
        for (Evidence e : mine) {
            for (Observation o : e.fit()) if (weights(tenors, o.days())[k] > 0 && !sources.contains(o.source())) sources.add(o.source());
        }
        double lo = 0, hi = 0;
        int n = 0;
        for (Evidence e : mine) {
            for (Observation o : e.outOfSample()) {
                if (!inBucket(o.days(), k)) continue;
                double rel = o.level() / Math.exp(sv.lnAt(tenors, o.days())) - 1;
                lo = Math.min(lo, rel);
                hi = Math.max(hi, rel);
                n++;
            }
        }
        double se = sv.se()[k];
        boolean pinned = pinned(se, priorSe), measured = n > 0 && pinned;
        return new Cell(sym, k, Math.exp(sv.lnLevel()[k]), se, sources, measured ? lo - se : 0, measured ? hi + se : 0, measured, n,
                pinned);
    }

    /**
     * Whether an observation at {@code days} judges {@code bucket}: its DTE bucket; a monthly writer's (written at
     * 28-35 days, observed at 30) both the 8-30 and the 31-60 buckets, whose tenors it lies between.
     */
    static boolean inBucket(double days, int bucket) {
        int b = ModelCell.DteBucket.of((int) Math.round(days)).ordinal();
        return b == bucket || (days == MONTHLY_DAYS && bucket == b + 1);
    }

    /** The tenor at which a monthly writer's evidence is observed: its options are written 28 or 35 days before expiry. */
    public static final double MONTHLY_DAYS = 30;

    /** The conf lines: levels and bands per symbol, rounded as conf keeps them. */
    public static List<String> confLines(List<Cell> cells) {
        List<String> out = new ArrayList<>();
        for (Symbol sym : Symbol.values()) {
            List<Cell> row = cells.stream().filter(c -> c.symbol() == sym).toList();
            out.add(String.format(Locale.ROOT, "--set pricing.surface.levels.%s=%s", sym, list(row, Cell::level)));
        }
        for (Symbol sym : Symbol.values()) {
            List<Cell> row = cells.stream().filter(c -> c.symbol() == sym).toList();
            out.add(String.format(Locale.ROOT, "--set pricing.surface.bands.%s.low=%s --set pricing.surface.bands.%s.high=%s", sym,
                    list(row, Cell::bandLow), sym, list(row, Cell::bandHigh)));
        }
        return out;
    }

    static double round(double x) {
        return Math.rint(x * 1e4) / 1e4;
    }

    private static String list(List<Cell> row, java.util.function.ToDoubleFunction<Cell> f) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < row.size(); k++) sb.append(k == 0 ? "" : ", ").append(round(f.applyAsDouble(row.get(k))));
        return sb.append(']').toString();
    }

    /**
     * Every estimate the data folder allows: the monthly writers it has levels for (fit on the train years, judged on
     * each test year), the daily funds of conf (fit on their first year by quarters, judged on each later quarter), and
     * the calibration chains (judged on the check rows).
     */
    public static List<Evidence> measure(MarketData md, PricingSettings p0, sde.backtest.BacktestSettings account, BenchmarkSettings b,
                                         Map<String, sde.data.RawSeries> benchmarks, DailyFundReplica.SessionOpens opens,
                                         List<OptionRow> calibration, List<OptionRow> check, int firstTrain, int lastTrain, int firstTest,
                                         int lastTest, double[] grid, double minSe) {
        List<Evidence> out = new ArrayList<>();
        Window fit = new Window(Dates.of((firstTrain - 1) + "-12-31"), Dates.of(lastTrain + "-12-31"), firstTrain + "-" + lastTrain);
        List<Window> years = new ArrayList<>(), tests = new ArrayList<>();
        for (int y = firstTrain; y <= lastTrain; y++) years.add(new Window(Dates.of((y - 1) + "-12-31"), Dates.of(y + "-12-31"), "" + y));
        for (int y = firstTest; y <= lastTest; y++) tests.add(new Window(Dates.of((y - 1) + "-12-31"), Dates.of(y + "-12-31"), "" + y));
        PricingSettings mid = SurfaceFit.atMid(p0);
        benchmarks.forEach((name, levels) -> {
            if (!CboeIndex.known(name)) return;
            CboeIndex idx = CboeIndex.parse(name);
            out.add(replica(name, idx.symbol(), MONTHLY_DAYS, mid, grid, p -> new Replication(md, p, account, b).run(idx, levels),
                    fit, years, tests, minSe));
        });
        b.dailyFunds().forEach((name, fund) -> {
            sde.data.RawSeries levels = benchmarks.get(name);
            if (levels == null) return;
            java.time.LocalDate first = fund.first(), end = java.time.LocalDate.ofEpochDay(md.lastDay());
            Window fw = new Window((int) first.toEpochDay(), (int) first.plusYears(1).toEpochDay(), first + " +1y");
            List<Window> quarters = new ArrayList<>(), later = new ArrayList<>();
            for (java.time.LocalDate q = first; q.isBefore(first.plusYears(1)); q = q.plusMonths(3)) {
                quarters.add(new Window((int) q.toEpochDay(), (int) q.plusMonths(3).toEpochDay(), q.toString()));
            }
            for (java.time.LocalDate q = first.plusYears(1); q.plusMonths(2).isBefore(end); q = q.plusMonths(3)) {
                java.time.LocalDate z = q.plusMonths(3).isAfter(end) ? end : q.plusMonths(3);
                later.add(new Window((int) q.toEpochDay(), (int) z.toEpochDay(), q.toString()));
            }
            out.add(replica(name, fund.underlying(), 0, p0, grid,
                    p -> new DailyFundReplica(md, p, b, opens, true).run(name, fund, levels), fw, quarters, later, minSe));
        });
        double dateSe = chainDateSe(md, p0, calibration, minSe);
        for (Symbol sym : Symbol.values()) {
            Evidence e = chains(sym + " chains", md, p0, sym, calibration, check, dateSe);
            if (!e.fit().isEmpty() || !e.outOfSample().isEmpty()) out.add(e);
        }
        return out;
    }

    /** {@code p} with the cells' levels and bands. */
    public static PricingSettings apply(PricingSettings p, List<Cell> cells) {
        SurfaceSettings s = p.surface();
        Map<String, SurfaceSettings.Band> bands = new java.util.HashMap<>();
        for (Symbol sym : Symbol.values()) {
            List<Cell> row = cells.stream().filter(c -> c.symbol() == sym).toList();
            s = s.withLevels(sym, row.stream().map(c -> round(c.level())).toList());
            bands.put(sym.name(), new SurfaceSettings.Band(row.stream().map(c -> round(c.bandLow())).toList(),
                    row.stream().map(c -> round(c.bandHigh())).toList()));
        }
        return new PricingSettings(p.listing(), s.withBands(bands), p.quotes(), p.fills(), p.liquidity());
    }
}
