package sde.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sde.results.VerdictFile;
import sde.config.SdeConfig;
import sde.data.MarketData;
import sde.io.Location;
import sde.sweep.Study;
import sde.daemon.SearchGate;
import sde.spark.SparkBackend;
import sde.sweep.SweepContext;
import sde.sweep.SweepJob;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Searches a study's parameter space on Spark (SPEC §7): generations proposed by the study's optimizer",
                "(ga, tpe, cmaes, random), evaluated on the executors over the broadcast market data, streamed to OUT/leaderboard.parquet;",
                "OUT/leaderboard.json (top N) and optimization_state.json are rewritten atomically, optimization_log.jsonl appended.",
                "Fitness is the SPEC §4 score over the study's train years only. --resume continues a killed study."})
public final class SweepCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--study", required = true, paramLabel = "FILE", description = "The study (see conf/study.yaml).")
    Path studyFile;

    @Option(names = "--resume", description = "Continue the study found in OUT; nothing evaluated is lost or repeated.")
    boolean resume;

    @Option(names = "--all-edges", description = {"Run the model band's edges for every trial (SPEC §4's worst case), also below the",
            "study's bar, where a trial runs the centre alone by default: the same proposals and leaders, every row with its",
            "worst case, three backtests a trial (docs/validation.md, the skip rule)."})
    boolean allEdges;

    @Option(names = "--all-years", description = {"Keep every row's yearly figures in the Parquet leaderboard; by default only the rows",
            "the leaderboard, the gate and the answer read them from keep them (docs/daemon.md, the retention rule)."})
    boolean allYears;

    @Option(names = "--generations", paramLabel = "N", description = "Override the study's generations.")
    Integer generations;

    @Option(names = "--population", paramLabel = "N", description = "Override the study's population.")
    Integer population;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--out", paramLabel = "DIR|URI", defaultValue = "output",
            description = "Output folder (default output): a local path, or a Hadoop URI such as hdfs://namenode:8020/sde/out.")
    Location out;

    @Override
    public Integer call() {
        SdeConfig cfg = common.config();
        Study study = Study.load(studyFile).with(generations, population);
        MarketData md = common.marketData(cfg, common.dataDir().dir());
        SparkSession spark = CommonOptions.spark("sde-sweep " + study.name(), master);
        try {
            System.out.printf("study %s: %s, population %d, %d generations, seed %d, on %s%n", study.name(), study.optimizer(),
                    study.population(), study.generations(), study.seed(), spark.sparkContext().master());
            // Absolute (Location makes it so): executors write the Parquet leaderboard from their own working directories.
            SweepContext ctx = SparkBackend.context(spark, md, cfg.pricing(), cfg.backtest(), cfg.regime());
            SweepJob.StudyResult o = new SweepJob(ctx, study, out, System.out).withGate(new SearchGate(ctx, cfg.validate(), cfg.coverage()))
                    .withEdgeSkip(!allEdges).withAllYears(allYears).run(resume);
            System.out.printf("best: %s train score %.4f at its worst over the model band (%d evaluations in the study)%n", o.bestId(),
                    o.bestFitness(), o.evaluations());
            for (var row : o.leaderboard().subList(0, Math.min(5, o.leaderboard().size()))) {
                // The gate's word beside a row it judged: a #1 it REJECTED must not read as a result.
                VerdictFile v = VerdictFile.read(out.resolve("validations").resolve(row.id() + ".json"));
                String gate = v == null ? "" : "  gate " + v.verdict() + (v.flags().isEmpty() ? "" : " " + v.flags());
                System.out.printf(Locale.ROOT, "  #%d %s  fitness %.4f (%s)  train %.4f  test %.4f  CAGR %.2f%%  maxDD %.2f%%  trades %d"
                                + "  tier %s%s%n", row.rank(), row.id(), row.fitness(),
                        row.worstSurface() == null ? "?" : row.worstSurface(), row.trainScore(), row.testScore(), row.cagrPct(),
                        row.maxDdPct(), row.trades(), row.tier(), gate);
            }
            return 0;
        } finally {
            spark.stop();
        }
    }
}
