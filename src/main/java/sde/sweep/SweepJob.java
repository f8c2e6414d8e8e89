package sde.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import sde.backtest.BacktestSettings;
import sde.backtest.RunSpec;
import sde.data.MarketData;
import sde.io.HadoopPaths;
import sde.io.Json;
import sde.io.Location;
import sde.optimize.Optimizer;
import sde.results.LeaderboardRow;
import sde.results.StudyState;
import sde.pricing.PricingSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.apache.spark.sql.functions.col;

/**
 * The sweep (issue 7): generations of parameter sets proposed on the driver, evaluated by the
 * executors, streamed to a Parquet leaderboard partitioned by study and generation. The driver
 * only ever reads back (id, genome, fitness) for selection. Files under {@code out}:
 * leaderboard.parquet/, leaderboard.json (top N), optimization_log.json (a hypothesis before each
 * generation and its outcome after), optimization_state.json (what --resume needs). The Parquet
 * leaderboard is the truth a resume rebuilds the history from, so a kill between or inside
 * generations loses and repeats nothing: ids already there are never evaluated again.
 */
public final class SweepJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession spark;
    private final Study study;
    private final MarketData md;
    private final PricingSettings pricing;
    private final BacktestSettings backtest;
    private final Location out;
    private final PrintStream console;
    private final sde.regime.RegimeSettings regimeDefaults;
    private LeaderGate gate;
    private List<Location> otherTrials = List.of();

    public SweepJob(SparkSession spark, Study study, MarketData md, PricingSettings pricing, BacktestSettings backtest,
                    sde.regime.RegimeSettings regimeDefaults, Location out, PrintStream console) {
        this.regimeDefaults = regimeDefaults;
        this.spark = spark;
        this.study = study;
        this.md = md;
        this.pricing = pricing;
        this.backtest = backtest.withYears(study.trainYears().get(0), study.testYears().get(1));
        this.out = out;
        this.console = console;
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

    /** What a finished (or resumed-and-finished) study reports. */
    public record Outcome(int evaluations, String bestId, double bestFitness, List<LeaderboardRow> leaderboard) {}

    private Location parquet() { return out.resolve("leaderboard.parquet"); }

    public Outcome run(boolean resume) {
        Location statePath = out.resolve("optimization_state.json");
        String studyHash = studyHash();
        StudyState state = Json.readAs(statePath, StudyState.class);
        if (state != null && !study.study().equals(state.study())) state = null;   // another study's state in the same folder
        if (resume) {
            if (state == null) throw new IllegalArgumentException("--resume: no optimization_state.json for study '" + study.study() + "' in " + out);
            if (!studyHash.equals(state.studyHash())) {
                throw new IllegalArgumentException("--resume: the study changed since " + statePath + " was written (only generations and population may)");
            }
            if (!md.fingerprint().equals(state.dataFingerprint())) {
                throw new IllegalArgumentException("--resume: the market data changed (fingerprint " + md.fingerprint() + " vs " + state.dataFingerprint() + ")");
            }
        } else if (state != null) {
            throw new IllegalArgumentException("study '" + study.study() + "' already has results in " + out + ": use --resume, or another --out");
        }
        List<Row> previous = previousRows();
        List<Optimizer.Evaluated> history = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int next = 0;
        for (Row r : previous) {
            seen.add(r.getString(0));
            history.add(new Optimizer.Evaluated(genome(r.getString(1)), r.getDouble(2)));
            next = Math.max(next, r.getInt(3) + 1);
        }
        if (resume) console.printf("resuming %s at generation %d with %d evaluations on record%n", study.study(), next + 1, previous.size());

        SearchSpace space = new SearchSpace(study, regimeDefaults);
        Optimizer optimizer = Optimizer.named(study.optimizer(), study.optimizerSettings());
        Broadcast<MarketData> market = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(md);
        PartitionEvaluator evaluator = new PartitionEvaluator(market, pricing, backtest, study);
        long startNs = System.nanoTime();
        int evaluatedNow = 0;
        for (int g = next; g < study.generations(); g++) {
            SplittableRandom rng = new SplittableRandom(study.seed() * 1_000_003L + g);
            Best best = best(history, previousIds(previous, history));
            appendLog(Map.of("generation", g, "hypothesis", hypothesis(g, history, best, space.dimensions())));
            List<Candidate> batch = candidates(g, optimizer.propose(study.population(), space.dimensions(), history, rng), space, seen, rng);
            Dataset<Candidate> ds = spark.createDataset(batch, Encoders.bean(Candidate.class));
            if (study.partitions() > 0) ds = ds.repartition(study.partitions());
            long t0 = System.nanoTime();
            ds.mapPartitions(evaluator, Encoders.bean(Evaluation.class))
                    .write().mode(SaveMode.Append).partitionBy("study", "generation").parquet(parquet().uri());
            List<Row> got = new ArrayList<>(spark.read().parquet(HadoopPaths.literal(parquet().uri()))
                    .where(col("study").equalTo(study.study()).and(col("generation").equalTo(g)))
                    .select("id", "genome", "fitness", "generation").collectAsList());
            got.sort(Comparator.comparing(r -> r.getString(0)));
            for (Row r : got) history.add(new Optimizer.Evaluated(genome(r.getString(1)), r.getDouble(2)));
            previous.addAll(got);
            evaluatedNow += got.size();
            double secs = (System.nanoTime() - t0) / 1e9;
            Json.write(out.resolve("leaderboard.json"), leaderboard());
            Best now = best(history, previousIds(previous, history));
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("generation", g);
            outcome.put("evaluated", got.size());
            outcome.put("failed", got.stream().filter(r -> Double.isNaN(r.getDouble(2))).count());
            outcome.put("best_fitness_this_generation", got.stream().mapToDouble(r -> r.getDouble(2)).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN));
            outcome.put("best_fitness", now.fitness);
            outcome.put("best_id", now.id);
            outcome.put("improved", best.id == null || now.fitness > best.fitness);
            String robust = state == null ? null : state.bestRobustId();
            if (gate != null && now.id != null && !now.id.equals(best.id)) {
                LeaderGate.Judgement v = validate(now.id, market);
                outcome.put("leader_verdict", v.verdict() + (v.rejected() ? " (rejected)" : "") + String.format(" %.3f", v.overfitScore()));
                if (v.robust()) robust = now.id;
                else outcome.put("note", "promising but fragile: " + now.id + " leads on train score but the gate says " + v.verdict());
            }
            outcome.put("best_robust_id", robust);
            appendLog(Map.of("generation", g, "outcome", outcome));
            state = new StudyState(study.study(), studyHash, study.seed(), study.optimizer(), g + 1, study.generations(), previous.size(),
                    now.id, now.fitness, md.fingerprint(), robust, "the optimizers are stateless over the history, which --resume rebuilds "
                    + "from leaderboard.parquet; the generator of generation g is seeded with (seed, g)");
            Json.write(statePath, state);
            double rate = got.size() / Math.max(secs, 1e-9);
            double eta = (study.generations() - g - 1) * secs;
            console.printf("generation %d/%d: %d/%d evaluated (%d total), %.1f eval/s, best train score %.4f (%s), ETA %.0f s%n",
                    g + 1, study.generations(), got.size(), batch.size(), previous.size(), rate, now.fitness, now.id, eta);
        }
        List<LeaderboardRow> top = leaderboard();
        if (next >= study.generations()) Json.write(out.resolve("leaderboard.json"), top);
        Best fin = best(history, previousIds(previous, history));
        console.printf("%d evaluations this run in %.1f s; leaderboard: %s%n", evaluatedNow, (System.nanoTime() - startNs) / 1e9,
                out.resolve("leaderboard.json"));
        return new Outcome(previous.size(), fin.id, fin.fitness, top);
    }

    private LeaderGate.Judgement validate(String id, Broadcast<MarketData> market) {
        try {
            List<Row> rows = spark.read().parquet(HadoopPaths.literal(parquet().uri())).where(col("study").equalTo(study.study()).and(col("error").isNull()))
                    .orderBy(col("fitness").desc(), col("id").asc()).select("id", "params", "sharpe").collectAsList();
            RunSpec spec = null;
            List<String> ranked = new ArrayList<>(rows.size());
            double[] sharpes = new double[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                Row r = rows.get(k);
                sharpes[k] = r.getDouble(2);
                ranked.add(r.getString(1));
                if (r.getString(0).equals(id)) spec = RunSpec.fromJson(JSON.readTree(r.getString(1)), backtest, regimeDefaults, "leaderboard");
            }
            if (spec == null) throw new IllegalStateException("leader " + id + " is not in the leaderboard");
            for (Location other : otherTrials) {
                if (other.equals(parquet()) || !other.hasParquet()) continue;
                List<Row> more = spark.read().parquet(HadoopPaths.literal(other.uri())).where(col("error").isNull()).select("sharpe").collectAsList();
                double[] all = java.util.Arrays.copyOf(sharpes, sharpes.length + more.size());
                for (int k = 0; k < more.size(); k++) all[sharpes.length + k] = more.get(k).getDouble(0);
                sharpes = all;
            }
            LeaderGate.Judgement v = gate.judge(new LeaderGate.Leader(id, spec, sharpes, ranked, study.trainYears(), study.testYears(), backtest, market));
            Json.write(out.resolve("validations").resolve(id + ".json"), v.document());
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            String id = spec.id(md.fingerprint());
            if (!seen.add(id)) continue;
            try {
                out.add(new Candidate(study.study(), g, study.optimizer(), id, JSON.writeValueAsString(spec.toMap()), JSON.writeValueAsString(genome)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private record Best(String id, double fitness) {}

    private static List<String> previousIds(List<Row> rows, List<Optimizer.Evaluated> history) {
        List<String> ids = new ArrayList<>();
        for (Row r : rows) ids.add(r.getString(0));
        return ids;
    }

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
            default -> "uniform random draws (the baseline)";
        };
        return "generation " + (g + 1) + ": " + study.population() + " parameter sets over " + dims + " genes; " + what
                + "; fitness = SPEC score over " + study.trainYears().get(0) + "-" + study.trainYears().get(1) + " only";
    }

    private List<Row> previousRows() {
        // A process killed inside its first generation's write leaves only Spark's _temporary staging,
        // which Spark cannot read ("unable to infer schema"): that is no rows, not an error.
        if (!parquet().hasParquet()) return new ArrayList<>();
        List<Row> rows = new ArrayList<>(spark.read().parquet(HadoopPaths.literal(parquet().uri())).where(col("study").equalTo(study.study()))
                .select("id", "genome", "fitness", "generation").collectAsList());
        rows.sort(Comparator.<Row>comparingInt(r -> r.getInt(3)).thenComparing(r -> r.getString(0)));
        return rows;
    }

    /** Top N by train score (ties by id); failed rows are left out. Wall time is left out so the file is deterministic. */
    private List<LeaderboardRow> leaderboard() {
        List<Evaluation> rows = spark.read().parquet(HadoopPaths.literal(parquet().uri()))
                .where(col("study").equalTo(study.study()).and(col("error").isNull()).and(org.apache.spark.sql.functions.not(
                        org.apache.spark.sql.functions.isnan(col("fitness")))))
                .orderBy(col("fitness").desc(), col("id").asc()).limit(study.topN()).as(Encoders.bean(Evaluation.class)).collectAsList();
        List<LeaderboardRow> out = new ArrayList<>(rows.size());
        for (Evaluation e : rows) out.add(e.toRow(out.size() + 1));
        return out;
    }

    private void appendLog(Map<String, Object> entry) {
        Location p = out.resolve("optimization_log.json");
        List<Map<String, Object>> log = new ArrayList<>(Json.readList(p));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("study", study.study());
        e.putAll(entry);
        log.add(e);
        Json.write(p, log);
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
