package sde.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import sde.validate.MonteCarlo;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Monte Carlo paths distributed on Spark: the path indices are sliced over the executors, the returns
 * and trades travel once as a broadcast, and each path comes back as its three figures, in index
 * order (a parallelized list keeps its order through collect), so the slicing decides nothing.
 */
public final class SparkMonteCarlo {
    private SparkMonteCarlo() {}

    public static MonteCarlo.Report run(SparkSession spark, double[] returns, double[] tradePnl, double capital, double years,
                                          double meanBlock, long seed, int paths, int partitions) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<double[][]> data = jsc.broadcast(new double[][]{returns, tradePnl});
        List<Long> ids = LongStream.range(0, paths).boxed().toList();
        FlatMapFunction<Iterator<Long>, double[]> f = it -> {
            double[][] d = data.value();
            List<double[]> out = new ArrayList<>();
            while (it.hasNext()) out.add(MonteCarlo.path(d[0], d[1], capital, years, meanBlock, seed, it.next()));
            return out.iterator();
        };
        List<double[]> all = jsc.parallelize(ids, Math.max(1, partitions > 0 ? partitions : jsc.defaultParallelism())).mapPartitions(f)
                .collect();
        return MonteCarlo.summarize(all.toArray(new double[0][]));
    }
}
