package sde.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sde.benchmark.BenchmarkReport;
import sde.benchmark.CboeIndex;
import sde.benchmark.CoverageEvidence;
import sde.benchmark.DailyFund;
import sde.benchmark.DailyFundReplica;
import sde.benchmark.LevelFit;
import sde.benchmark.StrikeInference;
import sde.benchmark.Replication;
import sde.benchmark.SurfaceFit;
import sde.benchmark.SymbolFit;
import sde.config.SdeConfig;
import sde.data.MarketData;
import sde.data.MarketSources;
import sde.data.RawSeries;
import sde.data.Symbol;
import sde.io.Json;
import sde.pricing.Calibration;
import sde.pricing.HistoricalQuotes;
import sde.pricing.Model;
import sde.pricing.PricingSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Replicates the Cboe strategy indices (PUT, BXM, BXMD, WPUT, CNDR, BFLY, PPUT, CLL) on SPY and the covered-call",
                "funds QYLD on QQQ and RYLD on IWM under the option model, each by its published rules (docs/benchmarks.md), and",
                "compares every one the data folder's MANIFEST lists (kind benchmark): per year the replica's return, the real one's",
                "and the error; the monthly-return correlation and tracking error. Writes OUT/benchmarks.json and",
                "OUT/benchmarks/NAME.csv (date,replica,index) (SPEC §7)."})
