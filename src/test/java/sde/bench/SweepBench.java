package sde.bench;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import sde.backtest.BacktestSettings;
import sde.backtest.Engine;
import sde.backtest.RunSpec;
import sde.backtest.SpecReader;
import sde.cli.Main;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.daemon.SearchGate;
import sde.data.AlignmentRules;
import sde.data.DataLocator;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.MarketDataBuilder;
import sde.data.MarketSources;
import sde.io.Location;
import sde.regime.RegimeSettings;
import sde.spark.SparkBackend;
import sde.sweep.Scoring;
import sde.sweep.SweepJob;
import sde.sweep.Trial;
import sde.sweep.TrialEvaluator;
import sde.sweep.TrialRunner;
import sde.sweep.SearchSpace;
import sde.sweep.SweepContext;
import sde.sweep.Study;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;


/**
 * A bench job (jobs/bench-sweep), kept out of the test suite:
 * <ol>
 * <li>evaluations per second of the default study's parameter sets for populations of 1k and 10k
 * on local[1] and local[2], against the same sets through a plain Java thread pool of as many
 * threads in the same JVM: the Spark/pool time ratio (overhead) and the local[2]/local[1] speed-up,
 * each the median of three timed runs after a warm-up;</li>
 * <li>the README's main command end to end ({@code sweep --study conf/study.yaml} on local[2], gate
 * on), against the pool on the very parameter sets it evaluated (read back from its Parquet
 * leaderboard);</li>
 * <li>a daemon of {@code DAEMON_MINUTES} on local[2] (gate on), against the pool on a sample of the
 * runs it evaluated, and its runs per hour.</li>
 * </ol>
 * The goals are printed beside each ratio.
 */
public final class SweepBench {
    /** conf's regime section, the default every params file is read with. */
    private static final RegimeSettings REGIME = ConfigLoader.load(null, List.of()).regime();

    public static void main(String[] args) throws Exception {
        int[] populations = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray() : new int[]{1000,
                10000};
        double daemonMinutes = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        SdeConfig cfg = ConfigLoader.load(null, List.of());
        Study study = Study.load(Path.of("conf/study.yaml"));
        MarketData md = MarketDataBuilder.build(MarketSources.fromFolder(DataLocator.resolve(null).dir()), Dates.of("2019-01-02"),
                Dates.of("2025-12-31"), AlignmentRules.spec());
        BacktestSettings bt = cfg.backtest().withYears(study.trainYears().get(0), study.testYears().get(1));
        SearchSpace space = new SearchSpace(study, REGIME);
        Engine engine = Engine.of(md, cfg.pricing());
        System.out.printf("%-8s %-9s %12s %12s %9s%n", "pop", "cores", "spark ev/s", "pool ev/s", "overhead");
        double[][] sparkRate = new double[populations.length][3];
        for (int cores = 1; cores <= 2; cores++) {
            SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("sweep-bench")
                    .config("spark.ui.enabled", "false").getOrCreate();
            Broadcast<Engine> bc = SparkBackend.broadcast(spark, engine);
            for (int p = 0; p < populations.length; p++) {
                List<Trial> cands = new ArrayList<>();
                SplittableRandom rng = new SplittableRandom(populations[p]);
                for (int k = 0; k < populations[p]; k++) {
                    double[] g = new double[space.dimensions()];
                    for (int d = 0; d < g.length; d++) g[d] = rng.nextDouble();
                    RunSpec spec = space.decode(g, bt);
                    cands.add(Trial.ofGenome(study.name(), 0, "bench", spec.id(md.fingerprint(), cfg.pricing().fingerprint()) + "-" + k,
                            g));
                }
                // Exactly the sweep's job (SparkEvaluation): one partition per core, rows back to the driver.
                TrialEvaluator ev = new SparkBackend(spark, bc).evaluator(Scoring.of(study, space,
                        new SpecReader(bt, cfg.regime())), 0);
                Runnable viaSpark = () -> ev.evaluate(cands);
                final int threads = cores;
                Runnable viaPool = () -> pool(engine, bt, study, cands, threads);
                viaSpark.run();   // warm-up
                viaPool.run();
                double s = median(viaSpark), q = median(viaPool);
                sparkRate[p][cores] = populations[p] / s;
                System.out.printf("%-8d local[%d]  %12.1f %12.1f %8.3fx (goal <= 1.15x)%n", populations[p], cores, populations[p] / s,
                        populations[p] / q, s / q);
            }
            spark.stop();
        }
        for (int p = 0; p < populations.length; p++) {
            System.out.printf("pop %d: local[2]/local[1] speed-up %.2fx (goal >= 1.85x)%n", populations[p],
                    sparkRate[p][2] / sparkRate[p][1]);
        }
        endToEnd(md, cfg, bt, study, daemonMinutes);
    }

