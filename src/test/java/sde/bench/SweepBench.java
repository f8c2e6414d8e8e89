package sde.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import sde.backtest.BacktestSettings;
import sde.backtest.RunSpec;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.AlignmentRules;
import sde.data.DataLocator;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.MarketDataBuilder;
import sde.data.MarketSources;
import sde.sweep.Candidate;
import sde.sweep.CandidateEvaluator;
import sde.sweep.Evaluation;
import sde.sweep.SearchSpace;
import sde.sweep.Study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.apache.spark.sql.functions.sum;

/**
 * Issue 7 item 9, a bench job (jobs/bench-sweep): evaluations per second of the default study's
 * parameter sets for populations of 1k and 10k on local[1] and local[2], and the same sets through
 * a plain Java thread pool of as many threads in the same JVM. Prints the Spark/pool time ratio
 * (overhead) and the local[2]/local[1] speed-up; each figure is the median of three timed runs
 * after a warm-up.
 */
public final class SweepBench {
    public static void main(String[] args) throws Exception {
        int[] populations = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray() : new int[]{1000, 10000};
        SdeConfig cfg = ConfigLoader.load(null, List.of());
        Study study = Study.load(Path.of("conf/study.yaml"));
        MarketData md = MarketDataBuilder.build(MarketSources.fromFolder(DataLocator.resolve(null).dir()), Dates.of("2019-01-02"),
                Dates.of("2025-12-31"), AlignmentRules.spec());
        BacktestSettings bt = cfg.backtest().withYears(study.trainYears().get(0), study.testYears().get(1));
        SearchSpace space = new SearchSpace(study);
        ObjectMapper json = new ObjectMapper();
        System.out.printf("%-8s %-9s %12s %12s %9s%n", "pop", "cores", "spark ev/s", "pool ev/s", "overhead");
        double[][] sparkRate = new double[populations.length][3];
        for (int cores = 1; cores <= 2; cores++) {
            SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("sweep-bench")
                    .config("spark.ui.enabled", "false").getOrCreate();
            Broadcast<MarketData> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(md);
            for (int p = 0; p < populations.length; p++) {
                List<Candidate> cands = new ArrayList<>();
                SplittableRandom rng = new SplittableRandom(populations[p]);
                for (int k = 0; k < populations[p]; k++) {
                    double[] g = new double[space.dimensions()];
                    for (int d = 0; d < g.length; d++) g[d] = rng.nextDouble();
                    RunSpec spec = space.decode(g, bt);
                    cands.add(new Candidate(study.study(), 0, "bench", spec.id(md.fingerprint()) + "-" + k,
                            json.writeValueAsString(spec.toJson()), json.writeValueAsString(g)));
                }
                // As the sweep does by default: a local Dataset already has the session's default
                // parallelism (one partition per core here), so no shuffle is added.
                Runnable viaSpark = () -> {
                    Dataset<Candidate> ds = spark.createDataset(cands, Encoders.bean(Candidate.class));
                    ds.mapPartitions(new BenchPartition(bc, cfg, bt, study), Encoders.bean(Evaluation.class)).agg(sum("fitness")).collect();
                };
                final int threads = cores;
                Runnable viaPool = () -> pool(md, cfg, bt, study, cands, threads);
                viaSpark.run();   // warm-up
                viaPool.run();
                double s = median(viaSpark), q = median(viaPool);
                sparkRate[p][cores] = populations[p] / s;
                System.out.printf("%-8d local[%d]  %12.1f %12.1f %8.3fx%n", populations[p], cores, populations[p] / s, populations[p] / q, s / q);
            }
            spark.stop();
        }
        for (int p = 0; p < populations.length; p++) {
            System.out.printf("pop %d: local[2]/local[1] speed-up %.2fx%n", populations[p], sparkRate[p][2] / sparkRate[p][1]);
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

    private static void pool(MarketData md, SdeConfig cfg, BacktestSettings bt, Study study, List<Candidate> cands, int threads) {
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Double>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int from = t * cands.size() / threads, to = (t + 1) * cands.size() / threads;
                fs.add(ex.submit(() -> {
                    CandidateEvaluator ev = new CandidateEvaluator(md, cfg.pricing(), bt, study);
                    double s = 0;
                    for (int k = from; k < to; k++) s += ev.evaluate(cands.get(k)).getFitness();
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

    /** The sweep's partition function, built from the same pieces. */
    static final class BenchPartition implements org.apache.spark.api.java.function.MapPartitionsFunction<Candidate, Evaluation> {
        private final Broadcast<MarketData> bc;
        private final sde.pricing.PricingSettings pricing;
        private final BacktestSettings bt;
        private final Study study;

        BenchPartition(Broadcast<MarketData> bc, SdeConfig cfg, BacktestSettings bt, Study study) {
            this.bc = bc;
            this.pricing = cfg.pricing();
            this.bt = bt;
            this.study = study;
        }

        @Override
        public java.util.Iterator<Evaluation> call(java.util.Iterator<Candidate> it) {
            CandidateEvaluator ev = new CandidateEvaluator(bc.value(), pricing, bt, study);
            List<Evaluation> out = new ArrayList<>();
            while (it.hasNext()) out.add(ev.evaluate(it.next()));
            return out.iterator();
        }
    }
}
