package sde.sweep;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import sde.io.HadoopPaths;
import sde.io.Location;
import sde.results.LeaderboardRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.not;

/**
 * A study's rows in the Parquet leaderboard, OUT/leaderboard.parquet, partitioned by study and
 * generation: the executors append a generation's evaluations as parts of their own, the driver
 * reads back only what selection, the leaderboard file and the gate need. The Parquet folder is
 * the truth a resume rebuilds from.
 */
final class LeaderboardStore {
    /** What selection reads of a row: its id, genome, train score and generation. */
    record Trial(String id, String genome, double fitness, int generation) {}

    /** What the gate reads of the study: every row's params, best first, and every trial's Sharpe ratio. */
    record Ranked(List<String> ids, List<String> params, double[] sharpes) {}

    private final SparkSession spark;
    private final Location parquet;
    private final String study;

    LeaderboardStore(SparkSession spark, Location out, String study) {
        this.spark = spark;
        this.parquet = out.resolve("leaderboard.parquet");
        this.study = study;
    }

    Location location() {
        return parquet;
    }

    /** Writes a generation's evaluations, each partition by its executor (the driver never holds them). */
    void append(Dataset<Evaluation> evaluations) {
        evaluations.write().mode(SaveMode.Append).partitionBy("study", "generation").parquet(parquet.uri());
    }

    /** The study's trials so far, by generation then id. */
    List<Trial> trials() {
        // A process killed inside its first generation's write leaves only Spark's _temporary staging,
        // which Spark cannot read ("unable to infer schema"): that is no rows, not an error.
        if (!parquet.hasParquet()) return new ArrayList<>();
        List<Trial> t = trials(read().where(col("study").equalTo(study)));
        t.sort(Comparator.comparingInt(Trial::generation).thenComparing(Trial::id));
        return t;
    }

    /** Generation {@code g}'s trials, by id. */
    List<Trial> generation(int g) {
        List<Trial> t = trials(read().where(col("study").equalTo(study).and(col("generation").equalTo(g))));
        t.sort(Comparator.comparing(Trial::id));
        return t;
    }

    /** Top N by train score (ties by id); failed rows are left out. Wall time is left out so the file is deterministic. */
    List<LeaderboardRow> top(int n) {
        List<Evaluation> rows = read().where(col("study").equalTo(study).and(col("error").isNull()).and(not(isnan(col("fitness")))))
                .orderBy(col("fitness").desc(), col("id").asc()).limit(n).as(Encoders.bean(Evaluation.class)).collectAsList();
        List<LeaderboardRow> out = new ArrayList<>(rows.size());
        for (Evaluation e : rows) out.add(e.toRow(out.size() + 1));
        return out;
    }

    /** The study's successful rows best first, with the Sharpe ratios of those and of {@code others}' rows (other studies' trials). */
    Ranked ranked(List<Location> others) {
        List<Row> rows = read().where(col("study").equalTo(study).and(col("error").isNull()))
                .orderBy(col("fitness").desc(), col("id").asc()).select("id", "params", "sharpe").collectAsList();
        List<String> ids = new ArrayList<>(rows.size()), params = new ArrayList<>(rows.size());
        List<Double> sharpes = new ArrayList<>(rows.size());
        for (Row r : rows) {
            ids.add(r.getString(0));
            params.add(r.getString(1));
            sharpes.add(r.getDouble(2));
        }
        for (Location other : others) {
            if (other.equals(parquet) || !other.hasParquet()) continue;
            for (Row r : spark.read().parquet(HadoopPaths.literal(other.uri())).where(col("error").isNull()).select("sharpe").collectAsList()) {
                sharpes.add(r.getDouble(0));
            }
        }
        return new Ranked(ids, params, sharpes.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private Dataset<Row> read() {
        return spark.read().parquet(HadoopPaths.literal(parquet.uri()));
    }

    private static List<Trial> trials(Dataset<Row> rows) {
        List<Trial> out = new ArrayList<>();
        for (Row r : rows.select("id", "genome", "fitness", "generation").collectAsList()) {
            out.add(new Trial(r.getString(0), r.getString(1), r.getDouble(2), r.getInt(3)));
        }
        return out;
    }
}
