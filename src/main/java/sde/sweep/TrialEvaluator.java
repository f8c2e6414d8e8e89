package sde.sweep;

import sde.backtest.RunSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation seam: a batch of trials in, one leaderboard row per trial out, sorted by id so that
 * nothing downstream depends on how the batch was cut. The search, the gate's variants and
 * {@code validate} all evaluate through it; Spark ({@code sde.spark.SparkBackend}) or this JVM's threads
 * ({@link LocalBackend}) run it.
 */
@FunctionalInterface
public interface TrialEvaluator {
    List<Evaluation> evaluate(List<Trial> trials);

    /** The SPEC §4 whole-run score of each of {@code specs}, in order (the gate's sensitivity variants); NaN where a run failed. */
    default List<Double> scores(List<RunSpec> specs) {
        List<Trial> trials = new ArrayList<>();
        for (int k = 0; k < specs.size(); k++) {
            trials.add(Trial.ofParams("validate", 0, "jitter", String.format("v%04d", k), specs.get(k).toJson().toString()));
        }
        List<Double> out = new ArrayList<>();
        for (Evaluation r : evaluate(trials)) out.add(r.error() == null ? r.score() : Double.NaN);
        return out;
    }
}
