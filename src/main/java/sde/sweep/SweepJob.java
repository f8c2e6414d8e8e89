package sde.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import sde.backtest.BacktestSettings;
import sde.backtest.RunSpec;
import sde.backtest.SpecReader;
import sde.backtest.WorstCase;
import sde.io.Json;
import sde.io.Location;
import sde.optimize.Optimizer;
import sde.optimize.Tpe;
import sde.results.AnswerTally;
import sde.results.Feasibility;
import sde.results.Flag;
import sde.results.Journal;
import sde.results.LeaderboardRow;
import sde.results.StudyState;
import sde.results.SweepLogEntry;
import sde.results.VerdictFile;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * The sweep: generations of parameter sets proposed on the driver, evaluated through the context's
 * backend ({@link TrialEvaluator}: one Spark job over the broadcast engine, or this JVM's threads),
 * appended to the study's leaderboard ({@link TrialStore}). Files under {@code out}:
 * leaderboard.parquet/, leaderboard.json (top N), optimization_log.jsonl and .json (each
 * generation's hypothesis, the gate's verdicts, its outcome; {@link Journal}),
 * optimization_state.json (what --resume needs, {@link StudyState}), validations/ID.json (the
 * gate's verdicts). A resume rebuilds the history from the leaderboard, so a kill between or
 * inside generations loses and repeats nothing: ids already there are never evaluated again.
 *
 * <p>At the engine's speed a generation is one evaluation call: its rows come back to the driver,
 * which selects from memory ({@link StudyMemory}) and never reads the growing leaderboard again.
 * Everything a generation writes (its leaderboard part, leaderboard.json, its log lines, then the
 * state) is one commit on a writer thread, done while the next generation is evaluated; commits
 * stay in order, and the state names a generation only once its rows are on disk. The gate judges
 * a new leader on a thread of its own, beside the search; its verdict is taken in after the next
 * generation (waiting only if the gate is slower than a generation), so the files are the same on
 * any master, partition count or machine speed.
 */
public final class SweepJob {
    private static final ObjectMapper JSON = Json.PLAIN;
    private static final String STATE_NOTE = "the optimizers are stateless over the history, which --resume rebuilds from "
            + "leaderboard.parquet; "
            + "the generator of generation g is seeded with (seed, g)";

    private final SweepContext ctx;
    /** The model's fingerprint, hashed once: every trial's id carries it. */
    private final String modelFingerprint;
    private final Study study;
    private final BacktestSettings backtest;
    private final SpecReader specs;
    private final Location out;
    private final PrintStream console;
    private final TrialStore store;
    private LeaderGate gate;
    private OtherTrials others = OtherTrials.NONE;
    private boolean skipEdges = true, allYears;

    public SweepJob(SweepContext ctx, Study study, Location out, PrintStream console) {
        this.ctx = ctx;
        this.modelFingerprint = ctx.pricing().fingerprint();
        this.study = study;
        this.backtest = ctx.backtest().withYears(study.trainYears().get(0), study.testYears().get(1));
        this.specs = new SpecReader(backtest, ctx.regime());
        this.out = out;
        this.console = console;
        this.store = ctx.backend().store(out, study.name());
    }

    /**
     * Turns on the gate: a generation whose fitness leader changed has the leader judged;
     * the study's current best ({@code best_robust_id} in the state) changes only through a ROBUST,
     * not rejected, verdict, and a leader that fails is logged as "promising but fragile". Verdicts
     * go to OUT/validations/ID.json.
     */
    public SweepJob withGate(LeaderGate g) {
        this.gate = g;
        return this;
    }

    /**
     * Other studies' leaderboards whose rows count as trials for the Deflated Sharpe Ratio,
     * read once, here (this study's own leaderboard among them is skipped).
     */
    public SweepJob withTrialsFrom(List<Location> leaderboards) {
        double[] sharpes = leaderboards.stream().filter(l -> !l.equals(store.location()))
                .flatMapToDouble(l -> Arrays.stream(ctx.backend().sharpes(l))).toArray();
        this.others = name -> sharpes;
        return this;
    }

    /**
     * Whether a trial below the study's bar runs the centre alone (the default; SPEC §4's ranking is the same either way,
     * docs/validation.md): false runs every surface for every trial, so that every row has its worst case.
     */
    public SweepJob withEdgeSkip(boolean skip) {
        this.skipEdges = skip;
        return this;
    }

    /**
     * Whether every row keeps its yearly figures (false, the default: only the rows something reads them from do, the
     * retention rule of docs/daemon.md; true: every row, for a user's own analysis of the Parquet leaderboard).
     */
    public SweepJob withAllYears(boolean all) {
        this.allYears = all;
        return this;
    }

    /** Trials outside this study that the Deflated Sharpe Ratio counts (the daemon's pool of every study). */
    public SweepJob withOtherTrials(OtherTrials o) {
        this.others = o;
        return this;
    }

    /**
     * What a study reports after a generation or at its end, typed: its state as saved, its
     * leaderboard, and the verdict of its current best ROBUST row (null when none).
     */
    public record StudyResult(StudyState state, List<LeaderboardRow> leaderboard, VerdictFile robustVerdict) {
        public StudyResult {
            leaderboard = leaderboard == null ? List.of() : List.copyOf(leaderboard);
            if (state == null || state.bestRobustId() == null) robustVerdict = null;
        }

        /** Generations run so far. */
        public int generations() { return state == null ? 0 : state.nextGeneration(); }
        public int evaluations() { return state == null ? 0 : state.evaluations(); }
        public String bestId() { return state == null ? null : state.bestId(); }
        public double bestFitness() { return state == null ? Double.NaN : state.bestFitness(); }

        /** The best row by the study's order, null before any row succeeded. */
        public LeaderboardRow best() { return leaderboard.isEmpty() ? null : leaderboard.get(0); }

        public String bestTier() { return best() == null ? null : best().tier(); }

        /** The best row's params file (SPEC §7), empty before any row succeeded. */
        public JsonNode bestParams() {
            return best() == null || best().params() == null ? JsonNodeFactory.instance.objectNode()
                    : best().params();
        }

        /** The study's current best ROBUST id (null when none). */
        public String bestRobustId() { return state == null ? null : state.bestRobustId(); }

        /** That row, null when there is none or it fell out of the study's top rows. */
        public LeaderboardRow robustRow() {
            String id = bestRobustId();
            return id == null ? null : leaderboard.stream().filter(r -> id.equals(r.id())).findFirst().orElse(null);
        }

        /** The ROBUST row's train score, NaN when there is none. */
        public double robustScore() {
            LeaderboardRow r = robustRow();
            return r != null ? r.fitness() : Double.NaN;
        }
    }

    /** Runs the study to its generations: {@link #open}, {@link Session#step} until done, {@link Session#finish}. */
    public StudyResult run(boolean resume) {
        try (Session s = open(resume)) {
            while (s.nextGeneration() < study.generations()) s.step();
            return s.finish();
        }
    }

    /** The Sharpe ratio of every successful row of the study folder {@code out}'s leaderboard. */
    public static double[] sharpes(SweepContext ctx, Location out) {
        return ctx.backend().sharpes(out.resolve("leaderboard.parquet"));
    }

    /** Opens the study: checks the folder against {@code resume}, and reads what is on record once. */
    public Session open(boolean resume) {
        return new Session(resume);
    }

    /** A study open for more generations; the daemon keeps one per study for its whole run. */
    public final class Session implements AutoCloseable {
        private final Location statePath = out.resolve("optimization_state.json");
        private final String studyHash = studyHash(), fingerprint = ctx.md().fingerprint(), model = modelFingerprint;
        private final StudyMemory mem;
        private final SearchSpace space = new SearchSpace(study, ctx.regime());
        private final Optimizer optimizer = Optimizer.Kind.of(study.optimizer()).create(study.optimizerSettings());
        private final TrialEvaluator evaluator = ctx.backend().evaluator(Scoring.of(study, space, specs), study.partitions());
        private final Journal journal = Journal.in(out);
        private final ExecutorService writer = Executors.newSingleThreadExecutor(daemonThreads("sde-writer-" + study.name()));
        private final ExecutorService judge = Executors.newSingleThreadExecutor(daemonThreads("sde-gate-" + study.name()));
        private final List<Pending> pending = new ArrayList<>();
        private final long startNs = System.nanoTime();
        /** The rows read in full: leaderboard.json's and the gate's (its leaders and PBO's candidates). */
        private final int leaders = Math.max(study.topN(), gate == null ? 0 : gate.topNeeded());
        /** What the answer reads of this study's rows (SPEC §7 answer), kept as they are written; touched on the writer thread only. */
        private final Location tallyFile = AnswerTally.file(out, study.name());
        private AnswerTally tally;
        private Future<?> lastCommit;
        private StudyState state;
        private String robust;
        private VerdictFile robustVerdict;
        private int evaluatedNow, feasibleNow, edgesSkippedNow;

        private Session(boolean resume) {
            StudyState st = Json.readAs(statePath, StudyState.class);
            if (st != null && !study.name().equals(st.study())) st = null;   // another study's state in the same folder
            if (resume) {
                if (st == null) throw new IllegalArgumentException("--resume: no optimization_state.json for study '" + study.name()
                        + "' in " + out);
                if (!studyHash.equals(st.studyHash())) {
                    throw new IllegalArgumentException("--resume: the study changed since " + statePath
                            + " was written (only generations and population may)");
                }
                if (!fingerprint.equals(st.dataFingerprint())) {
                    throw new IllegalArgumentException("--resume: the market data changed (fingerprint " + fingerprint + " vs "
                            + st.dataFingerprint() + ")");
                }
                // Rows priced by two models in one study would rank one model's error against another's (SPEC §4).
                if (!model.equals(st.modelFingerprint())) {
                    throw new IllegalArgumentException("--resume: the option model changed since " + statePath + " was written (model "
                            + model + " vs " + (st.modelFingerprint() == null ? "one not recorded" : st.modelFingerprint())
                            + "): its rows were priced by the other; run the study in another --out to start it afresh");
                }
            } else if (st != null) {
                throw new IllegalArgumentException("study '" + study.name() + "' already has results in " + out
                        + ": use --resume, or another --out");
            }
            state = st;
            mem = new StudyMemory(leaders);
            mem.load(store.trials(), store.top(leaders));
            tally = store.caughtUp(AnswerTally.read(tallyFile), AnswerTally.judged(out));
            if (resume) console.printf("resuming %s at generation %d with %d evaluations on record%n", study.name(),
                    mem.nextGeneration + 1,
                    mem.evaluations());
            robust = state == null ? null : state.bestRobustId();
            robustVerdict = robust == null ? null : VerdictFile.read(out.resolve("validations").resolve(robust + ".json"));
            // A kill between a leader's generation and its verdict: judge it now, as it would have been.
            Best b = best();
            if (gate != null && b.id != null && !out.resolve("validations").resolve(b.id + ".json").isFile()) {
                submitJudge(mem.nextGeneration - 1, b.id);
            }
        }

        /** Every successful row's Sharpe ratio so far, best row first. */
        public double[] sharpes() {
            return mem.sharpes();
        }

        /** The generation {@link #step} runs next (0-based). */
        public int nextGeneration() {
            return mem.nextGeneration;
        }

        /** Runs one more generation; returns the study as of its end (its files follow on the writer thread). */
        public StudyResult step() {
            int g = mem.nextGeneration;
            SplittableRandom rng = new SplittableRandom(study.seed() * 1_000_003L + g);
            Best best = best();
            SweepLogEntry hypothesis = SweepLogEntry.hypothesis(study.name(), g, hypothesis(g, mem.history, best, space.dimensions()));
            List<Trial> batch = trials(g, optimizer.propose(study.population(), space.dimensions(), mem.history, rng), space, mem.seen,
                    rng, edgeBar());
            long t0 = System.nanoTime();
            List<Evaluation> rows = evaluator.evaluate(batch);
            long skipped = rows.stream().filter(e -> WorstCase.SKIPPED.equals(e.figures().worstSurface())).count();
            edgesSkippedNow += (int) skipped;
            double secs = (System.nanoTime() - t0) / 1e9;
            mem.add(rows);
            mem.nextGeneration = g + 1;   // even when every id was a duplicate
            evaluatedNow += rows.size();
            for (Evaluation e : rows) if (e.feasible()) feasibleNow++;
            Best now = best();
            List<SweepLogEntry> verdicts = takeVerdicts();
            if (gate != null && now.id != null && !now.id.equals(best.id)) submitJudge(g, now.id);
            SweepLogEntry outcome = SweepLogEntry.outcome(study.name(), new SweepLogEntry.GenerationOutcome(g, rows.size(),
                    rows.stream().filter(e -> Double.isNaN(e.fitness())).count(),
                    rows.stream().mapToDouble(Evaluation::fitness).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN), now.fitness,
                    now.id, best.id == null || now.fitness > best.fitness, robust));
            StudyState st = newState(now);
            List<LeaderboardRow> top = mem.top(study.topN());
            Set<String> leading = mem.bestIds();
            commit(() -> {
                for (Evaluation e : rows) tally.add(e.generation(), e.optimizer(), e.id(), e.feasible(), e.error(), e.figures().years());
                store.append(allYears ? rows : retained(rows, leading, tally.winners(g)));
                tally.write(tallyFile);
                Json.write(out.resolve("leaderboard.json"), top);
                journal.append(hypothesis);
                for (SweepLogEntry v : verdicts) journal.append(v);
                journal.append(outcome);
                Json.write(statePath, st);
            });
            double eta = (study.generations() - g - 1) * secs;
            long feasible = rows.stream().filter(Evaluation::feasible).count();
            console.printf("generation %d/%d: %d/%d evaluated (%d feasible, %d below the bar on the centre alone, %d total), %.1f eval/s, "
                            + "%s, ETA %.0f s%n",
                    g + 1, Math.max(g + 1, study.generations()), rows.size(), batch.size(), feasible, skipped, mem.evaluations(),
                    rows.size() / Math.max(secs, 1e-9), bestLine(now), Math.max(0, eta));
            return new StudyResult(st, top, robustVerdict);
        }

        /** Waits for the gate and the writer, logs the last verdicts, publishes optimization_log.json; the study as it ends. */
        public StudyResult finish() {
            awaitCommit();
            List<SweepLogEntry> verdicts = new ArrayList<>();
            while (!pending.isEmpty()) verdicts.addAll(takeVerdicts());
            List<LeaderboardRow> top = mem.top(study.topN());
            if (state != null && (!verdicts.isEmpty() || evaluatedNow == 0)) {
                StudyState st = newState(best());
                commit(() -> {
                    for (SweepLogEntry v : verdicts) journal.append(v);
                    tally.write(tallyFile);
                    Json.write(statePath, st);
                });
            }
            if (evaluatedNow == 0) Json.write(out.resolve("leaderboard.json"), top);
            awaitCommit();
            journal.publish();
            Feasibility f = study.feasibility();
            double secs = (System.nanoTime() - startNs) / 1e9;
            console.printf(Locale.ROOT, "%d evaluations this run in %.1f s (%.2f backtests each: %d ran the centre alone), %d of them "
                            + "feasible (SPEC §4 over %d-%d: max DD <= %.0f %%, >= %d closed trades every year, no ruin); %s; "
                            + "leaderboard: %s%n",
                    evaluatedNow, secs, backtestsPerTrial(), edgesSkippedNow, feasibleNow, study.trainYears().get(0),
                    study.trainYears().get(1), f.maxDrawdownPct(), f.minTradesPerYear(), bestLine(best()), out.resolve("leaderboard.json"));
            return new StudyResult(state, top, robustVerdict);
        }

        /**
         * The retention rule: a row keeps its figures when something can still read them, and only then. They are read
         * from the best rows (leaderboard.json, the gate, the report's least violating: {@code leading}, the study's best
         * {@code leaders} rows after this generation) and from the rows the answer names (its frontier's and saturation
         * curves' bests: {@code winners}, from the tally). A row that is neither now never will be: both sets only improve.
         * Every other row is kept {@link Evaluation#slim}: what the optimizers, de-duplication, the Deflated Sharpe Ratio and
         * the report's parameter views read, and what the answer counts it by. The answer from every row stays the answer
         * from the tallies.
         */
        private List<Evaluation> retained(List<Evaluation> rows, Set<String> leading, Set<String> winners) {
            List<Evaluation> out = new ArrayList<>(rows.size());
            for (Evaluation e : rows) out.add(leading.contains(e.id()) || winners.contains(e.id()) ? e : e.slim());
            return out;
        }

        /**
         * The study's bar for this generation's trials (SPEC §4's worst case): below the best rows its optimizer reads and
         * the leaders its readers read, a trial needs no edges (NaN: every trial runs them, as with CMA-ES, or before the
         * study has that many rows, or while one of them is infeasible).
         */
        private double edgeBar() {
            if (!skipEdges) return Double.NaN;
            int ranks = optimizer.ranksRead(study.population());
            return Optimizer.bar(mem.history, ranks == Integer.MAX_VALUE ? ranks : Math.max(ranks, leaders));
        }

        /** Backtests per trial this run: three (the centre and the two edges), one for a trial under the bar. */
        public double backtestsPerTrial() {
            return evaluatedNow == 0 ? Double.NaN : (3.0 * evaluatedNow - 2.0 * edgesSkippedNow) / evaluatedNow;
        }

        /** Trials evaluated and trials that ran the centre alone, this run. */
        public int evaluatedNow() { return evaluatedNow; }
        public int edgesSkippedNow() { return edgesSkippedNow; }

        @Override
        public void close() {
            writer.shutdownNow();
            judge.shutdownNow();
        }

        /** The best feasible row, or, while there is none, the row closest to feasible and its violation (SPEC §4). */
        private String bestLine(Best now) {
            String objective = study.feasibility().objective().key();
            if (now.id != null) {
                return String.format(Locale.ROOT, "best train %s %.4f at its worst over the model band (%s)", objective, now.fitness,
                        now.id);
            }
            Evaluation least = mem.leastViolating();
            return least == null ? "no feasible row yet" : String.format(Locale.ROOT,
                    "no feasible row yet: the least violating is %s (violation %.3f: train max DD %.1f %%, train %s %.4f)", least.id(),
                    least.violation(), least.trainMaxDdPct(), objective, least.fitness());
        }

        private StudyState newState(Best now) {
            state = new StudyState(study.name(), studyHash, study.seed(), study.optimizer(), mem.nextGeneration,
                    Math.max(mem.nextGeneration, study.generations()), mem.evaluations(), now.id, now.fitness, fingerprint, robust,
                            STATE_NOTE, model);
            return state;
        }

        private Best best() {
            return SweepJob.best(mem.history, mem.ids);
        }

        /** One generation's files, after the previous generation's: a failed write stops the sweep at the next generation. */
        private void commit(Runnable r) {
            awaitCommit();
            lastCommit = writer.submit(r);
        }

        private void awaitCommit() {
            if (lastCommit == null) return;
            get(lastCommit);
            lastCommit = null;
        }

        /** The gate on a new leader, with a snapshot of the trials as they are now; its report goes to validations/ID.json. */
        private void submitJudge(int generation, String id) {
            Evaluation row = mem.row(id);
            if (row == null) throw new IllegalStateException("leader " + id + " is not among the study's best rows");
            RunSpec spec = specs.read(row.params(), "leaderboard");
            double[] own = mem.sharpes(), other = others.sharpes(study.name());
            double[] sharpes = Arrays.copyOf(own, own.length + other.length);
            System.arraycopy(other, 0, sharpes, own.length, other.length);
            LeaderGate.Leader leader = new LeaderGate.Leader(id, spec, sharpes, mem.topParams(gate.topNeeded()), study.trainYears(),
                    study.testYears(), backtest);
            Location file = out.resolve("validations").resolve(id + ".json");
            // The answer's judged populations read the years of the rows sent here: kept on the writer thread, the tally's
            // only, and written with this generation's rows.
            writer.submit(() -> tally.keep(row.id(), row.figures().years(), row.params()));
            pending.add(new Pending(generation, id, judge.submit(() -> {
                LeaderGate.Judgement v = gate.judge(leader);
                Json.write(file, v.document());
                return v;
            })));
        }

        /** The verdicts asked for before this generation, in the order asked: each may make its leader the current best. */
        private List<SweepLogEntry> takeVerdicts() {
            List<SweepLogEntry> entries = new ArrayList<>();
            for (Pending p : pending) {
                LeaderGate.Judgement v = get(p.verdict);
                String label = v.verdict() + modelFlags(v.flags());
                String note = null;
                if (v.robust()) {
                    robust = p.id;
                    robustVerdict = new VerdictFile(p.id, v.overfitScore(), v.verdict(), v.rejected(), Flag.names(v.flags()),
                            Double.NaN, List.of(), Map.of(), Map.of(), Json.MAPPER.valueToTree(v.document()).get("statistics"), null);
                } else {
                    note = "promising but fragile: " + p.id + " leads on train score but the gate says " + label;
                }
                entries.add(SweepLogEntry.verdict(study.name(), p.generation,
                        new SweepLogEntry.LeaderVerdict(p.id, label + String.format(" %.3f", v.overfitScore()), v.robust(), note)));
            }
            pending.clear();
            return entries;
        }
    }

    private record Pending(int generation, String id, Future<LeaderGate.Judgement> verdict) {}

    /** The model-risk flags a verdict carries (SPEC §5), as " [MODEL_FRAGILE, MODEL_UNVERIFIED]", or nothing. */
    static String modelFlags(List<Flag> flags) {
        List<Flag> m = flags.stream().filter(Flag::modelRisk).toList();
        return m.isEmpty() ? "" : " " + m;
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sweep's writer or gate", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The proposals as trials, skipping ids already evaluated; duplicates are replaced by random draws. */
    private List<Trial> trials(int g, List<double[]> proposals, SearchSpace space, Set<String> seen, SplittableRandom rng,
                               double edgeBar) {
        // A trial's id hashes its decoded run: the proposals are decoded in parallel (the executors
        // wait for them), then taken in order, so the batch is the one a single thread would build.
        List<Trial> decoded = proposals.parallelStream().map(genome -> trial(g, genome, space).withEdgeBar(edgeBar)).toList();
        List<Trial> out = new ArrayList<>();
        for (Trial c : decoded) {
            if (out.size() >= study.population()) break;
            if (seen.add(c.id())) out.add(c);
        }
        int extra = 0;
        while (out.size() < study.population() && extra <= 20 * study.population()) {
            double[] genome = new double[space.dimensions()];
            for (int d = 0; d < genome.length; d++) genome[d] = rng.nextDouble();
            extra++;
            Trial c = trial(g, genome, space).withEdgeBar(edgeBar);
            if (seen.add(c.id())) out.add(c);
        }
        return out;
    }

    private Trial trial(int g, double[] genome, SearchSpace space) {
        String id = space.decode(genome, backtest).id(ctx.md().fingerprint(), modelFingerprint);
        return Trial.ofGenome(study.name(), g, study.optimizer(), id, genome);
    }

    private record Best(String id, double fitness) {}

    /** The study's best: the feasible row with the highest objective (ties: the smaller id); none while no row is feasible (SPEC §4). */
    private static Best best(List<Optimizer.Evaluated> history, List<String> ids) {
        String id = null;
        double f = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < history.size(); k++) {
            Optimizer.Evaluated e = history.get(k);
            double v = e.fitness();
            if (Double.isNaN(v) || !e.feasible()) continue;
            if (v > f || v == f && id != null && ids.get(k).compareTo(id) < 0) { f = v; id = ids.get(k); }
        }
        return new Best(id, id == null ? Double.NaN : f);
    }

    private String hypothesis(int g, List<Optimizer.Evaluated> history, Best best, int dims) {
        Feasibility f = study.feasibility();
        String what = switch (Optimizer.Kind.of(study.optimizer())) {
            case GA -> history.isEmpty() ? "a uniform random start to map the space"
                    : (best.id == null ? "no row is feasible yet: elites re-proposed near the least violating rows"
                    : "elites re-proposed near the best so far (train " + f.objective().key() + " " + String.format("%.4f", best.fitness)
                    + ", " + best.id + ")") + ", the rest bred by tournament, crossover and mutation";
            case TPE -> history.size() < study.optimizerSettings().tpeStartup() ? "random start-up draws until TPE has "
                    + study.optimizerSettings().tpeStartup() + " results" : "draws where the best "
                            + Math.round(100 * study.optimizerSettings().tpeGamma())
                    + " % of results (at most " + Tpe.MAX_KERNELS + ") are dense and the rest sparse (l/g)";
            case CMAES -> "draws from the CMA-ES distribution, its mean, covariance and step size rebuilt from the "
                    + history.size() + " results so far";
            case RANDOM -> "uniform random draws (the baseline)";
        };
        return "generation " + (g + 1) + ": " + study.population() + " parameter sets over " + dims + " genes; " + what
                + "; fitness = the " + f.objective().key() + " over " + study.trainYears().get(0) + "-" + study.trainYears().get(1)
                + " only, feasible rows (max DD <= " + f.maxDrawdownPct() + " %, >= " + f.minTradesPerYear()
                + " trades a year) above infeasible ones (SPEC §4)";
    }

    /** Everything that decides the search except how long it runs. */
    private String studyHash() {
        return studyHash(study);
    }

    /**
     * {@code study} as the folder {@code out} saved it: {@code study} itself when it has no saved
     * state or the state's hash is its own, else the first of {@code earlier} (the same study as an
     * earlier version built it, say before a conf default changed) whose hash the state has, else
     * {@code study}, which --resume then refuses as changed. So a default can change for new
     * studies without a saved one resuming under settings it did not run with.
     */
    public static Study asSaved(Study study, Location out, List<Study> earlier) {
        StudyState st = Json.readAs(out.resolve("optimization_state.json"), StudyState.class);
        if (st == null || !study.name().equals(st.study()) || studyHash(study).equals(st.studyHash())) return study;
        for (Study e : earlier) if (studyHash(e).equals(st.studyHash())) return e;
        return study;
    }

    /**
     * How each component of a study enters its identity (the hash --resume checks), declared, so that a component added
     * later is a decision rather than an accident: IDENTITY decides the search and is hashed as it is; LATE was added
     * after studies were saved and is hashed only when set, so a saved study's hash stays what it was; NOT_IDENTITY is how
     * long the study runs. The records a study holds (its optimizer settings, slots and regime) are hashed whole, so a
     * component added to one of them changes every study's hash: StudyIdentityTest names the components each has today,
     * and fails on a new one until it is declared, here or by making that record's new key late the same way.
     */
    static final List<String> IDENTITY = List.of("study", "seed", "optimizer", "optimizerSettings", "partitions", "trainYears",
            "testYears", "topN", "strategies", "regime");
    static final List<String> LATE = List.of("leverage", "objective", "maxDrawdown", "minTradesPerYear");
    static final List<String> NOT_IDENTITY = List.of("generations", "population");

    static String studyHash(Study study) {
        try {
            Map<String, Object> m = JSON.convertValue(study, new TypeReference<Map<String, Object>>() {});
            for (String k : NOT_IDENTITY) m.remove(k);
            for (String late : LATE) if (m.get(late) == null) m.remove(late);
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(JSON.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsBytes(m));
            return HexFormat.of().formatHex(d.digest()).substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
