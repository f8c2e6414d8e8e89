package sde.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
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
            Evaluation e = new Evaluation();
            e.setStudy(study);
            e.setGeneration(generation);
            e.setId(String.format("%s-%d-%03d", study, generation, k));
            e.setOptimizer("ga");
            e.setParams("{\"strategies\":[{\"name\":\"credit_spread\",\"params\":{\"dte\":" + (20 + k) + "}}]}");
            e.setGenome("[0." + k + "]");
            e.setTrades(k);
            e.setFitness(k == 1 ? Double.NaN : 0.01 * k);
            e.setSharpe(-0.5 + k);
            e.setTier("Below");
            if (k == 2) e.setError("IllegalArgumentException: dte: 99 is outside [1, 60]");   // a failed row: params kept, years null
            else e.setYears("[{\"year\":2020}]");
            out.add(e);
        }
        return out;
    }

    @Test
    void aPartWrittenHereReadsAsTheOneSparkWritesBesideIt(SparkSession spark, @TempDir Path tmp) {
        // Spark writes generation 0 as the sweep did before (and as an older folder holds it); the
        // store appends generations 1 and 2 beside it.
        Location out = Location.of(tmp);
        Path parquet = tmp.resolve("leaderboard.parquet");
        spark.createDataset(rows("s", 0, 4), Encoders.bean(Evaluation.class)).coalesce(1).write().mode(SaveMode.Append)
                .partitionBy("study", "generation").parquet(parquet.toString());
        LeaderboardStore store = new LeaderboardStore(spark, out, "s");
        store.append(rows("s", 1, 4));
        store.append(rows("s", 2, 3));

        Dataset<Row> all = spark.read().parquet(parquet.toString());
        Dataset<Row> sparks = spark.read().parquet(parquet.resolve("study=s/generation=0").toString());
        Dataset<Row> ours = spark.read().parquet(parquet.resolve("study=s/generation=1").toString());
        assertEquals(sparks.schema(), ours.schema(), "the same columns, types and nullability");
        assertEquals(11, all.count());
        // Every value round-trips, the NaN fitness and the failed row's nulls included.
        List<Evaluation> back = all.where("generation = 1").orderBy("id").as(Encoders.bean(Evaluation.class)).collectAsList();
        List<Evaluation> sent = rows("s", 1, 4);
        for (int k = 0; k < sent.size(); k++) {
            Evaluation a = sent.get(k), b = back.get(k);
            assertEquals(a.getId(), b.getId());
            assertEquals(a.getStudy(), b.getStudy());
            assertEquals(a.getGeneration(), b.getGeneration());
            assertEquals(a.getParams(), b.getParams());
            assertEquals(a.getGenome(), b.getGenome());
            assertEquals(a.getYears(), b.getYears());
            assertEquals(a.getError(), b.getError());
            assertEquals(a.getTrades(), b.getTrades());
            assertEquals(Double.doubleToLongBits(a.getFitness()), Double.doubleToLongBits(b.getFitness()));
            assertEquals(a.getSharpe(), b.getSharpe());
        }
        // The store reads its own parts back: the trials and the best rows, failed and NaN rows left out.
        assertEquals(11, store.trials().size());
        assertEquals(List.of("s-0-003", "s-1-003", "s-0-000"), store.top(3).stream().map(Evaluation::getId).toList(),
                "by train score, ties by id, across Spark's part and the store's");
        // Nothing is left under a name readers would take for a part, and no staging file remains.
        try (var files = Files.walk(parquet)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("_writing")), "staging renamed away");
        } catch (IOException e) {
            fail(e);
        }
    }
}
