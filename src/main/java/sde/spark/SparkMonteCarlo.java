package sde.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import sde.validate.MonteCarlo;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Monte Carlo paths distributed on Spark: the path indices are a Dataset; returns and trades a broadcast. */
public final class SparkMonteCarlo {
    private SparkMonteCarlo() {}

    public static MonteCarlo.Summary run(SparkSession spark, double[] returns, double[] tradePnl, double capital, double years,
                                          double meanBlock, long seed, int paths, int partitions) {
        Broadcast<double[][]> data = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(new double[][]{returns, tradePnl});
        MapPartitionsFunction<Long, String> f = (Iterator<Long> it) -> {
            double[][] d = data.value();
            List<String> out = new ArrayList<>();
            while (it.hasNext()) {
                long i = it.next();
                double[] p = MonteCarlo.path(d[0], d[1], capital, years, meanBlock, seed, i);
                out.add(i + ":" + p[0] + ":" + p[1] + ":" + p[2]);
            }
            return out.iterator();
        };
        var ids = spark.range(paths).as(Encoders.LONG());
        if (partitions > 0) ids = ids.repartition(partitions);
        List<String> rows = ids.mapPartitions(f, Encoders.STRING()).collectAsList();
        double[][] all = new double[paths][];
        for (String r : rows) {
            String[] x = r.split(":");
            all[Integer.parseInt(x[0])] = new double[]{Double.parseDouble(x[1]), Double.parseDouble(x[2]), Double.parseDouble(x[3])};
        }
        return MonteCarlo.summarize(all);
    }
}
