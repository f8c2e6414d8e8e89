package sde.daemon;

import sde.optimize.OptimizerSettings;
import sde.sweep.OtherTrials;
import sde.sweep.Study;
import sde.sweep.SweepContext;
import sde.sweep.SweepJob;
import sde.io.Json;
import sde.io.Location;
import sde.results.LeaderboardRow;
import sde.results.StudyState;
import sde.results.VerdictFile;
import sde.validate.CoverageSettings;
import sde.validate.GateSettings;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One more generation of a study through {@link SweepJob} (the context's backend evaluates and
 * stores, the gate judges a new leader) in OUT/studies/NAME. Each study stays open for the daemon's
 * whole run: its history is read from its leaderboard once, when the daemon first comes to it, and
 * kept in memory after that. The Deflated Sharpe Ratio counts the trials of
 * every study of the daemon, open or not. The sweep's own files are the truth: a daemon killed
 * inside a generation repeats no completed evaluation when it opens the study again.
 */
public final class StudyRunner implements GenerationRunner, OtherTrials {
    private final SweepContext ctx;
    private final SearchGate gate;
    private final Location studies;
    private final PrintStream console;
    private final Map<String, SweepJob.Session> open = new TreeMap<>();
    private final Map<String, double[]> closed = new TreeMap<>();
    private long edgesSkipped;
    private boolean skipEdges = true, allYears;

    /** One context and one gate for the whole daemon run: the market is broadcast once, the gate's engines built once. */
    public StudyRunner(SweepContext ctx, GateSettings gate, CoverageSettings coverage, Location out, PrintStream console) {
        this.ctx = ctx;
        this.gate = new SearchGate(ctx, gate, coverage);
        this.studies = out.resolve("studies");
        this.console = console;
    }

    /** Whether its studies' trials under their bar run the centre alone (the default), or every edge. */
    public StudyRunner withEdgeSkip(boolean skip) {
        this.skipEdges = skip;
        return this;
    }

    /** Whether every row of its studies keeps its yearly figures (the default: those the retention rule keeps). */
    public StudyRunner withAllYears(boolean all) {
        this.allYears = all;
        return this;
    }

    @Override
    public SweepJob.StudyResult next(Study study) {
        SweepJob.Session s = open.get(study.name());
        if (s == null) {
            Location dir = studies.resolve(study.name());
            boolean exists = Json.readAs(dir.resolve("optimization_state.json"), StudyState.class) != null;
            // A study saved before daemon.tpe_candidates (with the code's default, 64) resumes with it.
            Study saved = SweepJob.asSaved(study, dir, List.of(study.toBuilder().optimizerSettings(OptimizerSettings.defaults()).build()));
            s = new SweepJob(ctx, saved, dir, console).withGate(gate).withOtherTrials(this).withEdgeSkip(skipEdges).withAllYears(allYears)
                    .open(exists);
            open.put(study.name(), s);
            closed.remove(study.name());
        }
        int before = s.edgesSkippedNow();
        SweepJob.StudyResult r = s.step();
        edgesSkipped += s.edgesSkippedNow() - before;
        return r;
    }

    @Override
    public long edgesSkipped() {
        return edgesSkipped;
    }

    /** Waits for every open study's gate and writer, closes it, and returns each study's result as it ends. */
    @Override
    public Map<String, SweepJob.StudyResult> settle() {
        Map<String, SweepJob.StudyResult> out = new TreeMap<>();
        for (Map.Entry<String, SweepJob.Session> e : open.entrySet()) {
            try (SweepJob.Session s = e.getValue()) {
                SweepJob.StudyResult o = s.finish();
                if (o.state() != null) out.put(e.getKey(), o);
            }
        }
        open.clear();
        closed.clear();
        return out;
    }

    /** The Sharpe ratios of every other study's trials: open studies from memory, the others from their leaderboards, read once. */
    @Override
    public double[] sharpes(String study) {
        List<double[]> parts = new ArrayList<>();
        for (Location d : studies.children()) {
            String name = d.name();
            if (name.equals(study)) continue;
            SweepJob.Session s = open.get(name);
            parts.add(s != null ? s.sharpes() : closed.computeIfAbsent(name, n -> SweepJob.sharpes(ctx, d)));
        }
        return parts.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    @Override
    public SweepJob.StudyResult onDisk(String study) {
        Location dir = studies.resolve(study);
        StudyState state = Json.readAs(dir.resolve("optimization_state.json"), StudyState.class);
        return state == null ? null : result(dir, state);
    }

    /** The study's result as on disk (also what a restarted daemon reconciles its ladder with). */
    public static SweepJob.StudyResult result(Location dir, StudyState state) {
        List<LeaderboardRow> board = Json.readListOf(dir.resolve("leaderboard.json"), LeaderboardRow.class);
        String robust = state.bestRobustId();
        VerdictFile verdict = robust == null ? null : VerdictFile.read(dir.resolve("validations").resolve(robust + ".json"));
        return new SweepJob.StudyResult(state, board, verdict);
    }
}
