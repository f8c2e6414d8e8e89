package sde.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import sde.data.DataException;
import sde.data.Symbol;
import sde.pricing.OptionRow;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Option chains stored as Parquet, read through Spark: Spark stays above the pricing package. */
public final class ParquetQuotes {
    private ParquetQuotes() {}

    /**
     * Canonical Parquet chains (docs/pricing.md): columns quote_date (date), underlying (string),
     * expiration (date), strike (double), type ("C"/"P"), bid and ask (double) or mid (double), and
     * optionally underlying_price (double) and source_id (string). Read through Spark SQL so a
     * multi-gigabyte chain history is filtered by the executors, not loaded whole by hand.
     */
    public static List<OptionRow> read(SparkSession spark, String path) {
        Dataset<Row> df = spark.read().parquet(path);
        Set<String> cols = new HashSet<>(Arrays.asList(df.columns()));
        for (String n : new String[]{"quote_date", "underlying", "expiration", "strike", "type"}) {
            if (!cols.contains(n)) throw new DataException(path, 0, "option chain Parquet needs column '" + n + "'");
        }
        boolean midOnly = !cols.contains("bid");
        if (midOnly && !cols.contains("mid")) throw new DataException(path, 0, "option chain Parquet needs bid/ask or mid");
        List<OptionRow> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            String type = r.<String>getAs("type").toUpperCase(Locale.ROOT);
            out.add(new OptionRow((int) r.<Date>getAs("quote_date").toLocalDate().toEpochDay(),
                    Symbol.parse(r.getAs("underlying")),
                    cols.contains("underlying_price") && r.getAs("underlying_price") != null ? r.<Double>getAs("underlying_price")
                            : Double.NaN,
                    (int) r.<Date>getAs("expiration").toLocalDate().toEpochDay(), r.<Double>getAs("strike"), type.equals("C"),
                    midOnly ? Double.NaN : r.<Double>getAs("bid"), midOnly ? Double.NaN : r.<Double>getAs("ask"),
                    midOnly ? r.<Double>getAs("mid") : Double.NaN,
                    cols.contains("source_id") ? r.getAs("source_id") : path));
        }
        return out;
    }

}
