package sde.spark;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import sde.backtest.RunOutputs;
import sde.backtest.RunResult;
import sde.daemon.Daemon;
import sde.daemon.RungBest;
import sde.daemon.SwitchingOracle;
import sde.io.Json;
import sde.io.Location;
import sde.metrics.YearStats;
import sde.pricing.Model;
import sde.results.AnswerTally;
import sde.results.AnswerTally.Best;
import sde.results.CeilingFile;
import sde.results.VerdictFile;
import sde.results.YearFigures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.*;

/**
 * SPEC §7 `answer`: the engine's answer to the seed's question over every leaderboard under a folder
 * (a sweep's or a daemon's), as answer.md and answer.json. The rows are read and aggregated by Spark
 * SQL (millions of rows stay on the executors); the gate's verdicts, a few files per study, on the
 * driver.
 * <ul>
 *   <li>the verdict: VICTORY with the result (SPEC §4: every year at least 200 % at most 15 % drawdown,
 *       ROBUST, neither MODEL_FRAGILE nor MODEL_UNVERIFIED), or NO VICTORY FOUND with each year's
 *       distance;</li>
 *   <li>each year's frontier: the best return at each drawdown cap, over the feasible rows (SPEC §4),
 *       the rows the gate judged ROBUST, and those the model also vouches for;</li>
 *   <li>saturation: each year's feasible 15 % point after 10³, 10⁴, … evaluations, over all rows, per rung, per
 *       optimizer, and first searches against restarts. The clock is the generation (the rows hold no time of evaluation): a checkpoint is
 * read at the
 *       end of the first generation that reaches it, so a daemon whose studies all start at generation 0 shows its
 *       first point only after every study's first generation.</li>
 * </ul>
 */
