package sde.sweep;

import org.apache.spark.broadcast.Broadcast;
import sde.backtest.BacktestSettings;
import sde.backtest.Engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Executor side of a generation: one {@link CandidateEvaluator} per partition over the broadcast
 * engine, reused for every candidate of the partition.
 */
final class PartitionEvaluator implements org.apache.spark.api.java.function.FlatMapFunction<Iterator<Candidate>, Evaluation> {
    private final Broadcast<Engine> engine;
    private final BacktestSettings backtest;
    private final java.util.List<Integer> trainYears, testYears;

    PartitionEvaluator(Broadcast<Engine> engine, BacktestSettings backtest, Study study) {
        this(engine, backtest, study.trainYears(), study.testYears());
    }

    PartitionEvaluator(Broadcast<Engine> engine, BacktestSettings backtest, java.util.List<Integer> trainYears, java.util.List<Integer> testYears) {
        this.engine = engine;
        this.backtest = backtest;
        this.trainYears = new java.util.ArrayList<>(trainYears);
        this.testYears = new java.util.ArrayList<>(testYears);
    }

    @Override
    public Iterator<Evaluation> call(Iterator<Candidate> it) {
        CandidateEvaluator evaluator = new CandidateEvaluator(engine.value(), backtest, trainYears, testYears);
        List<Evaluation> out = new ArrayList<>();
        while (it.hasNext()) out.add(evaluator.evaluate(it.next()));
        return out.iterator();
    }
}
