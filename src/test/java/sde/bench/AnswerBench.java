package sde.bench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import sde.spark.Answer;
import sde.io.Location;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.apache.spark.sql.functions.*;

/**
 * jobs/bench-answer [ROWS [STUDIES [MASTER [DIR [MODES]]]]] — how long `answer` takes over a large leaderboard (not a test:
 * machines are noisy). Writes ROWS synthetic evaluation rows (default 10,000,000) over STUDIES daemon-like studies (default 24) as
 * Parquet with Spark, partitioned as LeaderboardStore does, each with six years of return and drawdown drawn from the row's
 * id, then times each of MODES (default tallies-first,tallies,scratch) on MASTER (default local[2]): the answer from the
 * studies' tallies (Answer.fromTallies; the first folds the rows into them), and from scratch (Answer.compute), each with
 * its wall time, the heap's peak, and the answer's verdict line. With DIR, the leaderboards are written there, or reused
 * when DIR already holds them.
 */
public final class AnswerBench {
    /** Samples the heap in use every 100 ms into {@code peak[0]}, after a GC whose result is {@code peak[1]}. */
    private static Thread sampler(long[] peak) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        peak[1] = rt.totalMemory() - rt.freeMemory();
        peak[0] = peak[1];
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
                try { Thread.sleep(100); } catch (InterruptedException e) { return; }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int studies = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        String master = args.length > 2 ? args[2] : "local[2]";
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("answer-bench");
        String modes = args.length > 4 ? args[4] : "tallies-first,tallies,scratch";
        boolean reuse = Files.isDirectory(dir.resolve("studies"));
        SparkSession spark = SparkSession.builder().appName("answer-bench").master(master).config("spark.ui.enabled", "false")
                .getOrCreate();
        try {
            long t0 = System.nanoTime();
            String[] rungs = {"single_", "blend_", "regime_"};
            for (int s = 0; s < (reuse ? 0 : studies); s++) {
                long n = rows / studies;
                String study = rungs[s % 3] + "s" + s;
                Dataset<Row> d = spark.range(n).select(
                        sha2(concat(lit(study), col("id").cast("string")), 256).substr(1, 12).as("id"),
                        lit(study).as("study"), lit(s % 2 == 0 ? "tpe" : "ga").as("optimizer"),
                        (col("id").divide(1000)).cast("int").as("generation"),
                        pmod(hash(col("id"), lit(7)), lit(10)).lt(7).as("feasible"), lit(null).cast("string").as("error"),
                        // Deterministic draws from the row's id and year: return −60 … +340 %, drawdown 0 … 40 %.
                        concat(lit("["), concat_ws(",", transform(sequence(lit(2020), lit(2025)), y -> format_string(
                                "{\"year\":%d,\"return_pct\":%.2f,\"max_dd_pct\":%.2f,\"trades\":40}", y,
                                pmod(hash(col("id"), y), lit(40000)).divide(100).minus(60),
                                pmod(hash(col("id"), y, lit(1)), lit(4000)).divide(100)))), lit("]")).as("years"));
                d.write().partitionBy("study", "generation").parquet(dir.resolve("studies").resolve(study).resolve("leaderboard.parquet")
                        .toString());
            }
            if (!reuse) {
                System.out.printf("wrote %,d rows in %d studies in %.1f s%n", rows / studies * studies, studies,
                        (System.nanoTime() - t0) / 1e9);
            }
            // The daemon's answer: the first one folds every generation into its study's tally (what a folder written before
            // tallies costs once), the second reads the tallies alone (what each report costs); then the answer from scratch.
            for (String mode : modes.split(",")) {
                long[] peak = new long[2];
                Thread sampler = sampler(peak);
                long t1 = System.nanoTime();
                Answer.File a = mode.startsWith("tallies") ? Answer.fromTallies(spark, Location.of(dir), 2020, 2025)
                        : Answer.compute(spark, Location.of(dir), 2020, 2025);
                double seconds = (System.nanoTime() - t1) / 1e9;
                sampler.interrupt();
                System.out.printf("%s answer over %,d rows on %s: %.1f s, heap peak %.0f MB (%.0f MB before)%n%s%n", mode, a.rows(), master,
                        seconds, peak[0] / 1e6, peak[1] / 1e6, a.verdictLine());
            }
        } finally {
            spark.stop();
        }
    }
}
