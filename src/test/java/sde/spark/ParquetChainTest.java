package sde.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sde.cli.ParquetQuotes;
import sde.data.Fixtures;
import sde.pricing.HistoricalQuotes;
import sde.pricing.OptionRow;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The canonical chain layout reads the same from CSV and from Parquet. */
@ExtendWith(SparkSessionExtension.class)
class ParquetChainTest {
    @Test
    void parquetAndCsvGiveTheSameRows(SparkSession spark, @TempDir Path tmp) {
        Path csv = tmp.resolve("chain.csv");
        Fixtures.write(csv, """
                quote_date,underlying,underlying_price,expiration,strike,type,bid,ask,source_id
                2020-06-10,SPY,319.03,2020-06-12,319,C,2.67,2.71,test
                2020-06-10,SPY,,2020-06-12,319,P,2.5,2.55,test
                """);
        List<OptionRow> fromCsv = HistoricalQuotes.read(csv, 0);
        Dataset<Row> df = spark.read().option("header", "true").option("inferSchema", "true").csv(csv.toString())
                .selectExpr("to_date(quote_date) as quote_date", "underlying", "cast(underlying_price as double) underlying_price",
                        "to_date(expiration) as expiration", "cast(strike as double) strike", "type",
                        "cast(bid as double) bid", "cast(ask as double) ask", "source_id");
        String parquet = tmp.resolve("chain.parquet").toString();
        df.write().parquet(parquet);
        List<OptionRow> fromParquet = ParquetQuotes.read(spark, parquet);
        assertEquals(sorted(fromCsv).toString(), sorted(fromParquet).toString());
    }

    private static List<OptionRow> sorted(List<OptionRow> rows) {
        return rows.stream().sorted(Comparator.comparing(OptionRow::call)).toList();
    }
}
