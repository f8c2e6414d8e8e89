package sde.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import sde.backtest.BacktestSettings;
import sde.backtest.RunSpec;
import sde.backtest.Engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC §4 scores of a list of runs (the gate's sensitivity variants), as one Spark job like a
 * generation ({@link SparkEvaluation}): the Dataset path cost the gate's thread a
 * query plan, bean encoders and generated code per leader, nine tenths of its driver time in a
 * profiled sweep (issue 17 item 1).
 */
public final class SparkScores {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SparkScores() {}

    public static List<Double> scores(SparkSession spark, Broadcast<Engine> engine, BacktestSettings backtest,
                                      List<Integer> trainYears, List<Integer> testYears, List<RunSpec> specs) {
        List<Candidate> cands = new ArrayList<>();
        try {
            for (int k = 0; k < specs.size(); k++) {
                cands.add(new Candidate("validate", 0, "jitter", String.format("v%04d", k), JSON.writeValueAsString(specs.get(k).toJson()), "[]"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Evaluation> rows = SparkEvaluation.run(spark.sparkContext(), cands, 0, new PartitionEvaluator(engine, backtest, trainYears,
                testYears,
                sde.results.Feasibility.DEFAULT));   // the variants' whole-run scores are read, not their rank
        List<Double> out = new ArrayList<>();
        for (Evaluation r : rows) out.add(r.getError() == null ? r.getScore() : Double.NaN);
        return out;
    }
}
