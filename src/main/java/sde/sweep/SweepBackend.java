package sde.sweep;

import sde.io.Location;

/**
 * What runs a sweep's trials and keeps its rows: Spark and the Parquet leaderboard ({@code sde.spark.SparkBackend}),
 * or this JVM and memory ({@link LocalBackend}). The sweep, the gate and {@code validate} see only this.
 */
public interface SweepBackend {
    /** Evaluates trials scored as {@code scoring}, in {@code partitions} slices (0: the backend's parallelism). */
    TrialEvaluator evaluator(Scoring scoring, int partitions);

    /** The leaderboard of study {@code study} in the folder {@code out}. */
    TrialStore store(Location out, String study);

    /** The Sharpe ratio of every successful row of the leaderboard at {@code leaderboard} (any study's), for the Deflated Sharpe Ratio. */
    double[] sharpes(Location leaderboard);
}
