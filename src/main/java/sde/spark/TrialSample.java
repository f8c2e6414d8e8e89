package sde.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import sde.io.HadoopPaths;
import sde.io.Location;
import sde.results.StudyTrial;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;

/**
 * The trials of an output folder as the report's study views read them: every
 * successful row of the sweep's Parquet leaderboard, or of each of a daemon's studies, with its
 * generation, train score and params. A history of millions is thinned to about {@code max} rows
 * by a hash of the id, so the sample is the same on every read and spread over every generation.
 */
public final class TrialSample {
    private TrialSample() {}

    public static List<StudyTrial> read(SparkSession spark, Location out, String study, int max) {
        List<Location> parquets = new ArrayList<>();
        if (out.resolve("leaderboard.parquet").hasParquet()) parquets.add(out.resolve("leaderboard.parquet"));
        for (Location d : out.resolve("studies").children()) {
            if ((study == null || study.equals(d.name()))
                    && d.resolve("leaderboard.parquet").hasParquet()) parquets.add(d.resolve("leaderboard.parquet"));
        }
        List<StudyTrial> trials = new ArrayList<>();
        for (Location p : parquets) {
            Dataset<Row> rows = spark.read().parquet(HadoopPaths.literal(p.uri())).where(col("error").isNull()
                    .and(not(isnan(col("fitness")))));
            if (study != null && p.equals(out.resolve("leaderboard.parquet"))) rows = rows.where(col("study").equalTo(study));
            long n = rows.count();
            int keep = Math.max(1, max / Math.max(1, parquets.size()));
            if (n > keep) rows = rows.where(pmod(abs(hash(col("id"))), lit((int) Math.ceil((double) n / keep))).equalTo(0));
            for (Row r : rows.select("study", "generation", "id", "fitness", "params").orderBy("study", "generation",
                    "id").collectAsList()) {
                trials.add(new StudyTrial(r.getString(0), r.getInt(1), r.getString(2), r.getDouble(3), r.getString(4)));
            }
        }
        return trials;
    }
}
