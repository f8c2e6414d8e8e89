package sde.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sde.backtest.BacktestSettings;
import sde.backtest.Engine;
import sde.backtest.RunSpec;
import sde.config.SdeConfig;
import sde.data.MarketData;
import sde.io.Location;
import sde.spark.Answer;

import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "answer", mixinStandardHelpOptions = true,
        description = {"Writes OUT/answer.md and OUT/answer.json (SPEC §7): the engine's answer to the seed's question over every",
                "leaderboard under OUT (a sweep's or a daemon's), read with Spark SQL: VICTORY with the result (SPEC §4), or NO VICTORY",
                "FOUND with each year's distance; each year's frontier of return against drawdown cap over the feasible, the ROBUST",
                "and the model-vouched rows; and whether the search saturated."})
public final class AnswerCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--out", paramLabel = "DIR|URI", defaultValue = "output",
            description = "The sweep's or daemon's output folder (default output).")
    Location out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master that reads the leaderboards (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--checks", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Re-run the ROBUST frontier points on the model band and at growing capital (default on; --no-checks: skip).")
    boolean checks;

    @Option(names = "--from-tallies", defaultValue = "false",
            description = {"Read each study's tally (tallies/STUDY.json, kept by the sweep and the daemon as they write) instead of"
                    + " every row: what the daemon does at each report, at a cost that does not grow with the rows (default: every row)."})
    boolean fromTallies;

    /** The checks' runner: a params file on a surface of the model band, at its own starting capital (NaN) or another. */
    static Answer.Runner runner(Engine engine, SdeConfig cfg) {
        return (params, model, capital) -> {
            RunSpec spec = cfg.specs().read(params, "answer check");
            if (!Double.isNaN(capital)) {
                BacktestSettings b = spec.backtest().toBuilder().startingCapital(capital).build();
                spec = new RunSpec(spec.strategies(), b, spec.from(), spec.to(), spec.regime());
            }
            return engine.on(model).run(spec);
        };
    }

    @Override
    public Integer call() {
        SdeConfig cfg = common.config();
        SparkSession spark = CommonOptions.spark("sde-answer", master);
        try {
            long t0 = System.nanoTime();
            int first = cfg.backtest().firstYear(), last = cfg.backtest().lastYear();
            Answer.File a = fromTallies ? Answer.fromTallies(spark, out, first, last) : Answer.compute(spark, out, first, last);
            if (checks) {
                MarketData md = common.marketData(cfg, common.dataDir().dir());
                a = Answer.checked(spark, out, a, runner(Engine.of(md, cfg.pricing()), cfg));
            }
            Answer.write(out, a);
            System.out.println(a.verdictLine());
            System.out.printf(Locale.ROOT, "answered over %,d rows in %.1f s; wrote %s and %s%n", a.rows(), (System.nanoTime() - t0) / 1e9,
                    out.resolve("answer.md"), out.resolve("answer.json"));
            return 0;
        } finally {
            spark.stop();
        }
    }
}