    /** The sweep command and a daemon, each timed whole, against the pool on the runs they evaluated. */
    private static void endToEnd(MarketData md, SdeConfig cfg, BacktestSettings bt, Study study, double daemonMinutes) throws Exception {
        Engine engine = Engine.of(md, cfg.pricing());
        Path tmp = Files.createTempDirectory("bench-sweep");
        Path sweepOut = tmp.resolve("sweep");
        long t0 = System.nanoTime();
        int rc = Main.run("sweep", "--study", "conf/study.yaml", "--master", "local[2]", "--out", sweepOut.toString());
        double sweepSecs = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) throw new IllegalStateException("sweep exited " + rc);
        List<Trial> swept = evaluated(sweepOut.resolve("leaderboard.parquet"), Integer.MAX_VALUE);
        double poolSecs = median(() -> pool(engine, bt, study, swept, 2));
        System.out.printf("%nsweep command (conf/study.yaml, local[2], gate on): %d evaluations in %.1f s whole (Spark start, data, "
                + "gate, writes)%n",
                swept.size(), sweepSecs);
        System.out.printf("  pool, 2 threads, same %d runs: %.1f s -> the whole command runs at %.0f %% of the pool%n", swept.size(),
                poolSecs, 100 * poolSecs / sweepSecs);
        // The same study once Spark is up and the data loaded ("once warm"):
        // the sweep's own loop, gate on, against the pool on the same runs.
        SparkSession spark = SparkSession.builder().master("local[2]").appName("bench-sweep-loop").config("spark.ui.enabled",
                "false").getOrCreate();
        try {
            SweepContext ctx = SparkBackend.context(spark, md, cfg.pricing(), cfg.backtest(), cfg.regime());
            SearchGate gate = new SearchGate(ctx, cfg.validate(), cfg.coverage());
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            new SweepJob(ctx, study.toBuilder().name("warmup").generations(1).build(), Location.of(tmp.resolve("warm")),
                    quiet)
                    .withGate(gate).run(false);
            // Six loops of the same study (the same runs as the pool's), each in a folder of its own. The
            // JIT is still compiling first-time driver and engine code (Spark, Parquet, Jackson, the
            // decoder, Engine.run at 10,000 calls) through the first loops, on the executors' cores:
            // every loop is printed, and "once warm" is the median of the last three, as JMH warms up
            // before it measures.
            double[] loops = new double[6];
            int evaluations = 0;
            for (int r = 0; r < loops.length; r++) {
                long t1 = System.nanoTime();
                SweepJob.StudyResult o = new SweepJob(ctx, study, Location.of(tmp.resolve("loop" + r)),
                        quiet).withGate(gate).run(false);
                loops[r] = (System.nanoTime() - t1) / 1e9;
                evaluations = o.evaluations();
            }
            double[] last = Arrays.copyOfRange(loops, 3, 6);
            Arrays.sort(last);
            double loopSecs = last[1];
            System.out.printf("  the sweep's loop, %d generations of %d, gate on, six times in one JVM: %.1f, %.1f, %.1f, %.1f, %.1f, "
                    + "%.1f s%n",
                    study.generations(), study.population(), loops[0], loops[1], loops[2], loops[3], loops[4], loops[5]);
            System.out.printf("  first loop %.0f %% of the pool; once warm (median of the last three) %.1f s = %.0f ev/s -> %.0f %% of "
                    + "the pool"
                    + " (goal >= 85 %%)%n", 100 * poolSecs / loops[0], loopSecs, evaluations / loopSecs, 100 * poolSecs / loopSecs);
        } finally {
            spark.stop();
        }
        if (daemonMinutes <= 0) return;
        Path daemonOut = tmp.resolve("daemon");
        t0 = System.nanoTime();
        rc = Main.run("daemon", "--master", "local[2]", "--max-minutes", String.valueOf(daemonMinutes), "--out",
                daemonOut.toString());
        double daemonSecs = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) throw new IllegalStateException("daemon exited " + rc);
        List<Trial> all = new ArrayList<>();
        try (var dirs = Files.list(daemonOut.resolve("studies"))) {
            for (Path d : dirs.sorted().toList()) all.addAll(evaluated(d.resolve("leaderboard.parquet"), Integer.MAX_VALUE));
        }
        // A sample spread over every study and generation, as many as the pool runs in about a minute.
        List<Trial> sample = new ArrayList<>();
        int step = Math.max(1, all.size() / 60_000);
        for (int k = 0; k < all.size(); k += step) sample.add(all.get(k));
        double poolSample = median(() -> pool(engine, bt, study, sample, 2));
        double poolRate = sample.size() / poolSample, daemonRate = all.size() / daemonSecs;
        System.out.printf("%ndaemon (%s minutes, local[2], gate on): %d runs in %.1f s whole = %.0f runs/s, %.2f million runs an hour "
                + "(goal >= 1)%n",
                daemonMinutes, all.size(), daemonSecs, daemonRate, daemonRate * 3600 / 1e6);
        System.out.printf("  pool, 2 threads, %d of its runs: %.0f runs/s -> the daemon runs at %.0f %% of the pool (goal >= 80 %%)%n",
                sample.size(),
                poolRate, 100 * daemonRate / poolRate);
    }

    /** The parameter sets a run evaluated, read back from its Parquet leaderboard. */
    private static List<Trial> evaluated(Path parquet, int max) {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("bench-read").config("spark.ui.enabled",
                "false").getOrCreate();
        try {
            List<Trial> out = new ArrayList<>();
            for (Row r : spark.read().parquet(parquet.toString()).select("study", "generation", "optimizer", "id",
                    "params", "genome")
                    .orderBy("generation", "id").limit(max).collectAsList()) {
                out.add(Trial.ofParams(r.getString(0), r.getInt(1), r.getString(2), r.getString(3), r.getString(4)));
            }
            return out;
        } finally {
            spark.stop();
        }
    }

    private static double median(Runnable r) {
        double[] t = new double[3];
        for (int k = 0; k < 3; k++) {
            long t0 = System.nanoTime();
            r.run();
            t[k] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return t[1];
    }

    /** The reference: a plain thread pool over one engine built once (as the sweep broadcasts one), contiguous slices per thread. */
    private static void pool(Engine engine, BacktestSettings bt, Study study, List<Trial> cands, int threads) {
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        Scoring scoring = Scoring.of(study, new SearchSpace(study, REGIME), new SpecReader(bt, REGIME));
        try {
            List<Future<Double>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int from = t * cands.size() / threads, to = (t + 1) * cands.size() / threads;
                fs.add(ex.submit(() -> {
                    TrialRunner ev = new TrialRunner(engine, scoring);
                    double s = 0;
                    for (int k = from; k < to; k++) s += ev.evaluate(cands.get(k)).fitness();
                    return s;
                }));
            }
            for (Future<Double> f : fs) f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            ex.shutdown();
        }
    }
}
