package sde.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import sde.io.HadoopPaths;
import sde.io.Location;
import sde.results.AnswerTally;
import sde.results.AnswerTally.Best;
import sde.results.AnswerTally.YearPoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The answer (SPEC §7 `answer`) from the studies' tallies ({@link AnswerTally}, kept by the sweep as it writes each
 * generation), not from the rows: what the daemon writes at every report, at a cost that grows with the studies and their
 * generations, never with the rows. It equals {@link Answer#compute} over the same folder (a test holds them together).
 * <p>
 * The rows still decide where a tally cannot: a generation on disk that its study's tally does not hold (a kill between
 * the two writes, or a folder written before tallies) is read and folded in, one generation's rows at a time through
 * Spark's local iterator (the driver never holds a study's rows); and a ROBUST id whose years no tally kept (a verdict
 * given by hand with {@code validate}) is looked up in its study's rows.
 */
final class TalliedAnswer {
    private TalliedAnswer() {}

    static Answer.File compute(SparkSession spark, Location dir, int firstYear, int lastYear) {
        Answer.Verdicts v = Answer.verdicts(dir);
        List<Location> folders = new ArrayList<>();
        if (dir.resolve("leaderboard.parquet").hasParquet()) folders.add(dir);
        Location studies = dir.resolve("studies");
        if (studies.isDirectory()) {
            for (Location s : studies.children()) if (s.resolve("leaderboard.parquet").hasParquet()) folders.add(s);
        }
        if (folders.isEmpty()) return Answer.answer(dir, null, v, firstYear, lastYear);
        List<AnswerTally> tallies = new ArrayList<>();
        for (Location f : folders) tallies.addAll(tallies(spark, f));
        return Answer.answer(dir, reduce(spark, folders, tallies, v, firstYear, lastYear), v, firstYear, lastYear);
    }

    /** Each study's tally in a sweep folder, with the generations on disk it does not hold folded in. */
    static List<AnswerTally> tallies(SparkSession spark, Location folder) {
        Location table = folder.resolve("leaderboard.parquet");
        Set<String> judged = AnswerTally.judged(folder);
        List<AnswerTally> out = new ArrayList<>();
        for (Location part : table.children()) {
            if (!part.name().startsWith("study=") || !part.isDirectory()) continue;
            String study = part.name().substring("study=".length());
            AnswerTally held = AnswerTally.read(AnswerTally.file(folder, study));
            Set<Integer> had = held == null ? Set.of() : Set.copyOf(held.generations());
            AnswerTally t = caughtUp(spark, part, held, study, judged);
            // Kept, so that the next answer does not read those rows again. A sweep writing the same study at this moment
            // writes its own tally after this one, of its rows; either file is a tally of rows on disk, whole.
            if (!t.generations().equals(had)) t.write(AnswerTally.file(folder, study));
            out.add(t);
        }
        return out;
    }

    /**
     * {@code held} (a new tally of {@code study} when null) with the generations under {@code part} (a study's folder in its
     * leaderboard, study=NAME) that it does not hold folded in.
     */
    static AnswerTally caughtUp(SparkSession spark, Location part, AnswerTally held, String study, Set<String> judged) {
        AnswerTally t = held == null ? new AnswerTally(study) : held;
        List<String> missing = new ArrayList<>();
        for (Location g : part.children()) {
            // A generation the tally holds is not looked into: one listing per study, not one per generation.
            if (!g.name().startsWith("generation=")) continue;
            int generation = Integer.parseInt(g.name().substring("generation=".length()));
            if (!t.generations().contains(generation) && g.hasParquet()) missing.add(g.uri());
        }
        if (!missing.isEmpty()) foldIn(spark, part, missing, t, judged);
        return t;
    }