public final class BenchmarkCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--index", split = ",", paramLabel = "NAME", description = "Indices to replicate (default: benchmark.indices).")
    List<String> indices;

    @Option(names = "--out", defaultValue = "output", paramLabel = "DIR", description = "Output folder (default output).")
    Path out;

    @Option(names = "--fit", description = {"Fit the surface's ATM level and skew on the calibration quotes plus the benchmark months",
            "of the train years (validate.train_years) only; print the --set lines and replicate under the fitted surface."})
    boolean fit;

    @Option(names = "--cv", description = {"With --fit: first a leave-one-year-out cross-validation inside the train years",
            "(fit on the others, report the held-out year), to choose benchmark.fit_params without a test year."})
    boolean cv;

    @Option(names = "--fit-symbols", description = {"Fit QQQ's and IWM's ATM scale (pricing.surface.symbol_atm_scale) on their fund",
            "replica's train years and their calibration chains, after a leave-one-year-out check; print the --set lines and",
            "replicate under the fitted surface."})
    boolean fitSymbols;

    @Option(names = "--coverage", description = {"Measure SPEC §5's coverage table: each model cell with its evidence (check quotes,",
            "replicas) against conf's coverage tolerances; print it and the conf lines of coverage.verified; write OUT/coverage.json."})
    boolean coverage;

    @Option(names = "--infer-strikes", description = {"Infer each daily fund's strike rule (benchmark.daily_funds) from its first",
            "year of daily returns against its index, both kinds (otm_pct, sigma); print them and the conf lines."})
    boolean inferStrikes;

    @Option(names = "--fit-levels", description = {"Fit the centre's level per symbol and tenor bucket on every piece of evidence",
            "that may be fitted (the monthly writers' train years, the daily funds' first year, the calibration chains), judge it",
            "out of sample (test years, the funds' later quarters, the check rows), measure each bucket's band; print the",
            "evidence, the table and the conf lines (pricing.surface.levels and bands), and replicate under the fitted levels."})
    boolean fitLevels;

    @Option(names = "--model", defaultValue = "base", paramLabel = "base|low|high",
            description = "Replicate on the fitted surface (base) or on an edge of its model band (default base).")
    String model;

    @Option(names = "--max-evals", defaultValue = "400", paramLabel = "N", description = "Objective evaluations of --fit (default 400).")
    int maxEvals;

    @Override
    public Integer call() {
        SdeConfig cfg = common.config();
        Map<String, DailyFund> daily = cfg.benchmark().dailyFunds();
        List<String> chosen = new ArrayList<>();
        for (String name : indices != null ? indices : cfg.benchmark().indices()) {
            String key = name.strip().toUpperCase(Locale.ROOT);
            if (!daily.containsKey(key)) key = CboeIndex.parse(name).name();
            chosen.add(key);
        }
        MarketSources src = MarketSources.fromFolder(common.dataDir().dir());
        MarketData md = common.marketData(cfg, src);
        PricingSettings pricing = cfg.pricing();
        Map<String, RawSeries> spx = CboeIndex.replicated(src.benchmarks(), Symbol.SPY);
        List<String> other = src.benchmarks().keySet().stream().filter(k -> !CboeIndex.known(k) && !daily.containsKey(k)).sorted().toList();
        if (!other.isEmpty()) {
            System.out.println("benchmarks of other markets in the data, not replicated here: " + String.join(", ", other));
        }
        if (fit) {
            int lastTrain = cfg.validate().trainYears().get(1);
            var split = HistoricalQuotes.split(common.dataDir().dir());
            long t0 = System.nanoTime();
            if (cv) {
                double sumY = 0, sumM = 0;
                int n = 0;
                for (int y = cfg.validate().trainYears().get(0); y <= lastTrain; y++) {
                    SurfaceFit.Result h = SurfaceFit.fit(md, pricing, cfg.backtest(), cfg.benchmark(), spx, split.calibration(),
                            lastTrain, y, maxEvals);
                    System.out.printf(Locale.ROOT, "  held out %d: |year error| %.2f pp, |month error| %.2f pp  (%s)%n", y,
                            h.heldOutYearMaePp(), h.heldOutMonthMaePp(), h.setLines());
                    sumY += h.heldOutYearMaePp();
                    sumM += h.heldOutMonthMaePp();
                    n++;
                }
                System.out.printf(Locale.ROOT, "cross-validated (fit_params %s): |year error| %.2f pp, |month error| %.2f pp%n",
                        cfg.benchmark().fitParams(), sumY / n, sumM / n);
            }
            SurfaceFit.Result f = SurfaceFit.fit(md, pricing, cfg.backtest(), cfg.benchmark(), spx, split.calibration(),
                    lastTrain, maxEvals);
            pricing = f.settings();
            var s = pricing.surface();
            System.out.printf(Locale.ROOT,
                    "Fitted on %d calibration quotes and the %s months through %d (%d evaluations, %.0f s):%n"
                            + "  quotes IV MAE %.2f pts, replica |year error| %.2f pp, |month error| %.2f pp%n"
                            + " %s%n",
                    Calibration.compare(md, pricing, split.calibration()).size(), spx.keySet(), lastTrain, f.evaluations(),
                    (System.nanoTime() - t0) / 1e9,
                    f.quotesIvMaePts(), f.yearMaePp(), f.monthMaePp(), f.setLines());
        }
        if (fitSymbols) pricing = fitSymbols(cfg, md, src, pricing);
        if (fitLevels) pricing = fitLevels(cfg, md, src, pricing);
        Model m = Model.parse(model);
        if (m != Model.BASE) System.out.println("*** on the " + m + " surface of the model band ***");
        Replication replication = new Replication(md, pricing.model(m), cfg.backtest(), cfg.benchmark());
        DailyFundReplica.SessionOpens opens = DailyFundReplica.SessionOpens.of(md, src.scalars());
        DailyFundReplica dailyReplica = new DailyFundReplica(md, pricing.model(m), cfg.benchmark(), opens);
        if (inferStrikes) inferStrikes(md, dailyReplica, daily, src);
        List<Replication.Result> results = new ArrayList<>();
        for (String name : chosen) {
            results.add(daily.containsKey(name) ? dailyReplica.run(name, daily.get(name), src.benchmarks().get(name))
                    : replication.run(CboeIndex.parse(name), src.benchmarks().get(name)));
        }
        System.out.print(BenchmarkReport.table(results));
        BenchmarkReport.write(out, results, md.fingerprint());
        if (coverage) {
            var check = Calibration.compare(md, pricing, HistoricalQuotes.split(common.dataDir().dir()).check());
            List<CoverageEvidence.Line> lines = CoverageEvidence.lines(check, results, cfg.coverage());
            System.out.println("\nModel coverage (SPEC §5): every cell with evidence, against conf's coverage tolerances");
            for (var l : lines) System.out.printf(Locale.ROOT, "  %-24s %-8s %-10s %s%n", l.cell(), l.kind(),
                    l.verified() ? "verified" : "not", l.evidence());
            Map<String, String> verified = CoverageEvidence.verified(lines);
            System.out.println("\nconf/sde.yaml coverage.verified (" + verified.size() + " cells; every other cell is unverified):");
            verified.forEach((c, e) -> System.out.println("    \"" + c + "\": \"" + e + "\""));
            Json.write(out.resolve("coverage.json"), Map.of("cells", lines, "verified", verified));
        }
        System.out.println("wrote " + out.resolve(BenchmarkReport.JSON) + " and " + out.resolve(BenchmarkReport.FOLDER));
        return 0;
    }

    /** The centre's levels and their bands from the evidence (LevelFit); the settings with the fitted levels and bands. */
    private PricingSettings fitLevels(SdeConfig cfg, MarketData md, MarketSources src, PricingSettings pricing) {
        long t0 = System.nanoTime();
        var split = HistoricalQuotes.split(common.dataDir().dir());
        var b = cfg.benchmark();
        double[] grid = LevelFit.grid(b.levelGrid().get(0), b.levelGrid().get(1), b.levelGrid().get(2));
        List<LevelFit.Evidence> ev = LevelFit.measure(md, pricing, cfg.backtest(), b, src.benchmarks(),
                DailyFundReplica.SessionOpens.of(md, src.scalars()), split.calibration(), split.check(),
                cfg.validate().trainYears().get(0), cfg.validate().trainYears().get(1), cfg.validate().testYears().get(0),
                cfg.validate().testYears().get(1), grid, b.levelMinSe());
        System.out.println("Evidence on the centre's level (LevelFit; replicas at the mid): each fitted observation, level ± relative"
                + " standard error at its tenor, then the level each out-of-sample window wanted:");
        for (LevelFit.Evidence e : ev) {
            StringBuilder fit = new StringBuilder(), oos = new StringBuilder();
            for (LevelFit.Observation o : e.fit()) {
                fit.append(String.format(Locale.ROOT, " %s %.0fd %.3f±%.3f;", o.label(), o.days(), o.level(), o.se()));
            }
            for (LevelFit.Observation o : e.outOfSample()) {
                oos.append(String.format(Locale.ROOT, " %s %.0fd %.3f;", o.label(), o.days(), o.level()));
            }
            System.out.printf(Locale.ROOT, "  %-11s %s fit:%s%n              out of sample:%s%n", e.source(), e.symbol(), fit,
                    oos.length() == 0 ? " none" : oos.toString());
        }
        LevelFit.Fit fitted = LevelFit.fit(ev, pricing.surface().levelTenorDays(), b.levelPriorSe());
        List<LevelFit.Cell> cells = fitted.cells();
        System.out.printf(Locale.ROOT, "%nWeighted least squares on the log level, prior 1 ± %.2f: chi2 %.1f over %d degrees of freedom%n",
                b.levelPriorSe(), fitted.chi2(), fitted.dof());
        System.out.println("symbol bucket   level     se  band low  band high  oos  evidence");
        String[] names = {"0-2", "3-7", "8-30", "31-60", "61+"};
        for (LevelFit.Cell c : cells) {
            System.out.printf(Locale.ROOT, "  %-4s %-6s %7.4f %6.4f %+8.4f %+9.4f %4d  %s%s%n", c.symbol(), names[c.bucket()], c.level(),
                    c.se(), c.bandLow(), c.bandHigh(), c.outOfSample(), c.sources().isEmpty() ? "none: stays at 1"
                            : c.sources() + (c.pinned() ? "" : " (pinned only in a blend with a neighbour)"),
                    c.measured() ? "" : " (band: the widest measured)");
        }
        System.out.printf(Locale.ROOT, "%n(%.0f s)%n", (System.nanoTime() - t0) / 1e9);
        LevelFit.confLines(cells).forEach(l -> System.out.println("  " + l));
        return LevelFit.apply(pricing, cells);
    }

    /** Each daily fund's strike rule of both kinds on its first year; the better of the two is the conf line. */
    private static void inferStrikes(MarketData md, DailyFundReplica replica, Map<String, DailyFund> daily, MarketSources src) {
        System.out.println("Strike rules inferred from each daily fund's first year of returns (StrikeInference):");
        daily.forEach((name, f) -> {
            RawSeries levels = src.benchmarks().get(name);
            if (levels == null) {
                System.out.println("  " + name + ": no levels in the data folder's MANIFEST");
                return;
            }
            int from = (int) f.first().toEpochDay(), to = (int) f.first().plusYears(1).toEpochDay();
            StrikeInference.Fit pct = StrikeInference.infer(md, replica, f, levels, "otm_pct", from, to);
            StrikeInference.Fit sig = StrikeInference.infer(md, replica, f, levels, "sigma", from, to);
            StrikeInference.Fit best = sig.rmsBp() <= pct.rmsBp() ? sig : pct;
            System.out.printf(Locale.ROOT, "  %s  %s%n        %s%n    --set benchmark.daily_funds.%s.strike_rule.kind=%s"
                    + " --set benchmark.daily_funds.%s.strike_rule.level=%s%n", name, pct.line(), sig.line(), name, best.rule().kind(),
                    name, best.rule().level());
        });
    }

    /** QQQ's and IWM's ATM scales: a leave-one-year-out check inside the train years, then the fit, kept only if it generalizes. */
    private PricingSettings fitSymbols(SdeConfig cfg, MarketData md, MarketSources src, PricingSettings pricing) {
        int firstTrain = cfg.validate().trainYears().get(0), lastTrain = cfg.validate().trainYears().get(1);
        var rows = HistoricalQuotes.split(common.dataDir().dir()).calibration();
        for (Symbol sym : List.of(Symbol.QQQ, Symbol.IWM)) {
            Map<String, RawSeries> funds = CboeIndex.replicated(src.benchmarks(), sym);
            if (funds.isEmpty()) {
                System.out.println(sym + ": no fund in the data to fit on");
                continue;
            }
            double held = 0, heldUnfitted = 0;
            for (int y = firstTrain; y <= lastTrain; y++) {
                SymbolFit.Result h = SymbolFit.fit(md, pricing, cfg.backtest(), cfg.benchmark(), sym, funds, rows, lastTrain, y);
                System.out.printf(Locale.ROOT, "  %s held out %d: scale %.4f, |year error| %.2f pp (unfitted %.2f),"
                                + " |month error| %.2f pp (unfitted %.2f)%n", sym, y, h.scale(), h.heldOutYearMaePp(),
                        h.unfittedYearMaePp(), h.heldOutMonthMaePp(), h.unfittedMonthMaePp());
                held += h.heldOutYearMaePp() + 2 * h.heldOutMonthMaePp();
                heldUnfitted += h.unfittedYearMaePp() + 2 * h.unfittedMonthMaePp();
            }
            SymbolFit.Result f = SymbolFit.fit(md, pricing, cfg.backtest(), cfg.benchmark(), sym, funds, rows, lastTrain, 0);
            boolean keep = held < heldUnfitted;
            boolean chains = rows.stream().anyMatch(r -> r.symbol() == sym);
            System.out.printf(Locale.ROOT, "%s on %s %d-%d%s: scale %.4f (%d evaluations): quotes IV MAE %.2f pts,"
                            + " |year error| %.2f pp, |month error| %.2f pp; held-out objective %.2f fitted vs %.2f at 1: %s%n  %s%n",
                    sym, funds.keySet(), firstTrain, lastTrain, chains ? " and its calibration chains" : "", f.scale(), f.evaluations(),
                    f.quotesIvMaePts(), f.yearMaePp(), f.monthMaePp(), held, heldUnfitted,
                    keep ? "the fit generalizes, keep it" : "the fit does not beat 1 out of sample, keep 1",
                    keep ? f.setLine() : String.format(Locale.ROOT, "--set pricing.surface.symbol_atm_scale.%s=1.0", sym));
            if (keep) {
                pricing = new PricingSettings(pricing.listing(), pricing.surface().withSymbolScale(sym, f.scale()),
                        pricing.quotes(), pricing.fills(), pricing.liquidity());
            }
        }
        return pricing;
    }
}
