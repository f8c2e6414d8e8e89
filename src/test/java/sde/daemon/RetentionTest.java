package sde.daemon;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sde.backtest.Engines;
import sde.data.Fixtures;
import sde.io.Json;
import sde.io.Location;
import sde.spark.Answer;
import sde.spark.SparkSessionExtension;
import sde.sweep.Study;
import sde.sweep.SweepContext;
import sde.sweep.SweepJob;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The retention rule (docs/daemon.md): a row keeps its yearly figures only where something reads them. A recorded study
 * on the real data run twice, once keeping every row's years: the same leaderboard, the same answer from every row, the
 * same answer from the tallies, and the years that were kept are the ones the other run stored.
 */
@ExtendWith(SparkSessionExtension.class)
class RetentionTest {
    @Test
    void rowsWithoutTheirYearsChangeNoLeaderAndNoAnswer(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("study.yaml");
        Fixtures.write(f, """
                study: retained
                seed: 5
                optimizer: random
                optimizer_settings: {elites: 2, tournament: 3, crossover: 0.9, mutation_rate: 0.3, mutation_sigma: 0.2,
                                     tpe_gamma: 0.25, tpe_candidates: 16, tpe_startup: 8}
                population: 40
                generations: 3
                max_drawdown: 35
                min_trades_per_year: 0
                train_years: [2020, 2022]
                test_years: [2023, 2025]
                top_n: 3
                strategies:
                  - name: long_option
                    fixed: {symbol: QQQ}
                    search: [direction, delta, dte, signal]
                """);
        Study s = Study.load(f);
        SweepContext ctx = Engines.context(spark);
        Path all = tmp.resolve("all"), kept = tmp.resolve("kept");
        new SweepJob(ctx, s, Location.of(all), new PrintStream(new ByteArrayOutputStream())).withAllYears(true).run(false);
        new SweepJob(ctx, s, Location.of(kept), new PrintStream(new ByteArrayOutputStream())).run(false);

        assertEquals(Files.readString(all.resolve("leaderboard.json")), Files.readString(kept.resolve("leaderboard.json")));
        Answer.File everyRow = Answer.compute(spark, Location.of(all), 2020, 2025);
        assertEquals(Json.toJson(everyRow), Json.toJson(Answer.compute(spark, Location.of(kept), 2020, 2025)),
                "the rows that lost their years were read by no part of the answer");
        assertEquals(Json.toJson(everyRow), Json.toJson(Answer.fromTallies(spark, Location.of(kept), 2020, 2025)));

        Dataset<Row> a = spark.read().parquet(all.resolve("leaderboard.parquet").toString());
        Dataset<Row> k = spark.read().parquet(kept.resolve("leaderboard.parquet").toString());
        assertEquals(a.count(), k.count(), "every row is kept, for the optimizers, de-duplication and the count");
        long withYears = k.where(col("years").isNotNull()).count();
        assertTrue(withYears > 0 && withYears < a.where(col("years").isNotNull()).count() / 2,
                withYears + " of " + a.count() + " rows kept their years");
        Map<String, String> yearsOf = new HashMap<>();
        for (Row r : a.select("id", "years").collectAsList()) yearsOf.put(r.getString(0), r.getString(1));
        for (Row r : k.where(col("years").isNotNull()).select("id", "years").collectAsList()) {
            assertEquals(yearsOf.get(r.getString(0)), r.getString(1), r.getString(0));
        }
        List<String> rest = List.of("fitness", "violation", "params", "genome", "sharpe");
        assertEquals(k.where(col("years").isNull()).count(), k.where(col("cagrPct").isNaN()).count(),
                "a row without its years has no run-level figures either");
        assertEquals(a.select(col("id"), col(rest.get(0)), col(rest.get(1)), col(rest.get(2)), col(rest.get(3)), col(rest.get(4)))
                .orderBy("id").collectAsList(), k.select(col("id"), col(rest.get(0)), col(rest.get(1)), col(rest.get(2)),
                col(rest.get(3)), col(rest.get(4))).orderBy("id").collectAsList(), "what the optimizers and the report read, unchanged");
    }
}
