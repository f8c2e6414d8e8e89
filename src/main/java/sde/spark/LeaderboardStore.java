package sde.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import sde.io.HadoopPaths;
import sde.io.Location;
import sde.results.AnswerTally;
import sde.sweep.Evaluation;
import sde.sweep.TrialStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

/**
 * A study's rows in the Parquet leaderboard, OUT/leaderboard.parquet, partitioned by study and
 * generation: each generation is appended as one part of its own, never rewritten.
 */
final class LeaderboardStore implements TrialStore {
    private final SparkSession spark;
    private final Location parquet;
    private final String study;

    LeaderboardStore(SparkSession spark, Location out, String study) {
        this.spark = spark;
        this.parquet = out.resolve("leaderboard.parquet");
        this.study = study;
    }

    @Override
    public Location location() {
        return parquet;
    }

    /**
     * Appends one generation's evaluations as one Parquet part per study and generation, in the
     * layout and schema Spark's {@code partitionBy("study", "generation")} write gives
     * ({@link ParquetRows}: every reader, and a folder an older version wrote, stays as it was), but written here on
     * the driver with parquet-hadoop: the rows are the ones the driver already collected for
     * selection. Spark's write cost a query plan, row encoding and its commit protocol per
     * generation, 0.3–1.5 s on 2 cores against about 0.8 s for the generation itself.
     * The part is written under a name readers skip (leading "_"), then renamed: it is
     * whole or absent.
     */
    @Override
    public void append(List<Evaluation> rows) {
        if (rows.isEmpty()) return;
        Map<String, List<Evaluation>> parts = new TreeMap<>();
        for (Evaluation e : rows) parts.computeIfAbsent("study=" + e.study() + "/generation=" + e.generation(), k ->
                new ArrayList<>()).add(e);
        Configuration conf = withoutChecksums(spark.sparkContext().hadoopConfiguration());
        for (Map.Entry<String, List<Evaluation>> part : parts.entrySet()) {
            Path dir = new Path(parquet.uri() + "/" + part.getKey());
            String uuid = UUID.randomUUID().toString();
            Path tmp = new Path(dir, "_writing-" + uuid);
            Path done = new Path(dir, "part-00000-" + uuid + ".c000.zstd.parquet");
            try {
                FileSystem fs = dir.getFileSystem(conf);
                fs.mkdirs(dir);
                try (ParquetWriter<Group> w = ParquetRows.writer(tmp, conf)) {
                    for (Evaluation e : part.getValue()) w.write(ParquetRows.group(e));
                }
                if (!fs.rename(tmp, done)) throw new IOException("rename " + tmp + " to " + done + " failed");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + done + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * {@code conf} writing a local disk without Hadoop's .crc beside each file: a daemon writes a part per study and
     * generation, and the checksums would double its files (Parquet checks its own pages). Other filesystems as they are.
     */
    private static Configuration withoutChecksums(Configuration conf) {
        Configuration c = new Configuration(conf);
        c.setClass("fs.file.impl", RawLocalFileSystem.class, FileSystem.class);
        c.setBoolean("fs.file.impl.disable.cache", true);
        return c;
    }

    @Override
    public List<Evaluation> trials() {
        // A process killed inside its first generation's write leaves only Spark's _temporary staging,
        // which Spark cannot read ("unable to infer schema"): that is no rows, not an error.
        if (!parquet.hasParquet()) return new ArrayList<>();
        List<Evaluation> out = new ArrayList<>();
        for (Row r : withViolation(read()).where(col("study").equalTo(study))
                .select("id", "genome", "fitness", "generation", "error", "sharpe", "violation").collectAsList()) {
            // What the study's memory ranks and breeds by; the full rows it keeps come from top().
            out.add(new Evaluation(study, r.getInt(3), null, r.getString(0), null, r.getString(1), null, null,
                    Evaluation.Figures.ranking(r.getDouble(2), r.getDouble(6), r.getDouble(5)), r.getString(4), 0));
        }
        return out;
    }

    @Override
    public List<Evaluation> top(int n) {
        if (!parquet.hasParquet()) return new ArrayList<>();
        Dataset<Row> rows = withViolation(read())
                .where(col("study").equalTo(study).and(col("error").isNull()).and(not(isnan(col("fitness")))));
        // Feasible rows (violation 0) first, by objective; then by violation (NaN, unknown, sorts last in Spark).
        return rows.orderBy(col("violation").asc(), when(col("violation").gt(0), lit(0.0)).otherwise(col("fitness")).desc(),
                col("id").asc())
                .limit(n).collectAsList().stream().map(ParquetRows::evaluation).collect(Collectors.toCollection(ArrayList::new));
    }

    /**
     * Rows written before feasibility was recorded have no violation or feasible column: their
     * violation is unknown (NaN, so they rank below every row whose feasibility is known) and they
     * are not feasible.
     */
    static Dataset<Row> withViolation(Dataset<Row> rows) {
        List<String> cols = Arrays.asList(rows.columns());
        Dataset<Row> out = rows;
        if (!cols.contains("violation")) out = out.withColumn("violation", lit(Double.NaN));
        if (!cols.contains("feasible")) out = out.withColumn("feasible", lit(false));
        if (!cols.contains("capacityBoundTrades")) out = out.withColumn("capacityBoundTrades", lit(0));
        return out;
    }

    @Override
    public AnswerTally caughtUp(AnswerTally held, Set<String> judged) {
        return TalliedAnswer.caughtUp(spark, parquet.resolve("study=" + study), held, study, judged);
    }

    /** The Sharpe ratio of every successful row of a Parquet leaderboard (any study's), in file order. */
    static double[] sharpes(SparkSession spark, Location parquet) {
        if (!parquet.hasParquet()) return new double[0];
        return spark.read().parquet(HadoopPaths.literal(parquet.uri())).where(col("error").isNull()).select("sharpe").collectAsList()
                .stream()
                .mapToDouble(r -> r.getDouble(0)).toArray();
    }

    private Dataset<Row> read() {
        // Parts written before a column was added lack it: merged, it reads as null there (ParquetRows.evaluation).
        return spark.read().option("mergeSchema", "true").parquet(HadoopPaths.literal(parquet.uri()));
    }
}
