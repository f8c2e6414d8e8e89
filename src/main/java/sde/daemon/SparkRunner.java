package sde.daemon;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.SparkSession;
import sde.backtest.BacktestSettings;
import sde.data.MarketData;
import sde.pricing.PricingSettings;
import sde.regime.RegimeSettings;
import sde.sweep.Study;
import sde.sweep.SweepJob;
import sde.io.Json;
import sde.io.Location;
import sde.results.LeaderboardRow;
import sde.results.StudyState;
import sde.results.VerdictFile;
import sde.validate.GateSettings;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * One more generation of a study through {@link SweepJob} (Spark, broadcast market, Parquet
 * leaderboard, gate on a new leader) in OUT/studies/NAME; the Deflated Sharpe Ratio counts the
 * trials of every study of the daemon. The sweep's own files are the truth: a
 * resume rebuilds from the Parquet leaderboard, so a daemon killed inside a generation repeats no
 * completed evaluation; its optimization_state.json says how many generations are done.
 */
public final class SparkRunner implements GenerationRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession spark;
    private final MarketData md;
    private final PricingSettings pricing;
    private final BacktestSettings backtest;
    private final RegimeSettings regime;
    private final GateSettings gate;
    private final Location studies;
    private final PrintStream console;

    public SparkRunner(SparkSession spark, MarketData md, PricingSettings pricing, BacktestSettings backtest, RegimeSettings regime,
                       GateSettings gate, Location out, PrintStream console) {
        this.spark = spark;
        this.md = md;
        this.pricing = pricing;
        this.backtest = backtest;
        this.regime = regime;
        this.gate = gate;
        this.studies = out.resolve("studies");
        this.console = console;
    }

    public static Location dir(Location out, String study) { return out.resolve("studies").resolve(study); }

    @Override
    public GenerationResult next(Study study) {
        Location dir = studies.resolve(study.study());
        StudyState before = Json.readAs(dir.resolve("optimization_state.json"), StudyState.class);
        int done = before == null ? 0 : before.nextGeneration();
        // A kill inside the Parquet commit can leave part of generation `done` on disk with no state
        // for it: the sweep then starts after it, so ask for one more until the state moves.
        List<Location> trials = studies.children().stream().map(d -> d.resolve("leaderboard.parquet")).toList();
        for (int extra = 1; extra <= 2; extra++) {
            new SweepJob(spark, study.with(done + extra, null), md, pricing, backtest, regime, dir, console)
                    .withGate(new SparkGate(spark, md, pricing, regime, gate)).withTrialsFrom(trials).run(before != null);
            StudyState after = Json.readAs(dir.resolve("optimization_state.json"), StudyState.class);
            if (after != null && after.nextGeneration() > done) return result(dir, after);
            before = after;
        }
        throw new IllegalStateException(study.study() + ": the sweep did not advance past generation " + done);
    }

    @Override
    public GenerationResult onDisk(String study) {
        Location dir = studies.resolve(study);
        StudyState state = Json.readAs(dir.resolve("optimization_state.json"), StudyState.class);
        return state == null ? null : result(dir, state);
    }

    /** The study's result as on disk (also what a restarted daemon reconciles its ladder with). */
    public static GenerationResult result(Location dir, StudyState state) {
        List<LeaderboardRow> board = Json.readListOf(dir.resolve("leaderboard.json"), LeaderboardRow.class);
        String robust = state.bestRobustId();
        LeaderboardRow robustRow = null;
        VerdictFile verdict = null;
        if (robust != null) {
            robustRow = board.stream().filter(r -> robust.equals(r.id())).findFirst().orElse(null);
            verdict = VerdictFile.read(dir.resolve("validations").resolve(robust + ".json"));
        }
        return new GenerationResult(state.nextGeneration(), state.evaluations(), state.bestId(), state.bestFitness(),
                board.isEmpty() ? null : board.get(0), robust, robustRow, verdict);
    }
}
