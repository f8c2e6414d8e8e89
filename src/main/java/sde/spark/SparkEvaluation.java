package sde.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

import org.apache.spark.rdd.RDD;
import sde.sweep.Trial;
import sde.sweep.Evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A generation's evaluation as one Spark job: the trials are sliced into partitions (the
 * study's, or the session's default parallelism: one per core), each partition is run by one
 * {@link TrialRunner} over the broadcast market, and the rows come back to the driver,
 * sorted by id so that nothing downstream depends on the partition count.
 *
 * <p>Through the RDD API rather than a Dataset: a Dataset of rows costs a query
 * plan, encoders and generated code on every job, about 0.35 s here whatever the size, which
 * at 1,000 trials a generation was half the time the evaluations themselves took. Each
 * partition's trials and rows travel as one byte array ({@link RowCodec}), and the job is
 * {@code runJob} with a function of our own ({@link PartitionEvaluator}): what Spark itself adds
 * per job is then scheduling, not Java serialization of rows or closure cleaning.
 */
final class SparkEvaluation {
    private SparkEvaluation() {}

    /** The rows of {@code batch} in {@code partitions} slices (0: one per core of the session), sorted by id. */
    static List<Evaluation> run(SparkContext sc, List<Trial> batch, int partitions, PartitionEvaluator evaluator) {
        if (batch.isEmpty()) return new ArrayList<>();
        int n = batch.size(), slices = Math.max(1, Math.min(n, partitions > 0 ? partitions : sc.defaultParallelism()));
        // Contiguous slices, as parallelize cuts a list.
        List<byte[]> chunks = new ArrayList<>(slices);
        for (int s = 0; s < slices; s++) chunks.add(RowCodec.trials(batch.subList((int) ((long) s * n / slices),
                (int) ((long) (s + 1) * n / slices))));
        RDD<byte[]> rdd = JavaSparkContext.fromSparkContext(sc).parallelize(chunks, slices).rdd();
        byte[][] parts = new byte[slices][];
        List<Object> ids = new ArrayList<>(slices);
        for (int s = 0; s < slices; s++) ids.add(s);
        scala.Function2<Object, byte[], scala.runtime.BoxedUnit> keep = (s, part) -> {
            parts[(Integer) s] = part;
            return scala.runtime.BoxedUnit.UNIT;
        };
        scala.reflect.ClassTag<byte[]> bytes = scala.reflect.ClassTag$.MODULE$.apply(byte[].class);
        sc.runJob(rdd, evaluator, scala.jdk.javaapi.CollectionConverters.asScala(ids).toSeq(), keep, bytes);
        List<Evaluation> rows = new ArrayList<>(n);
        for (byte[] p : parts) rows.addAll(RowCodec.evaluations(p));
        rows.sort(Comparator.comparing(Evaluation::id));
        return rows;
    }
}
