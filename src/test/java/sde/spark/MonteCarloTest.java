package sde.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sde.spark.SparkMonteCarlo;
import sde.validate.MonteCarlo;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** Monte Carlo: seeded per path, so the same on any partition count; exact on a constant series. */
@ExtendWith(SparkSessionExtension.class)
class MonteCarloTest {
    @Test
    void percentilesAreStableAcrossPartitionCounts(SparkSession spark) {
        SplittableRandom r = new SplittableRandom(5);
        double[] returns = new double[1500], trades = new double[120];
        for (int i = 0; i < returns.length; i++) returns[i] = 0.0004 + 0.01 * (r.nextDouble() - 0.5);
        for (int i = 0; i < trades.length; i++) trades[i] = 300 * (r.nextDouble() - 0.45);
        var two = SparkMonteCarlo.run(spark, returns, trades, 100_000, 6, 20, 7, 600, 2);
        var five = SparkMonteCarlo.run(spark, returns, trades, 100_000, 6, 20, 7, 600, 5);
        assertEquals(two, five);
        assertEquals(600, two.paths());
    }

    @Test
    void aConstantSeriesHasItsOwnCagrAndNoDrawdown() {
        double[] returns = new double[252 * 2];
        Arrays.fill(returns, 0.001);
        double[] p = MonteCarlo.path(returns, new double[]{100, 200}, 100_000, 2, 20, 1, 0);
        assertEquals(100 * (Math.pow(1.001, 252) - 1), p[0], 1e-9);
        assertEquals(0, p[1], 1e-12);
        assertEquals(0, p[2], 1e-12, "winning trades in any order: no drawdown");
    }
}
