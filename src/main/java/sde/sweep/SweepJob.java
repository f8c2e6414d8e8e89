package sde.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import sde.backtest.BacktestSettings;
import sde.backtest.RunSpec;
import sde.io.Json;
import sde.io.Location;
import sde.optimize.Optimizer;
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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The sweep (issue 7): generations of parameter sets proposed on the driver, evaluated by the
 * executors over the broadcast market, appended to the Parquet leaderboard ({@link LeaderboardStore}).
 * The driver only ever reads back (id, genome, fitness) for selection. Files under {@code out}:
 * leaderboard.parquet/, leaderboard.json (top N), optimization_log.jsonl and .json (a hypothesis
 * before each generation and its outcome after, {@link Journal}), optimization_state.json (what
 * --resume needs, {@link StudyState}), validations/ID.json (the gate's verdicts). A resume rebuilds
 * the history from the Parquet leaderboard, so a kill between or inside generations loses and
 * repeats nothing: ids already there are never evaluated again.
 */
public final class SweepJob {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE_NOTE = "the optimizers are stateless over the history, which --resume rebuilds from leaderboard.parquet; "
            + "the generator of generation g is seeded with (seed, g)";

    private final SweepContext ctx;
    private final Study study;
    private final BacktestSettings backtest;
    private final Location out;
    private final PrintStream console;
    private final LeaderboardStore store;
    private LeaderGate gate;
    private List<Location> otherTrials = List.of();

    public SweepJob(SweepContext ctx, Study study, Location out, PrintStream console) {
        this.ctx = ctx;
        this.study = study;
        this.backtest = ctx.backtest().withYears(study.trainYears().get(0), study.testYears().get(1));
        this.out = out;
        this.console = console;
        this.store = new LeaderboardStore(ctx.spark(), out, study.study());
    }

    /**
     * Turns on the gate (issue 8): after each generation whose fitness leader changed, the leader is
     * judged; the study's current best ({@code best_robust_id} in the state) changes only through a
     * ROBUST, not rejected, verdict, and a leader that fails is logged as "promising but fragile".
     * Verdicts go to OUT/validations/ID.json.
     */
    public SweepJob withGate(LeaderGate g) {
        this.gate = g;
        return this;
    }

    /**
     * Other studies' Parquet leaderboards whose rows count as trials for the Deflated Sharpe Ratio
     * (the daemon's other studies): a search that ran N trials across studies must deflate by all N,
     * not only by this study's share of them.
     */
    public SweepJob withTrialsFrom(List<Location> leaderboards) {
        this.otherTrials = List.copyOf(leaderboards);
        return this;
    }

    /**
     * What a finished (or resumed-and-finished) study reports, typed: its state as saved, its
     * leaderboard, and the verdict of its current best ROBUST row (null when none).
     */
    public record Outcome(StudyState state, List<LeaderboardRow> leaderboard, VerdictFile robustVerdict) {
        public int evaluations() { return state == null ? 0 : state.evaluations(); }
        public String bestId() { return state == null ? null : state.bestId(); }
        public double bestFitness() { return state == null ? Double.NaN : state.bestFitness(); }
    }

    public Outcome run(boolean resume) {
        Location statePath = out.resolve("optimization_state.json");
        String studyHash = studyHash();
        StudyState state = Json.readAs(statePath, StudyState.class);
        if (state != null && !study.study().equals(state.study())) state = null;   // another study's state in the same folder
        String fingerprint = ctx.md().fingerprint();
        if (resume) {
            if (state == null) throw new IllegalArgumentException("--resume: no optimization_state.json for study '" + study.study() + "' in " + out);
            if (!studyHash.equals(state.studyHash())) {
                throw new IllegalArgumentException("--resume: the study changed since " + statePath + " was written (only generations and population may)");
            }
            if (!fingerprint.equals(state.dataFingerprint())) {
                throw new IllegalArgumentException("--resume: the market data changed (fingerprint " + fingerprint + " vs " + state.dataFingerprint() + ")");
            }
        } else if (state != null) {
            throw new IllegalArgumentException("study '" + study.study() + "' already has results in " + out + ": use --resume, or another --out");
        }
        List<LeaderboardStore.Trial> previous = store.trials();
        List<Optimizer.Evaluated> history = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int next = 0;
        for (LeaderboardStore.Trial t : previous) {
            seen.add(t.id());
            ids.add(t.id());
            history.add(new Optimizer.Evaluated(genome(t.genome()), t.fitness()));
            next = Math.max(next, t.generation() + 1);
        }
        if (resume) console.printf("resuming %s at generation %d with %d evaluations on record%n", study.study(), next + 1, previous.size());

        SearchSpace space = new SearchSpace(study, ctx.regime());
        Optimizer optimizer = Optimizer.named(study.optimizer(), study.optimizerSettings());
        PartitionEvaluator evaluator = new PartitionEvaluator(ctx.market(), ctx.pricing(), backtest, study);
        long startNs = System.nanoTime();
        int evaluatedNow = 0;
        Journal journal = Journal.in(out);
        VerdictFile robustVerdict = state == null || state.bestRobustId() == null ? null
                : VerdictFile.read(out.resolve("validations").resolve(state.bestRobustId() + ".json"));
        for (int g = next; g < study.generations(); g++) {
            SplittableRandom rng = new SplittableRandom(study.seed() * 1_000_003L + g);
            Best best = best(history, ids);
            journal.append(SweepLogEntry.hypothesis(study.study(), g, hypothesis(g, history, best, space.dimensions())));
            List<Candidate> batch = candidates(g, optimizer.propose(study.population(), space.dimensions(), history, rng), space, seen, rng);
            Dataset<Candidate> ds = ctx.spark().createDataset(batch, Encoders.bean(Candidate.class));
            if (study.partitions() > 0) ds = ds.repartition(study.partitions());
            long t0 = System.nanoTime();
            store.append(ds.mapPartitions(evaluator, Encoders.bean(Evaluation.class)));
            List<LeaderboardStore.Trial> got = store.generation(g);
            for (LeaderboardStore.Trial t : got) {
                history.add(new Optimizer.Evaluated(genome(t.genome()), t.fitness()));
                ids.add(t.id());
            }
            evaluatedNow += got.size();
            double secs = (System.nanoTime() - t0) / 1e9;
            Json.write(out.resolve("leaderboard.json"), store.top(study.topN()));
            Best now = best(history, ids);
            String robust = state == null ? null : state.bestRobustId();
            String leaderVerdict = null, note = null;
            if (gate != null && now.id != null && !now.id.equals(best.id)) {
                LeaderGate.Judgement v = judge(now.id);
                String label = v.verdict() + (v.rejected() ? " (rejected)" : "");
                leaderVerdict = label + String.format(" %.3f", v.overfitScore());
                if (v.robust()) {
                    robust = now.id;
                    robustVerdict = new VerdictFile(now.id, v.overfitScore(), v.verdict(), v.rejected(), List.of());
                } else {
                    // A ROBUST score that a reality check rejects is named as such, not as plain ROBUST.
                    note = "promising but fragile: " + now.id + " leads on train score but the gate says " + label;
                }
            }
            journal.append(SweepLogEntry.outcome(study.study(), new SweepLogEntry.Outcome(g, got.size(),
                    got.stream().filter(t -> Double.isNaN(t.fitness())).count(),
                    got.stream().mapToDouble(LeaderboardStore.Trial::fitness).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN), now.fitness,
                    now.id, best.id == null || now.fitness > best.fitness, leaderVerdict, note, robust)));
            journal.publish();
            state = new StudyState(study.study(), studyHash, study.seed(), study.optimizer(), g + 1, study.generations(), ids.size(),
                    now.id, now.fitness, fingerprint, robust, STATE_NOTE);
            Json.write(statePath, state);
            double rate = got.size() / Math.max(secs, 1e-9);
            double eta = (study.generations() - g - 1) * secs;
            console.printf("generation %d/%d: %d/%d evaluated (%d total), %.1f eval/s, best train score %.4f (%s), ETA %.0f s%n",
                    g + 1, study.generations(), got.size(), batch.size(), ids.size(), rate, now.fitness, now.id, eta);
        }
        List<LeaderboardRow> top = store.top(study.topN());
        if (next >= study.generations()) Json.write(out.resolve("leaderboard.json"), top);
        console.printf("%d evaluations this run in %.1f s; leaderboard: %s%n", evaluatedNow, (System.nanoTime() - startNs) / 1e9,
                out.resolve("leaderboard.json"));
        return new Outcome(state, top, robustVerdict);
    }

    /** The gate on a new leader, with every trial so far; its report goes to validations/ID.json. */
    private LeaderGate.Judgement judge(String id) {
        LeaderboardStore.Ranked ranked = store.ranked(otherTrials);
        int k = ranked.ids().indexOf(id);
        if (k < 0) throw new IllegalStateException("leader " + id + " is not in the leaderboard");
        RunSpec spec;
        try {
            spec = RunSpec.fromJson(JSON.readTree(ranked.params().get(k)), backtest, ctx.regime(), "leaderboard");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LeaderGate.Judgement v = gate.judge(new LeaderGate.Leader(id, spec, ranked.sharpes(), ranked.params(), study.trainYears(),
                study.testYears(), backtest, ctx.market()));
        Json.write(out.resolve("validations").resolve(id + ".json"), v.document());
        return v;
    }

    /** Decodes proposals to runs, skipping ids already evaluated; duplicates are replaced by random draws. */
    private List<Candidate> candidates(int g, List<double[]> proposals, SearchSpace space, Set<String> seen, SplittableRandom rng) {
        List<Candidate> out = new ArrayList<>();
        List<double[]> queue = new ArrayList<>(proposals);
        int extra = 0;
        while (out.size() < study.population() && extra <= 20 * study.population()) {
            double[] genome;
            if (!queue.isEmpty()) {
                genome = queue.remove(0);
            } else {
                genome = new double[space.dimensions()];
                for (int d = 0; d < genome.length; d++) genome[d] = rng.nextDouble();
                extra++;
            }
            RunSpec spec = space.decode(genome, backtest);
            String id = spec.id(ctx.md().fingerprint());
            if (!seen.add(id)) continue;
            try {
                out.add(new Candidate(study.study(), g, study.optimizer(), id, JSON.writeValueAsString(spec.toJson()), JSON.writeValueAsString(genome)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private record Best(String id, double fitness) {}

    private static Best best(List<Optimizer.Evaluated> history, List<String> ids) {
        String id = null;
        double f = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < history.size(); k++) {
            double v = history.get(k).fitness();
            if (!Double.isNaN(v) && (v > f || v == f && id != null && ids.get(k).compareTo(id) < 0)) { f = v; id = ids.get(k); }
        }
        return new Best(id, id == null ? Double.NaN : f);
    }

    private String hypothesis(int g, List<Optimizer.Evaluated> history, Best best, int dims) {
        String what = switch (study.optimizer()) {
            case "ga" -> history.isEmpty() ? "a uniform random start to map the space" : "elites re-proposed near the best so far (train score "
                    + String.format("%.4f", best.fitness) + ", " + best.id + "), the rest bred by tournament, crossover and mutation";
            case "tpe" -> history.size() < study.optimizerSettings().tpeStartup() ? "random start-up draws until TPE has "
                    + study.optimizerSettings().tpeStartup() + " results" : "draws where the best " + Math.round(100 * study.optimizerSettings().tpeGamma())
                    + " % of results are dense and the rest sparse (l/g)";
            case "cmaes" -> "draws from the CMA-ES distribution, its mean, covariance and step size rebuilt from the "
                    + history.size() + " results so far";
            default -> "uniform random draws (the baseline)";
        };
        return "generation " + (g + 1) + ": " + study.population() + " parameter sets over " + dims + " genes; " + what
                + "; fitness = SPEC score over " + study.trainYears().get(0) + "-" + study.trainYears().get(1) + " only";
    }

    /** Everything that decides the search except how long it runs. */
    private String studyHash() {
        try {
            Map<String, Object> m = JSON.convertValue(study, new TypeReference<Map<String, Object>>() {});
            m.remove("generations");
            m.remove("population");
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(new ObjectMapper().configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsBytes(m));
            return HexFormat.of().formatHex(d.digest()).substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] genome(String json) {
        try {
            return JSON.readValue(json, double[].class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
