package sde.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sde.io.Location;
import sde.sweep.Evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The leaderboard's Parquet parts, written on the driver, read by Spark as the parts Spark writes. */
@ExtendWith(SparkSessionExtension.class)
class LeaderboardStoreTest {

    private static List<Evaluation> rows(String study, int generation, int n) {
        List<Evaluation> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            boolean failed = k == 2;   // a failed row: params kept, years null
            Evaluation.Figures f = new Evaluation.Figures(k == 1 ? Double.NaN : 0.01 * k, 0, true, 0.1, 1, 2, 0.2, 3, 4, 0.3, 5, 6,
                    -0.5 + k, k, 0, "Below", failed ? null : "[{\"year\":2020}]", failed ? Double.NaN : 0.05 * k,
                    failed ? null : k % 2 == 0 ? "low" : "centre");
            out.add(new Evaluation(study, generation, "ga", String.format("%s-%d-%03d", study, generation, k),
                    "{\"strategies\":[{\"name\":\"credit_spread\",\"params\":{\"dte\":" + (20 + k) + "}}]}", "[0." + k + "]",
                    "fp", "v1", f, failed ? "IllegalArgumentException: dte: 99 is outside [1, 60]" : null, 12.5));
        }
        return out;
    }

    /** A whole row's schema, partition columns included: what a leaderboard folder reads as. */
    private static final StructType ROW_SCHEMA = DataTypes.createStructType(ParquetRows.COLUMNS.stream()
            .map(ParquetRows.Column::field).toList());

    /** The rows as Spark holds them: one value per column of the leaderboard's schema. */
    private static Dataset<Row> frame(SparkSession spark, List<Evaluation> rows) {
        List<Row> out = new ArrayList<>();
        for (Evaluation e : rows) out.add(RowFactory.create(ParquetRows.COLUMNS.stream().map(c -> c.value().apply(e)).toArray()));
        return spark.createDataFrame(out, ROW_SCHEMA);
    }

    @Test
    void theColumnsAreTheOnesSparksBeanEncoderGaveTheRowSoEveryOlderLeaderboardReads() {
        // Recorded from Encoders.bean(Evaluation.class).schema() when the row was a bean: name, type, nullable.
        String bean = "cagrPct double false, capacityBoundTrades integer false, codeVersion string true, dataFingerprint string true, "
                + "error string true, feasible boolean false, fitness double false, generation integer false, genome string true, "
                + "id string true, maxDdPct double false, optimizer string true, params string true, score double false, "
                + "sharpe double false, study string true, testCagrPct double false, testMaxDdPct double false, "
                + "testScore double false, tier string true, trades integer false, trainCagrPct double false, "
                + "trainMaxDdPct double false, trainScore double false, violation double false, wallMs double false, "
                + "years string true";
        // Since then: the worst case over the model band (SPEC §4), in the same alphabetical order.
        List<String> want = new ArrayList<>(List.of(bean.split(", ")));
        want.add(want.indexOf("score double false") + 1, "scoreWorst double false");
        want.add(want.indexOf("wallMs double false") + 1, "worstSurface string true");
        List<String> now = new ArrayList<>();
        for (var f : ROW_SCHEMA.fields()) now.add(f.name() + " " + f.dataType().typeName() + " " + f.nullable());
        assertEquals(String.join(", ", want), String.join(", ", now));
        assertEquals(Evaluation.class.getRecordComponents().length - 1 + Evaluation.Figures.class.getRecordComponents().length,
                ParquetRows.COLUMNS.size(), "one column per component, the figures flattened");
    }

    @Test
    void aLeaderboardWrittenBeforeTheWorstCaseWasKeptReadsBesideNewParts(SparkSession spark, @TempDir Path tmp) {
        Path parquet = tmp.resolve("leaderboard.parquet");
        // Generation 0 as an older engine wrote it: no scoreWorst, no worstSurface.
        frame(spark, rows("s", 0, 4)).drop("scoreWorst", "worstSurface").coalesce(1).write().mode(SaveMode.Append)
                .partitionBy("study", "generation").parquet(parquet.toString());
        LeaderboardStore store = new LeaderboardStore(spark, Location.of(tmp), "s");
        store.append(rows("s", 1, 4));
        assertEquals(8, store.trials().size(), "both generations read");
        List<Evaluation> trials = store.top(10);
        Evaluation old = trials.stream().filter(e -> e.id().equals("s-0-003")).findFirst().orElseThrow();
        assertTrue(Double.isNaN(old.figures().scoreWorst()) && old.figures().worstSurface() == null, "an older row has no worst case");
        Evaluation now = trials.stream().filter(e -> e.id().equals("s-1-003")).findFirst().orElseThrow();
        assertEquals(0.15, now.figures().scoreWorst(), 1e-12);
        assertEquals("centre", now.figures().worstSurface());
    }

    @Test
    void aPartWrittenHereReadsAsTheOneSparkWritesBesideIt(SparkSession spark, @TempDir Path tmp) {
        // Spark writes generation 0 as the sweep did before (and as an older folder holds it); the
        // store appends generations 1 and 2 beside it.
        Location out = Location.of(tmp);
        Path parquet = tmp.resolve("leaderboard.parquet");
        frame(spark, rows("s", 0, 4)).coalesce(1).write().mode(SaveMode.Append).partitionBy("study", "generation")
                .parquet(parquet.toString());
        LeaderboardStore store = new LeaderboardStore(spark, out, "s");
        store.append(rows("s", 1, 4));
        store.append(rows("s", 2, 3));

        Dataset<Row> all = spark.read().parquet(parquet.toString());
        Dataset<Row> sparks = spark.read().parquet(parquet.resolve("study=s/generation=0").toString());
        Dataset<Row> ours = spark.read().parquet(parquet.resolve("study=s/generation=1").toString());
        assertEquals(sparks.schema(), ours.schema(), "the same columns, types and nullability");
        assertEquals(11, all.count());
        // Every value round-trips, the NaN fitness and the failed row's nulls included: records compare by every component.
        List<Evaluation> back = all.where("generation = 1").orderBy("id").collectAsList().stream().map(ParquetRows::evaluation).toList();
        assertEquals(rows("s", 1, 4), back);
        // The store reads its own parts back: the trials and the best rows, failed and NaN rows left out.
        assertEquals(11, store.trials().size());
        assertEquals(List.of("s-0-003", "s-1-003", "s-0-000"), store.top(3).stream().map(Evaluation::id).toList(),
                "by train score, ties by id, across Spark's part and the store's");
        // Nothing is left under a name readers would take for a part, and no staging file remains.
        try (var files = Files.walk(parquet)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("_writing")), "staging renamed away");
        } catch (IOException e) {
            fail(e);
        }
    }
}
