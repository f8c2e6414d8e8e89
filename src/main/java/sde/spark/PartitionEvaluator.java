package sde.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import sde.backtest.Engine;
import sde.sweep.Trial;
import sde.sweep.TrialRunner;
import sde.sweep.Evaluation;
import sde.sweep.Scoring;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Executor side of a generation: one {@link TrialRunner} per partition over the broadcast
 * engine, reused for every trial of the partition, which arrives as {@link RowCodec} bytes and
 * leaves as the bytes of its rows.
 *
 * <p>A named Scala function of (task, partition) rather than a Java {@code FlatMapFunction}: the
 * Java API wraps the latter, collect wraps its own, and the shorter {@code runJob} overloads wrap
 * theirs, in Scala lambdas that Spark's ClosureCleaner reads with ASM on every job (ASM's
 * ClassReader was among the JIT's longest compiles in a warm sweep). The full
 * {@code SparkContext.runJob}, given a class of our own rather than a closure, cleans nothing.
 */
final class PartitionEvaluator extends scala.runtime.AbstractFunction2<TaskContext, scala.collection.Iterator<byte[]>,
        byte[]>
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Engine> engine;
    private final Broadcast<Scoring> scoring;

    /** @param scoring the study's scoring, its search space among it, sent to each executor once */
    PartitionEvaluator(Broadcast<Engine> engine, Broadcast<Scoring> scoring) {
        this.engine = engine;
        this.scoring = scoring;
    }

    @Override
    public byte[] apply(TaskContext task, scala.collection.Iterator<byte[]> chunks) {
        TrialRunner evaluator = new TrialRunner(engine.value(), scoring.value());
        List<Evaluation> out = new ArrayList<>();
        while (chunks.hasNext()) for (Trial c : RowCodec.trials(chunks.next())) out.add(evaluator.evaluate(c));
        return RowCodec.evaluations(out);
    }
}
