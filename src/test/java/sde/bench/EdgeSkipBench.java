package sde.bench;

import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.AlignmentRules;
import sde.data.DataLocator;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.MarketDataBuilder;
import sde.data.MarketSources;
import sde.io.Location;
import sde.sweep.Study;
import sde.sweep.SweepContext;
import sde.sweep.SweepJob;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A bench job (jobs/bench-edges), kept out of the test suite: what SPEC §4's skip rule saves on a daemon-like study (TPE,
 * 1,000 a generation, the default feasibility, the real data) on this JVM's pool. The same study is run with the edges
 * skipped below its bar and with every edge run, alternately, {@code ROUNDS} times each: both propose the same trials
 * (EdgeSkipTest), so the time ratio is the skip's saving alone. Prints each run, the medians and their ratio, and the
 * backtests a trial cost.
 */
public final class EdgeSkipBench {
    private EdgeSkipBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2, generations = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        SdeConfig cfg = ConfigLoader.load(null, List.of());
        MarketData md = MarketDataBuilder.build(MarketSources.fromFolder(DataLocator.resolve(null).dir()), Dates.of("2019-01-02"),
                Dates.of("2025-12-31"), AlignmentRules.spec());
        Path dir = Files.createTempDirectory("sde-edges");
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, """
                study: edges
                seed: 20260101
                optimizer: tpe
                optimizer_settings: {elites: 2, tournament: 3, crossover: 0.9, mutation_rate: 0.25, mutation_sigma: 0.15,
                                     tpe_gamma: 0.25, tpe_candidates: 24, tpe_startup: 16}
                population: 1000
                generations: %d
                train_years: [2020, 2022]
                test_years: [2023, 2025]
                top_n: 20
                strategies:
                  - name: credit_spread
                    search: [symbol, side, short_delta, dte, width, profit_target, stop_loss, exit_dte, entry_every, max_positions,
                             risk_pct]
                """.formatted(generations));
        Study study = Study.load(f);
        List<Double> skip = new ArrayList<>(), all = new ArrayList<>();
        double perTrial = Double.NaN;
        for (int r = 0; r < 2 * rounds + 1; r++) {
            boolean skipping = r % 2 == 1;   // the first, without the skip, warms the JIT and is not counted
            SweepContext ctx = SweepContext.local(md, cfg.pricing(), cfg.backtest(), cfg.regime());
            long t0 = System.nanoTime();
            double cost;
            int trials;
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
            SweepJob job = new SweepJob(ctx, study, Location.of(dir.resolve("r" + r)), quiet).withEdgeSkip(skipping);
            try (SweepJob.Session s = job.open(false)) {
                while (s.nextGeneration() < generations) s.step();
                s.finish();
                cost = s.backtestsPerTrial();
                trials = s.evaluatedNow();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "run %d, edges %s: %d trials in %.1f s, %.2f backtests a trial%n", r,
                    skipping ? "skipped below the bar" : "always run", trials, secs, cost);
            if (r == 0) continue;
            (skipping ? skip : all).add(secs);
            if (skipping) perTrial = cost;
        }
        double ms = median(skip), ma = median(all);
        System.out.printf(Locale.ROOT, "median %.1f s with the skip, %.1f s without: %.2f of the time (%.2f backtests a trial against 3)%n",
                ms, ma, ms / ma, perTrial);
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
