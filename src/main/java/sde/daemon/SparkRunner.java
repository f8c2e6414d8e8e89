package sde.daemon;

import sde.sweep.Study;
import sde.sweep.SweepContext;
import sde.sweep.SweepJob;
import sde.io.Json;
import sde.io.Location;
import sde.results.LeaderboardRow;
import sde.results.StudyState;
import sde.results.VerdictFile;
import sde.validate.GateSettings;

import java.io.PrintStream;
import java.util.List;

/**
 * One more generation of a study through {@link SweepJob} (Spark, broadcast market, Parquet
 * leaderboard, gate on a new leader) in OUT/studies/NAME; the Deflated Sharpe Ratio counts the
 * trials of every study of the daemon. The sweep's own files are the truth: a
 * resume rebuilds from the Parquet leaderboard, so a daemon killed inside a generation repeats no
 * completed evaluation; its optimization_state.json says how many generations are done.
 */
public final class SparkRunner implements GenerationRunner {
    private final SweepContext ctx;
    private final SparkGate gate;
    private final Location studies;
    private final PrintStream console;

    /** One context and one gate for the whole daemon run: the market is broadcast once, the gate's engines built once. */
    public SparkRunner(SweepContext ctx, GateSettings gate, Location out, PrintStream console) {
        this.ctx = ctx;
        this.gate = new SparkGate(ctx.spark(), ctx.md(), ctx.pricing(), ctx.regime(), gate);
        this.studies = out.resolve("studies");
        this.console = console;
    }

    @Override
    public GenerationResult next(Study study) {
        Location dir = studies.resolve(study.study());
        StudyState before = Json.readAs(dir.resolve("optimization_state.json"), StudyState.class);
        int done = before == null ? 0 : before.nextGeneration();
        // A kill inside the Parquet commit can leave part of generation `done` on disk with no state
        // for it: the sweep then starts after it, so ask for one more until the state moves.
        List<Location> trials = studies.children().stream().map(d -> d.resolve("leaderboard.parquet")).toList();
        for (int extra = 1; extra <= 2; extra++) {
            SweepJob.Outcome o = new SweepJob(ctx, study.with(done + extra, null), dir, console).withGate(gate).withTrialsFrom(trials).run(before != null);
            if (o.state() != null && o.state().nextGeneration() > done) return result(o);
            before = o.state();
        }
        throw new IllegalStateException(study.study() + ": the sweep did not advance past generation " + done);
    }

    /** The sweep's typed outcome as the ladder records it. */
    static GenerationResult result(SweepJob.Outcome o) {
        StudyState s = o.state();
        String robust = s.bestRobustId();
        LeaderboardRow robustRow = robust == null ? null : o.leaderboard().stream().filter(r -> robust.equals(r.id())).findFirst().orElse(null);
        return new GenerationResult(s.nextGeneration(), s.evaluations(), s.bestId(), s.bestFitness(),
                o.leaderboard().isEmpty() ? null : o.leaderboard().get(0), robust, robustRow, robust == null ? null : o.robustVerdict());
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
