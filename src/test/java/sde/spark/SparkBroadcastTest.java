package sde.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sde.data.AlignmentRules;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.MarketDataBuilder;
import sde.data.RealData;
import sde.data.Symbol;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The market data survives a broadcast to executors, and the session writes and reads Parquet. */
@ExtendWith(SparkSessionExtension.class)
class SparkBroadcastTest {

    @Test
    void executorsReadTheBroadcastMarketData(SparkSession spark) {
        MarketData md = MarketDataBuilder.build(RealData.sources(), Dates.of("2019-01-02"), Dates.of("2025-12-31"),
                AlignmentRules.spec());
        Broadcast<MarketData> data = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(md);
        // Each task looks up one day's SPY close on the executor side.
        List<Double> closes = spark.createDataset(List.of("2020-03-23", "2022-01-03", "2025-12-31"), Encoders.STRING())
                .repartition(3)
                .map((MapFunction<String, Double>) d -> {
                    MarketData m = data.value();
                    return m.close(Symbol.SPY, m.indexOf(Dates.of(d)));
                }, Encoders.DOUBLE())
                .collectAsList();
        assertEquals(List.of(222.95, 477.71, 681.92), closes.stream().sorted().toList());
        List<String> prints = spark.createDataset(List.of(1, 2, 3, 4), Encoders.INT()).repartition(4)
                .map((MapFunction<Integer, String>) i -> data.value().fingerprint(),
                        Encoders.STRING())
                .distinct().collectAsList();
        assertEquals(List.of(md.fingerprint()), prints, "every executor sees the same data");
    }

    @Test
    void parquetRoundTrip(SparkSession spark, @TempDir Path dir) {
        Dataset<Row> df = spark.createDataset(List.of(1, 2, 3), Encoders.INT()).toDF("n");
        String path = dir.resolve("t.parquet").toString();
        df.write().parquet(path);
        assertEquals(6L, spark.read().parquet(path).groupBy().sum("n").first().getLong(0));
    }
}
