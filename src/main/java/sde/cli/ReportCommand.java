package sde.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sde.backtest.Engine;
import sde.backtest.RunSpec;
import sde.config.SdeConfig;
import sde.data.MarketData;
import sde.io.Location;
import sde.report.Report;
import sde.results.LeaderboardRow;
import sde.spark.SparkBackend;
import sde.spark.TrialSample;
import sde.sweep.Evaluation;
import sde.sweep.Study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes OUT/report/index.html (SPEC §7): one self-contained page (no network needed) with the leaderboard,",
                "the gate's verdicts, and for the chosen run equity with Monte Carlo bands, drawdown, monthly heatmap, per-strategy",
                "contribution and regime timeline; plus OUT/report/data/*.csv for notebooks (notebooks/leaderboard.ipynb)."})
public final class ReportCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--out", paramLabel = "DIR|URI", defaultValue = "output",
            description = "The sweep's or daemon's output folder or Hadoop URI (default output).")
    Location out;

    @Option(names = "--study", paramLabel = "NAME|FILE",
            description = "Only this study's rows (a name, or a study file whose name is used).")
    String study;

    @Option(names = "--id", paramLabel = "ID", description = "The run to chart (default: the best row).")
    String id;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Leaderboard rows shown and exported (default 10).")
    int top;

    @Option(names = "--mc-paths", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap paths for the equity bands (default 1000).")
    int mcPaths;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "20000",
            description = "Trials the study views sample from the Parquet leaderboards (default 20000; 0: no study views).")
    int trials;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master that reads the Parquet leaderboards (default: spark-submit's, else local[*]).")
    String master;

    @Override
    public Integer call() {
        if (top < 1 || mcPaths < 20
                || trials < 0) throw new IllegalArgumentException("--top must be >= 1, --mc-paths >= 20 and --trials >= 0");
        SdeConfig cfg = common.config();
        String name = study;
        if (study != null && (study.endsWith(".yaml") || study.endsWith(".yml")) && Files.exists(Path.of(study))) {
            name = Study.load(Path.of(study)).name();
        }
        MarketData md = common.marketData(cfg, common.dataDir().dir());
        long t0 = System.nanoTime();
        Report report = new Report(md, cfg.regime(), Engine.of(md, cfg.pricing()),
                node -> cfg.specs().read(node, "leaderboard"));
        if (trials > 0) {
            report.withTrials((dir, st) -> {
                SparkSession spark = CommonOptions.spark("sde-report", master);
                try {
                    return TrialSample.read(spark, dir, st, trials);
                } finally {
                    spark.stop();
                }
            });
        }
        // A study with no feasible row is shown on its least violating rows, read from its Parquet leaderboard.
        report.withLeastViolating((dir, st, n) -> {
            SparkSession spark = CommonOptions.spark("sde-report", master);
            try {
                List<Evaluation> rows = new SparkBackend(spark, null).store(dir, st).top(n);
                List<LeaderboardRow> out = new ArrayList<>();
                for (Evaluation e : rows) out.add(e.toRow(out.size() + 1));
                return out;
            } finally {
                spark.stop();
            }
        });
        Location index = report.write(new Report.Request(out, name, id, top, mcPaths, cfg.validate().mcMeanBlock(),
                cfg.validate().seed()));
        System.out.printf("wrote %s in %.1f s%n", index, (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