    /** Adds the rows of the generation folders {@code paths} to {@code t}, keeping the years of the ids judged here. */
    private static void foldIn(SparkSession spark, Location studyDir, List<String> paths, AnswerTally t, Set<String> judged) {
        Dataset<Row> rows = spark.read().option("basePath", HadoopPaths.literal(studyDir.uri())).option("mergeSchema", "true")
                .parquet(paths.stream().map(HadoopPaths::literal).toArray(String[]::new));
        List<String> columns = Arrays.asList(rows.columns());
        Column feasible = columns.contains("feasible") ? col("feasible") : lit(false);
        Column error = columns.contains("error") ? col("error") : lit(null).cast("string");
        Column params = columns.contains("params") ? col("params") : lit(null).cast("string");
        Iterator<Row> it = rows.select(col("generation").cast("int"), col("optimizer"), col("id"), feasible, error, col("years"), params)
                .toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            String id = r.getString(2), years = r.getString(5);
            t.add(r.getInt(0), r.getString(1), id, !r.isNullAt(3) && r.getBoolean(3), r.getString(4), years);
            if (judged.contains(id) && r.isNullAt(4)) t.keep(id, years, r.getString(6));
        }
    }

    /** The answer's reduction from the tallies: the same numbers {@link Answer#compute} reduces the rows to. */
    static Answer.Reduced reduce(SparkSession spark, List<Location> folders, List<AnswerTally> tallies, Answer.Verdicts v,
                                 int firstYear, int lastYear) {
        long rows = 0, feasibleRows = 0;
        Map<String, Map<Integer, Best[]>> bands = new TreeMap<>();
        Map<String, TreeMap<Integer, Long>> counts = new TreeMap<>();
        Map<String, Map<Integer, Map<Integer, Best>>> best15 = new TreeMap<>();
        Map<String, AnswerTally.Kept> kept = new TreeMap<>();
        Set<String> inRegimeStudy = new TreeSet<>();
        for (AnswerTally t : tallies) {
            rows += t.rows();
            feasibleRows += t.feasibleRows();
            for (AnswerTally.Band b : t.bands()) {
                if (b.year() < firstYear || b.year() > lastYear) continue;
                Best[] into = bands.computeIfAbsent(Answer.FEASIBLE, k -> new TreeMap<>())
                        .computeIfAbsent(b.year(), k -> new Best[AnswerTally.CAPS.size()]);
                int c = AnswerTally.CAPS.indexOf(b.cap());
                into[c] = Best.max(into[c], b.best());
            }
            List<String> groups = List.of("all", Answer.rungGroup(t.study()), Answer.restartGroup(t.study()));
            for (AnswerTally.Generation g : t.generationRows()) {
                List<String> of = new ArrayList<>(groups);
                of.add("optimizer " + g.optimizer());
                for (String group : of) {
                    counts.computeIfAbsent(group, k -> new TreeMap<>()).merge(g.generation(), g.rows(), Long::sum);
                    g.best15().forEach((y, b) -> {
                        if (y >= firstYear && y <= lastYear) {
                            best15.computeIfAbsent(group, k -> new TreeMap<>()).computeIfAbsent(g.generation(), k -> new TreeMap<>())
                                    .merge(y, b, Best::max);
                        }
                    });
                }
            }
            for (String id : t.keptIds()) {
                kept.putIfAbsent(id, t.kept(id));
                if (t.study().startsWith("regime_")) inRegimeStudy.add(id);
            }
        }
        Set<String> unkept = new TreeSet<>(v.robust());
        unkept.removeAll(kept.keySet());
        if (!unkept.isEmpty()) kept.putAll(lookUp(spark, folders, unkept, inRegimeStudy));
        String victory = null;
        for (String id : v.robust()) {
            List<YearPoint> years = (kept.containsKey(id) ? kept.get(id).years() : List.<YearPoint>of()).stream()
                    .filter(y -> y.year() >= firstYear && y.year() <= lastYear).toList();
            List<String> populations = new ArrayList<>(List.of(Answer.ROBUST));
            if (v.vouched().contains(id)) populations.add(Answer.VOUCHED);
            if (inRegimeStudy.contains(id)) populations.add(Answer.REGIME);
            for (YearPoint y : years) {
                int c = AnswerTally.tightestCap(y.dd());
                if (c < 0) continue;
                for (String p : populations) {
                    Best[] into = bands.computeIfAbsent(p, k -> new TreeMap<>()).computeIfAbsent(y.year(),
                            k -> new Best[AnswerTally.CAPS.size()]);
                    into[c] = Best.max(into[c], new Best(y.ret(), id, y.dd()));
                }
            }
            boolean clears = years.stream().allMatch(y -> y.ret() >= Answer.GOAL && y.dd() <= Answer.GOAL_DD)
                    && years.stream().map(YearPoint::year).distinct().count() == lastYear - firstYear + 1;
            if (v.vouched().contains(id) && clears && (victory == null || id.compareTo(victory) < 0)) victory = id;
        }
        return new Answer.Reduced(rows, feasibleRows, bands, counts, best15, victory);
    }

    /** The params text of those of {@code ids} the tallies under {@code dir} kept (read from the tally files alone). */
    static Map<String, String> keptParams(Location dir, Set<String> ids) {
        Map<String, String> out = new HashMap<>();
        List<Location> folders = new ArrayList<>(List.of(dir));
        folders.addAll(dir.resolve("studies").children());
        for (Location f : folders) {
            for (Location file : f.resolve("tallies").children()) {
                AnswerTally t = file.name().endsWith(".json") ? AnswerTally.read(file) : null;
                if (t == null) continue;
                for (String id : ids) {
                    AnswerTally.Kept k = t.kept(id);
                    if (k != null && k.params() != null) out.putIfAbsent(id, k.params());
                }
            }
        }
        return out;
    }

    /** The years of ROBUST ids no tally kept, read from the rows of the studies that judged them. */
    private static Map<String, AnswerTally.Kept> lookUp(SparkSession spark, List<Location> folders, Set<String> ids,
                                                       Set<String> inRegimeStudy) {
        Map<String, AnswerTally.Kept> out = new HashMap<>();
        for (Location f : folders) {
            List<String> here = new ArrayList<>();
            for (String id : ids) if (f.resolve("validations").resolve(id + ".json").isFile()) here.add(id);
            if (here.isEmpty()) continue;
            Dataset<Row> all = Answer.read(spark, List.of(f.resolve("leaderboard.parquet")));
            if (Arrays.asList(all.columns()).contains("error")) all = all.where(col("error").isNull());
            for (Row r : all.where(col("id").isin(here.toArray())).select(col("id"), col("study"), col("years"), col("params"))
                    .collectAsList()) {
                AnswerTally one = new AnswerTally(r.getString(1));
                one.keep(r.getString(0), r.getString(2), r.getString(3));
                out.putIfAbsent(r.getString(0), one.kept(r.getString(0)));
                if (r.getString(1).startsWith("regime_")) inRegimeStudy.add(r.getString(0));
            }
        }
        return out;
    }

}
