package sde.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sde.backtest.Engine;
import sde.backtest.RunResult;
import sde.backtest.RunSpec;
import sde.config.SdeConfig;
import sde.daemon.Daemon;
import sde.daemon.DaemonLock;
import sde.daemon.Replay;
import sde.daemon.StudyRunner;
import sde.io.Location;
import sde.spark.Answer;
import sde.spark.SparkBackend;
import sde.daemon.Telegram;
import sde.data.MarketData;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"The endless optimizer (SPEC §7, docs/daemon.md): climbs the ladder single strategies → blends → regime",
                "switching one Spark generation at a time, validates new leaders, logs every decision to OUT/optimization_log.json,",
                "reports to OUT/progress.md (and Telegram when TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID are set), and stops when the goal",
                "is met, the budget is spent or every rung has plateaued (then OUT/ceiling.md). Restart it to continue: kill -9 loses",
                "no completed evaluation; SIGTERM finishes the running generation and exits 0; one daemon per OUT (daemon.lock)."})
public final class DaemonCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "0",
            description = "Stop after N evaluated runs this session (0: no limit).")
    int maxRuns;

    @Option(names = "--max-minutes", paramLabel = "M", defaultValue = "0", description = "Stop after M minutes this session (0: no limit).")
    double maxMinutes;

    @Option(names = "--reopen", description = "Search plateaued studies again (after a ceiling stop a restart otherwise stops at once).")
    boolean reopen;

    @Option(names = "--all-edges", description = {"Run the model band's edges for every trial (SPEC §4's worst case), also below its",
            "study's bar: every row with its worst case, three backtests a run (docs/validation.md, the skip rule)."})
    boolean allEdges;

    @Option(names = "--all-years", description = {"Keep every row's yearly figures in the Parquet leaderboard; by default only the rows",
            "the leaderboard, the gate and the answer read them from keep them (docs/daemon.md, the retention rule)."})
    boolean allYears;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--out", paramLabel = "DIR|URI", defaultValue = "output",
            description = "Output folder (default output): a local path, or a Hadoop URI such as hdfs://namenode:8020/sde/out.")
    Location out;

    @Override
    public Integer call() throws Exception {
        if (maxRuns < 0 || maxMinutes < 0) throw new IllegalArgumentException("--max-runs and --max-minutes must be >= 0");
        SdeConfig cfg = common.config();
        Location dir = out;
        try (DaemonLock lock = DaemonLock.acquire(dir)) {
            MarketData md = common.marketData(cfg, common.dataDir().dir());
            SparkSession spark = CommonOptions.spark("sde-daemon", master);
            AtomicBoolean stop = new AtomicBoolean();
            // After Spark's start, so these handlers are the ones TERM and INT (Ctrl-C) reach: finish the
            // generation, save, exit 0.
            for (String name : new String[]{"TERM", "INT"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> {
                    System.out.println("SIG" + sig.getName() + ": finishing the running generation, then saving state");
                    stop.set(true);
                });
            }
            try {
                StudyRunner runner = new StudyRunner(SparkBackend.context(spark, md, cfg.pricing(), cfg.backtest(), cfg.regime()),
                        cfg.validate(), cfg.coverage(), dir, System.out).withEdgeSkip(!allEdges).withAllYears(allYears);
                Engine engine = Engine.of(md, cfg.pricing());
                Replay replay = (params, model) ->
                        engine.on(model).run(cfg.specs().read(params, "ceiling replay"));
                Telegram tg = Telegram.fromEnv(System.getenv(), cfg.daemon());
                System.out.printf("daemon on %s, out %s, budget %s runs / %s minutes, Telegram %s%n", spark.sparkContext().master(), dir,
                        maxRuns == 0 ? "no limit" : maxRuns, maxMinutes == 0 ? "no limit" : maxMinutes, tg == null ? "off" : "on");
                int first = cfg.backtest().firstYear(), last = cfg.backtest().lastYear();
                Daemon.SessionEnd o = new Daemon(cfg.daemon(), runner, replay, dir, System.out, tg, System::currentTimeMillis,
                        cfg.coverage())
                        .withAnswer(d -> {
                            Answer.File a = Answer.checked(spark, d, Answer.fromTallies(spark, d, first, last),
                                    AnswerCommand.runner(engine, cfg));
                            Answer.write(d, a);
                            return a.verdictLine();
                        })
                        .run(new Daemon.Budget(maxRuns, maxMinutes, reopen), stop::get);
                System.out.printf("%d runs this session, %d in total%s%n", o.runsThisSession(), o.runsTotal(),
                        o.goalMet() ? "; GOAL MET" : "");
                return 0;
            } finally {
                spark.stop();
            }
        }
    }
}
