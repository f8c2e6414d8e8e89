package sde.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import sde.backtest.BacktestSettings;
import sde.backtest.RunSpec;
import sde.data.MarketData;
import sde.pricing.PricingSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** SPEC §4 scores of a list of runs, evaluated as a Spark Dataset (the gate's sensitivity variants). */
public final class SparkScores {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SparkScores() {}

    public static List<Double> scores(SparkSession spark, Broadcast<MarketData> market, PricingSettings pricing, BacktestSettings backtest,
                                      List<Integer> trainYears, List<Integer> testYears, List<RunSpec> specs) {
        List<Candidate> cands = new ArrayList<>();
        try {
            for (int k = 0; k < specs.size(); k++) {
                cands.add(new Candidate("validate", 0, "jitter", String.format("v%04d", k), JSON.writeValueAsString(specs.get(k).toJson()), "[]"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Row> rows = new ArrayList<>(spark.createDataset(cands, Encoders.bean(Candidate.class))
                .mapPartitions(new PartitionEvaluator(market, pricing, backtest, trainYears, testYears), Encoders.bean(Evaluation.class))
                .select("id", "score", "error").collectAsList());
        rows.sort(Comparator.comparing(r -> r.getString(0)));
        List<Double> out = new ArrayList<>();
        for (Row r : rows) out.add(r.isNullAt(2) ? r.getDouble(1) : Double.NaN);
        return out;
    }
}