public final class Answer {
    /** The drawdown caps of the frontier, in %. */
    public static final List<Double> CAPS = AnswerTally.CAPS;
    /** The evaluation counts at which saturation is read. */
    static final long[] CHECKPOINTS = {1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    public static final String FEASIBLE = "feasible", ROBUST = "robust", VOUCHED = "robust, model-vouched",
            REGIME = "robust, regime-switching";
    /** SPEC §4's goal, every year: this return at most this drawdown. */
    static final double GOAL = Daemon.VICTORY_RETURN_PCT, GOAL_DD = Daemon.VICTORY_MAX_DD_PCT;
    static final String YEARS_SCHEMA = "array<struct<year:int,return_pct:double,max_dd_pct:double,trades:int>>";

    private Answer() {}

    /** One frontier point: the best return of {@code population} in {@code year} at a drawdown of at most {@code capPct}. */
    public record Point(String population, int year, double capPct, double returnPct, double maxDdPct, String id) {}

    /** One saturation point: the best return at ≤ 15 % drawdown in {@code year} among {@code group}'s first {@code evaluations}. */
    public record Saturation(String group, long evaluations, int year, double returnPct, String id) {}

    /** One year's distance from the goal: the best return at ≤ 15 % drawdown of each population, and what is missing to 200 %. */
    public record Distance(int year, Double feasiblePct, Double robustPct, Double vouchedPct, double shortfallPp) {}

    /**
     * A ROBUST frontier point re-run: its year on the model band's low and high surfaces (SPEC §5 model risk), and the
     * smallest starting capital of {@link #CAPITALS} at which the market's capacity (SPEC §2) cuts one of its orders (null:
     * none up to the largest).
     */
    public record Check(String id, int year, double capPct, double returnPct, double maxDdPct, double lowReturnPct, double lowMaxDdPct,
                        double highReturnPct, double highMaxDdPct, Double capacityCutsFrom) {}

    /** answer.json. */
    @JsonPropertyOrder(alphabetic = true)
    public record File(String verdict, String verdictLine, String victoryId, long rows, long feasibleRows, int judged, int robust,
                       int vouched, List<Integer> years, List<Distance> distance, List<Point> frontier, List<Saturation> saturation,
                       List<Check> checks, List<CeilingFile.OracleYear> oracle, List<RungBest> rungBests) {
        /** This answer with its ROBUST frontier re-run, and the switching oracle over those runs. */
        public File withChecks(List<Check> c, List<CeilingFile.OracleYear> o) {
            return new File(verdict, verdictLine, victoryId, rows, feasibleRows, judged, robust, vouched, years, distance, frontier,
                    saturation, List.copyOf(c), List.copyOf(o), rungBests);
        }
    }

    /** The starting capitals the scale check tries, smallest first. */
    static final double[] CAPITALS = {1e4, 1e5, 1e6, 1e7, 1e8};

    /** Runs a params file (SPEC §7) on a surface of the model band with a starting capital: what the checks re-run. */
    @FunctionalInterface
    public interface Runner {
        RunResult run(JsonNode params, Model model, double startingCapital);
    }

    /**
     * {@code a} with its ROBUST frontier points re-run (each distinct result once per surface and capital): on the low and high
     * surfaces, and at growing starting capitals until capacity cuts an order. Their params are read from the leaderboards.
     */
    public static File checked(SparkSession spark, Location dir, File a, Runner runner) {
        List<Point> points = a.frontier().stream().filter(p -> p.population().equals(ROBUST)).toList();
        if (points.isEmpty()) return a.withChecks(List.of(), List.of());
        Set<String> ids = new TreeSet<>();
        for (Point p : points) ids.add(p.id());
        // Their params from the tallies, which keep every row sent to the gate; the rows only for one a tally did not keep.
        Map<String, String> params = TalliedAnswer.keptParams(dir, ids);
        Set<String> rest = new TreeSet<>(ids);
        rest.removeAll(params.keySet());
        if (!rest.isEmpty()) {
            for (Row r : read(spark, tables(dir)).where(col("id").isin(rest.toArray())).select(col("id"), col("params")).collectAsList()) {
                params.putIfAbsent(r.getString(0), r.getString(1));
            }
        }
        Map<String, Map<Integer, YearStats>> low = new HashMap<>(), high = new HashMap<>();
        Map<String, Double> cutsFrom = new HashMap<>();
        Map<String, RunResult> base = new TreeMap<>();
        for (String id : ids) {
            JsonNode p;
            try {
                p = Json.MAPPER.readTree(params.get(id));
            } catch (Exception e) {
                continue;
            }
            base.put(id, runner.run(p, Model.BASE, Double.NaN));
            low.put(id, byYear(runner.run(p, Model.LOW, Double.NaN)));
            high.put(id, byYear(runner.run(p, Model.HIGH, Double.NaN)));
            for (double c : CAPITALS) {
                if (runner.run(p, Model.BASE, c).capacityBoundDays().length > 0) {
                    cutsFrom.put(id, c);
                    break;
                }
            }
        }
        List<Check> out = new ArrayList<>();
        for (Point p : points) {
            YearStats l = low.getOrDefault(p.id(), Map.of()).get(p.year());
            YearStats h = high.getOrDefault(p.id(), Map.of()).get(p.year());
            if (l == null || h == null) continue;
            out.add(new Check(p.id(), p.year(), p.capPct(), p.returnPct(), p.maxDdPct(), l.returnPct(), l.maxDdPct(), h.returnPct(),
                    h.maxDdPct(), cutsFrom.get(p.id())));
        }
        // The switching oracle over the ROBUST frontier's runs: each day's best of them, with hindsight (an upper bound on
        // timing among them); the regime-switching population's frontier beside it is timing without hindsight.
        List<CeilingFile.OracleYear> oracle = new ArrayList<>();
        for (SwitchingOracle.Year y : SwitchingOracle.oracle(base)) {
            oracle.add(new CeilingFile.OracleYear(y.year(), y.returnPct(), y.maxDdPct(),
                    y.returnPct() >= GOAL && y.maxDdPct() <= GOAL_DD, y.picks()));
        }
        return a.withChecks(out, oracle);
    }

    private static Map<Integer, YearStats> byYear(RunResult r) {
        Map<Integer, YearStats> m = new HashMap<>();
        for (YearStats y : RunOutputs.summarize(r).years()) m.put(y.year(), y);
        return m;
    }

    /**
     * The leaderboards as one table, in one scan. Their folders sit side by side, each partitioned by study and generation
     * (LeaderboardStore), which Spark's partition discovery takes for a conflict; so the files are listed recursively and
     * both are read back from each file's path (study=NAME/generation=G), the schemas merged (a folder written before a
     * column existed reads it as null).
     */
    static Dataset<Row> read(SparkSession spark, List<Location> tables) {
        Dataset<Row> all = spark.read().option("recursiveFileLookup", "true").option("pathGlobFilter", "*.parquet")
                .option("mergeSchema", "true").parquet(tables.stream().map(Location::uri).toArray(String[]::new));
        List<String> columns = Arrays.asList(all.columns());
        Column study = regexp_extract(input_file_name(), "study=([^/]+)/", 1);
        Column generation = regexp_extract(input_file_name(), "generation=(\\d+)/", 1).cast("int");
        return all.withColumn("study", columns.contains("study") ? coalesce(col("study"), study) : study)
                .withColumn("generation", columns.contains("generation") ? coalesce(col("generation"), generation) : generation);
    }

    /** Every leaderboard under {@code dir}: a sweep's own, and each daemon study's. */
    static List<Location> tables(Location dir) {
        List<Location> tables = new ArrayList<>();
        if (dir.resolve("leaderboard.parquet").hasParquet()) tables.add(dir.resolve("leaderboard.parquet"));
        Location studies = dir.resolve("studies");
        if (studies.isDirectory()) {
            for (Location s : studies.children()) {
                if (s.resolve("leaderboard.parquet").hasParquet()) tables.add(s.resolve("leaderboard.parquet"));
            }
        }
        return tables;
    }

    /** The gate's verdicts under {@code dir}: each judged id with whether it is ROBUST and whether the model vouches for it. */
    record Verdicts(Set<String> judged, Set<String> robust, Set<String> vouched) {}

    /**
     * What the answer reduces the rows to, however they were read: each population's best per year and drawdown band
     * (population → year → band of {@link AnswerTally#CAPS}), each saturation group's rows per generation, and its best
     * feasible return at ≤ 15 % per generation and year, and the victory's id. A few thousand numbers, whatever the rows.
     */
    record Reduced(long rows, long feasibleRows, Map<String, Map<Integer, Best[]>> bands, Map<String, TreeMap<Integer, Long>> counts,
                   Map<String, Map<Integer, Map<Integer, Best>>> best15, String victory) {}

    /**
     * The answer from the studies' tallies, which the sweep keeps as it writes ({@link AnswerTally}): what the daemon writes at
     * every report, at a cost that does not grow with the rows. It equals {@link #compute} over the same folder.
     */
    public static File fromTallies(SparkSession spark, Location dir, int firstYear, int lastYear) {
        return TalliedAnswer.compute(spark, dir, firstYear, lastYear);
    }

    /** The answer from scratch: every row read by Spark SQL. */
    public static File compute(SparkSession spark, Location dir, int firstYear, int lastYear) {
        List<Location> tables = tables(dir);
        Verdicts v = verdicts(dir);
        if (tables.isEmpty()) return answer(dir, null, v, firstYear, lastYear);
        Dataset<Row> all = read(spark, tables);
        if (Arrays.asList(all.columns()).contains("error")) all = all.where(col("error").isNull());
        Column feasible = Arrays.asList(all.columns()).contains("feasible") ? col("feasible") : lit(false);
        // Each evaluation once (the columns the answer reads), then its years: both cached, so the files are read once.
        Dataset<Row> evals = all.select(col("id"), col("study"), col("optimizer"), col("generation"), feasible.as("feasible"),
                col("years")).cache();
        Dataset<Row> rows = evals.select(col("id"), col("study"), col("optimizer"), col("generation"), col("feasible"),
                        explode(from_json(col("years"), DataType.fromDDL(YEARS_SCHEMA))).as("y"))
                .select(col("id"), col("study"), col("optimizer"), col("generation"), col("feasible"), col("y.year").as("year"),
                        col("y.return_pct").as("ret"), col("y.max_dd_pct").as("dd"))
                .where(col("year").between(firstYear, lastYear).and(not(isnan(col("ret")))).and(not(isnan(col("dd")))))
                .cache();
        long total = evals.count(), feasibleRows = evals.where(col("feasible")).count();
        Map<String, Map<Integer, Best[]>> bands = bands(rows, v);
        String victory = victory(rows.where(col("id").isin(v.vouched().toArray())), lastYear - firstYear + 1);
        Column groups = explode(array(lit("all"), rungColumn(), concat(lit("optimizer "), col("optimizer")), restartColumn())).as("group");
        Map<String, TreeMap<Integer, Long>> counts = new TreeMap<>();
        for (Row r : evals.select(groups, col("generation")).groupBy(col("group"), col("generation")).count().collectAsList()) {
            counts.computeIfAbsent(r.getString(0), g -> new TreeMap<>()).put(r.getInt(1), r.getLong(2));
        }
        // The frontier's feasible 15 % point: an infeasible row counts as an evaluation, never as a result (SPEC §4). The
        // tally's constant, so that the answer from the rows and the answer from the tallies cut at the same drawdown.
        Map<String, Map<Integer, Map<Integer, Best>>> best15 = new TreeMap<>();
        for (Row r : rows.where(col("feasible").and(col("dd").leq(AnswerTally.SATURATION_DD_PCT))).select(col("id"), col("generation"), col("year"), col("ret"),
                        col("dd"), groups).groupBy(col("group"), col("generation"), col("year"))
                .agg(max(struct(col("ret"), col("id"), col("dd"))).as("b")).collectAsList()) {
            best15.computeIfAbsent(r.getString(0), g -> new TreeMap<>()).computeIfAbsent(r.getInt(1), g -> new TreeMap<>())
                    .put(r.getInt(2), best(r.getStruct(3)));
        }
        rows.unpersist();
        evals.unpersist();
        return answer(dir, new Reduced(total, feasibleRows, bands, counts, best15, victory), v, firstYear, lastYear);
    }

    /** The answer from its reduction, or NO RESULTS when {@code r} is null (no leaderboard). */
    static File answer(Location dir, Reduced r, Verdicts v, int firstYear, int lastYear) {
        List<Integer> years = new ArrayList<>();
        for (int y = firstYear; y <= lastYear; y++) years.add(y);
        if (r == null) {
            return new File("NO RESULTS", "NO RESULTS: " + dir + " holds no leaderboard (run a sweep or the daemon with --out there)", null,
                    0, 0, v.judged().size(), v.robust().size(), v.vouched().size(), years, List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of());
        }
        List<Point> frontier = frontier(r.bands());
        List<Saturation> saturation = saturation(r.counts(), r.best15());
        List<Distance> distance = new ArrayList<>();
        for (int y : years) {
            Double f = at(frontier, FEASIBLE, y), rb = at(frontier, ROBUST, y), o = at(frontier, VOUCHED, y);
            double best = o != null ? o : Double.NEGATIVE_INFINITY;
            distance.add(new Distance(y, f, rb, o, Double.isInfinite(best) ? GOAL : Math.max(0, GOAL - best)));
        }
        String line;
        if (r.victory() != null) {
            line = String.format(Locale.ROOT, "VICTORY: %s makes at least %.0f %% at most %.0f %% drawdown in every year %d-%d, ROBUST and"
                    + " vouched for by the model (SPEC §4)", r.victory(), GOAL, GOAL_DD, firstYear, lastYear);
        } else {
            double worst = distance.stream().mapToDouble(Distance::shortfallPp).max().orElse(GOAL);
            line = String.format(Locale.ROOT, "NO VICTORY FOUND over %,d evaluations (%,d feasible, %d judged by the gate, %d ROBUST, %d"
                            + " ROBUST and vouched for by the model): the best a vouched result made at ≤ %.0f %% drawdown falls short"
                            + " of %.0f %%"
                            + " by up to %.1f points a year", r.rows(), r.feasibleRows(), v.judged().size(), v.robust().size(),
                    v.vouched().size(), GOAL_DD, GOAL, worst);
        }
        return new File(r.victory() != null ? "VICTORY" : "NO VICTORY FOUND", line, r.victory(), r.rows(), r.feasibleRows(),
                v.judged().size(), v.robust().size(), v.vouched().size(), years, distance, frontier, saturation, List.of(), List.of(),
                RungBest.under(dir));
    }

    private static Best best(Row b) {
        return new Best(b.getDouble(0), b.getString(1), b.getDouble(2));
    }

    /** The saturation group of a study's rung: what the ladder calls its rungs, by the study's name. */
    static String rungGroup(String study) {
        if (study.startsWith("single_")) return "rung single";
        if (study.startsWith("blend_")) return "rung blend";
        if (study.startsWith("regime_")) return "rung regime";
        return "study";
    }

    private static Column rungColumn() {
        return when(col("study").startsWith("single_"), lit("rung single"))
                .when(col("study").startsWith("blend_"), lit("rung blend"))
                .when(col("study").startsWith("regime_"), lit("rung regime")).otherwise(lit("study"));
    }

    /** A restart (NAME_rK) searches again where a study plateaued: its own curve says whether restarting still pays. */
    static String restartGroup(String study) {
        return RESTART.matcher(study).find() ? "restarts" : "first searches";
    }

    private static final java.util.regex.Pattern RESTART = java.util.regex.Pattern.compile("_r[0-9]+$");

    private static Column restartColumn() {
        return when(col("study").rlike(RESTART.pattern()), lit("restarts")).otherwise(lit("first searches"));
    }

    /**
     * Best return per year and drawdown band of each population, in one pass: each row falls in the tightest cap its
     * drawdown meets, and the best per (year, cap) and population is aggregated on the executors. A tie goes to the larger id.
     */
    static Map<String, Map<Integer, Best[]>> bands(Dataset<Row> rows, Verdicts v) {
        Column cap = lit(null).cast("double");
        for (int c = CAPS.size() - 1; c >= 0; c--) cap = when(col("dd").leq(CAPS.get(c)), lit(CAPS.get(c))).otherwise(cap);
        Column best = struct(col("ret"), col("id"), col("dd"));
        Column robust = col("id").isin(v.robust().toArray()), vouched = col("id").isin(v.vouched().toArray());
        Column regime = robust.and(col("study").startsWith("regime_"));
        List<String> populations = List.of(FEASIBLE, ROBUST, VOUCHED, REGIME);
        Map<String, Map<Integer, Best[]>> out = new TreeMap<>();
        for (Row r : rows.withColumn("cap", cap).where(col("cap").isNotNull())
                .groupBy(col("year"), col("cap"))
                .agg(max(when(col("feasible"), best)).as(FEASIBLE), max(when(robust, best)).as(ROBUST),
                        max(when(vouched, best)).as(VOUCHED), max(when(regime, best)).as(REGIME))
                .collectAsList()) {
            for (int p = 0; p < populations.size(); p++) {
                if (r.isNullAt(2 + p)) continue;
                out.computeIfAbsent(populations.get(p), k -> new TreeMap<>()).computeIfAbsent(r.getInt(0), k -> new Best[CAPS.size()])
                        [CAPS.indexOf(r.getDouble(1))] = best(r.getStruct(2 + p));
            }
        }
        return out;
    }

    /** Each population's frontier from its bands: the running best over the caps (a loose cap admits every tighter one's rows). */
    static List<Point> frontier(Map<String, Map<Integer, Best[]>> bands) {
        List<Point> out = new ArrayList<>();
        for (String population : List.of(FEASIBLE, ROBUST, VOUCHED, REGIME)) {
            new TreeMap<>(bands.getOrDefault(population, Map.of())).forEach((y, byCap) -> {
                Best run = null;
                for (int c = 0; c < CAPS.size(); c++) {
                    if (byCap[c] != null && (run == null || byCap[c].ret() > run.ret())) run = byCap[c];
                    if (run != null) out.add(new Point(population, y, CAPS.get(c), run.ret(), run.dd(), run.id()));
                }
            });
        }
        return out;
    }

    /** The smallest id whose every year clears the goal, or null. */
    static String victory(Dataset<Row> vouchedRows, int years) {
        List<Row> hit = vouchedRows.groupBy(col("id"))
                .agg(min(when(col("ret").geq(GOAL).and(col("dd").leq(GOAL_DD)), 1).otherwise(0)).as("ok"),
                        countDistinct(col("year")).as("n"))
                .where(col("ok").equalTo(1).and(col("n").equalTo(years))).orderBy(col("id")).limit(1).collectAsList();
        return hit.isEmpty() ? null : hit.get(0).getString(0);
    }

    /** Each generation's checkpoint: the first decade its running count reaches (else the group's size), or its running count. */
    private static Map<Integer, Long> checkpoints(TreeMap<Integer, Long> counts, long size, boolean decades) {
        Map<Integer, Long> out = new TreeMap<>();
        long seen = 0;
        for (Map.Entry<Integer, Long> g : counts.entrySet()) {
            seen += g.getValue();
            long k = decades ? size : seen;
            if (decades) for (long c : CHECKPOINTS) if (seen <= c && c <= size) { k = c; break; }
            out.put(g.getKey(), k);
        }
        return out;
    }

    /**
     * Each group's feasible 15 % point per year after each checkpoint's number of evaluations, and at the group's own size
     * (the curve's last point). The clock is the generation: each generation is mapped to the first checkpoint its
     * group's running count reaches, and the running best over the checkpoints is taken.
     */
    static List<Saturation> saturation(Map<String, TreeMap<Integer, Long>> counts, Map<String, Map<Integer, Map<Integer, Best>>> best15) {
        List<Saturation> out = new ArrayList<>();
        counts.forEach((group, perGeneration) -> {
            long size = perGeneration.values().stream().mapToLong(Long::longValue).sum();
            // Decades, unless they give a group fewer than three points (a sweep of 4 × 1,200 has one decade, 1,000, which
            // its first generation already passes): then the end of each generation, so that a curve has a shape.
            Map<Integer, Long> k = checkpoints(perGeneration, size, true);
            if (new TreeSet<>(k.values()).size() < 3) k = checkpoints(perGeneration, size, false);
            TreeMap<Long, Map<Integer, Best>> atCheckpoint = new TreeMap<>();
            Map<Integer, Map<Integer, Best>> bestOf = best15.getOrDefault(group, Map.of());
            Set<Integer> years = new TreeSet<>();
            k.forEach((generation, at) -> {
                Map<Integer, Best> into = atCheckpoint.computeIfAbsent(at, x -> new TreeMap<>());
                bestOf.getOrDefault(generation, Map.of()).forEach((y, b) -> {
                    into.merge(y, b, Best::max);
                    years.add(y);
                });
            });
            for (int y : years) {
                Best run = null;
                for (Map.Entry<Long, Map<Integer, Best>> e : atCheckpoint.entrySet()) {
                    Best b = e.getValue().get(y);
                    if (b != null && (run == null || b.ret() > run.ret())) run = b;
                    if (run != null) out.add(new Saturation(group, e.getKey(), y, run.ret(), run.id()));
                }
            }
        });
        out.sort(Comparator.comparing(Saturation::group).thenComparingLong(Saturation::evaluations)
                .thenComparingInt(Saturation::year));
        return out;
    }

    private static Double at(List<Point> frontier, String population, int year) {
        for (Point p : frontier) {
            if (p.population().equals(population) && p.year() == year && p.capPct() == GOAL_DD) return p.returnPct();
        }
        return null;
    }

    static Verdicts verdicts(Location dir) {
        Set<String> judged = new TreeSet<>(), robust = new TreeSet<>(), vouched = new TreeSet<>();
        List<Location> folders = new ArrayList<>();
        folders.add(dir.resolve("validations"));
        Location studies = dir.resolve("studies");
        if (studies.isDirectory()) for (Location s : studies.children()) folders.add(s.resolve("validations"));
        for (Location f : folders) {
            if (!f.isDirectory()) continue;
            for (Location file : f.children()) {
                if (!file.name().endsWith(".json")) continue;
                VerdictFile v = VerdictFile.read(file);
                if (v == null || v.id() == null) continue;
                judged.add(v.id());
                if (v.robust()) robust.add(v.id());
                if (v.vouched()) vouched.add(v.id());
            }
        }
        return new Verdicts(judged, robust, vouched);
    }

    /** Writes DIR/answer.json and DIR/answer.md, each whole or not at all. */
    public static void write(Location dir, File a) {
        Json.write(dir.resolve("answer.json"), a);
        dir.resolve("answer.md").write(markdown(a));
    }

    static String markdown(File a) {
        StringBuilder md = new StringBuilder("# The answer\n\n**").append(a.verdictLine()).append(".**\n\n");
        if (a.rows() == 0) return md.toString();
        md.append(String.format(Locale.ROOT, "%,d evaluations, %,d of them feasible (SPEC §4); the gate judged %d, %d ROBUST, %d ROBUST"
                + " and vouched for by the model (neither MODEL_FRAGILE nor MODEL_UNVERIFIED).%n%n", a.rows(), a.feasibleRows(), a.judged(),
                a.robust(), a.vouched()));
        md.append("## Each year against the goal (≥ 200 % at ≤ 15 % drawdown)\n\nThe best return at ≤ 15 % drawdown in the year:\n\n")
                .append("| year | feasible | ROBUST | ROBUST, model-vouched | short of 200 % |\n|---:|---:|---:|---:|---:|\n");
        for (Distance d : a.distance()) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %.1f |%n", d.year(), pct(d.feasiblePct()), pct(d.robustPct()),
                    pct(d.vouchedPct()), d.shortfallPp()));
        }
        rungBests(md, a);
        for (String pop : List.of(FEASIBLE, ROBUST, VOUCHED, REGIME)) {
            md.append("\n## Frontier: ").append(pop)
                    .append(" rows\n\nThe best return % in each year at a drawdown of at most the cap (id):\n\n| year |");
            for (double c : CAPS) md.append(String.format(Locale.ROOT, " ≤ %.0f %% |", c));
            md.append("\n|---:|").append("---|".repeat(CAPS.size())).append('\n');
            for (int y : a.years()) {
                md.append("| ").append(y).append(" |");
                for (double c : CAPS) {
                    Point p = a.frontier().stream().filter(x -> x.population().equals(pop) && x.year() == y && x.capPct() == c).findFirst()
                            .orElse(null);
                    md.append(p == null ? " – |" : String.format(Locale.ROOT, " %.1f (%s) |", p.returnPct(), p.id()));
                }
                md.append('\n');
            }
        }
        if (!a.checks().isEmpty()) {
            md.append("\n## The ROBUST frontier on the model band, and its scale\n\nEach ROBUST frontier point re-run on the low and high"
                    + " surfaces of the model band (SPEC §5), return % / max DD % in its year, and the smallest starting capital (of $10k,"
                    + " $100k, … $100M) at which the market's capacity cuts one of its orders (SPEC §2):\n\n"
                    + "| year | cap | id | return / DD | low surface | high surface | capacity cuts from |\n"
                    + "|---:|---:|---|---|---|---|---:|\n");
            for (Check c : a.checks()) {
                md.append(String.format(Locale.ROOT, "| %d | ≤ %.0f %% | %s | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %s |%n", c.year(),
                        c.capPct(), c.id(), c.returnPct(), c.maxDdPct(), c.lowReturnPct(), c.lowMaxDdPct(), c.highReturnPct(),
                        c.highMaxDdPct(), c.capacityCutsFrom() == null ? "beyond $100M" : String.format(Locale.ROOT, "$%,.0f",
                                c.capacityCutsFrom())));
            }
        }
        if (!a.oracle().isEmpty()) {
            md.append("\n## Bounds on timing\n\nA switching oracle that holds, each day, whichever of the ROBUST frontier's results"
                    + " did best that day: hindsight, so an upper bound on any timing among them. The regime-switching ROBUST"
                    + " frontier above is timing without hindsight.\n\n"
                    + "| year | oracle return % | oracle max DD % | goal met |\n|---:|---:|---:|---|\n");
            for (CeilingFile.OracleYear y : a.oracle()) {
                md.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %s |%n", y.year(), y.returnPct(), y.maxDdPct(),
                        y.goalMet() ? "yes" : "no"));
            }
        }
        md.append("\n## Saturation\n\nThe best return at ≤ 15 % drawdown in each year among a group's first N evaluations (in order of"
                + " generation): a curve that stops rising is a search that has stopped finding better.\n\n| group | N |");
        for (int y : a.years()) md.append(' ').append(y).append(" |");
        md.append("\n|---|---:|").append("---:|".repeat(a.years().size())).append('\n');
        Map<String, Map<Long, Map<Integer, Double>>> s = new LinkedHashMap<>();
        for (Saturation x : a.saturation()) {
            s.computeIfAbsent(x.group(), g -> new TreeMap<>()).computeIfAbsent(x.evaluations(), k -> new TreeMap<>())
                    .put(x.year(), x.returnPct());
        }
        s.forEach((g, byN) -> byN.forEach((n, byYear) -> {
            md.append(String.format(Locale.ROOT, "| %s | %,d |", g, n));
            for (int y : a.years()) md.append(' ').append(pct(byYear.get(y))).append(" |");
            md.append('\n');
        }));
        return md.toString();
    }

    /** Each rung's best, where its option P&L was made, and its centre's figures beside its worst case's (SPEC §4, §5). */
    private static void rungBests(StringBuilder md, File a) {
        if (a.rungBests() == null || a.rungBests().isEmpty()) return;
        md.append("\n## Each rung's best\n\nThe search ranks by the train objective at its worst over the model band (SPEC §4);"
                + " the gate's coverage says where the row's gross option P&L was made and how much of it real data verified (SPEC §5):"
                + "\n\n| rung | study | id | fitness (worst surface) | centre's train score | verified share | largest cells | gate |\n"
                + "|---|---|---|---:|---:|---:|---|---|\n");
        for (RungBest b : a.rungBests()) {
            StringBuilder cells = new StringBuilder();
            b.cells().forEach((c, share) -> cells.append(cells.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.0f %%", c, 100 * share)));
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f (%s) | %.3f | %s | %s | %s |%n", b.rung(), b.study(), b.id(),
                    b.fitness(), b.worstSurface() == null ? "?" : b.worstSurface(), b.trainScore(),
                    b.verifiedShare() == null ? "not judged" : String.format(Locale.ROOT, "%.0f %%", 100 * b.verifiedShare()),
                    cells.length() == 0 ? "–" : cells, b.verdict() == null ? "not judged" : b.verdict()));
        }
        md.append("\nTheir years, return % / max DD % on the centre, then on the row's worst surface:\n\n| rung |");
        for (int y : a.years()) md.append(' ').append(y).append(" |");
        md.append("\n|---|").append("---|".repeat(a.years().size())).append('\n');
        for (RungBest b : a.rungBests()) {
            md.append("| ").append(b.rung()).append(" |");
            for (int y : a.years()) {
                YearFigures f = b.years() == null ? null : b.years().stream().filter(x -> x.year() == y).findFirst().orElse(null);
                md.append(f == null ? " – |" : String.format(Locale.ROOT, " %.1f / %.1f → %s / %s |", f.returnPct(), f.maxDdPct(),
                        pct(f.returnPctWorst()), pct(f.maxDdPctWorst())));
            }
            md.append('\n');
        }
    }

    private static String pct(Double x) {
        return x == null ? "–" : String.format(Locale.ROOT, "%.1f", x);
    }
}
