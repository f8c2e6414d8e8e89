package sde.metrics;

import org.junit.jupiter.api.Test;
import sde.data.Dates;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** SPEC §3–4 on crafted equity curves whose answers are worked out by hand. */
class MetricsTest {
    private static final double[] NO_RF = new double[8];

    /** Sessions: 2019-12-31, then three in 2020 and four in 2021. */
    private static final int[] DAYS = {Dates.of("2019-12-31"), Dates.of("2020-01-02"), Dates.of("2020-06-01"), Dates.of("2020-12-31"),
            Dates.of("2021-01-04"), Dates.of("2021-03-01"), Dates.of("2021-06-01"), Dates.of("2021-12-31")};

    @Test
    void yearlyReturnDrawdownAndScore() {
        double[] e = {99_000 /* replaced by the capital */, 110_000, 88_000, 120_000, 126_000, 113_400, 130_000, 132_000};
        Summary s = Metrics.compute(DAYS, e, 100_000, NO_RF, new int[0], new double[0]);
        YearStats y20 = s.years().get(0), y21 = s.years().get(1);
        assertEquals(20.0, y20.returnPct(), 1e-9, "120k / 100k");
        assertEquals(20.0, y20.maxDdPct(), 1e-9, "110k peak to 88k");
        assertEquals(10.0, y21.returnPct(), 1e-9, "132k / 120k");
        assertEquals(10.0, y21.maxDdPct(), 1e-9, "126k to 113.4k, the peak counting the year's first value");
        assertEquals((20.0 / 200) * (15 / 20.0), y20.score(), 1e-12);
        assertEquals(20.0, s.maxDdPct(), 1e-9);
        double years = (DAYS[7] - DAYS[0]) / 365.25;
        assertEquals(100 * (Math.pow(1.32, 1 / years) - 1), s.cagrPct(), 1e-9);
        assertEquals((s.cagrPct() / 200) * (15 / 20.0) * 1.0, s.score(), 1e-12, "both years profitable");
        assertEquals("Below", s.tier());
    }

    @Test
    void sharpeOfAKnownSeries() {
        // Daily returns +1%, −1%, +1%, −1% ... with rf 0: mean 0 → Sharpe 0; shift by a constant rf.
        double[] e = new double[8];
        e[0] = 100;
        for (int i = 1; i < 8; i++) e[i] = e[i - 1] * (i % 2 == 1 ? 1.02 : 1.01);
        double[] rf = new double[8];
        Arrays.fill(rf, 0.01);
        Summary s = Metrics.compute(DAYS, e, 100, rf, new int[0], new double[0]);
        // Excess returns alternate +1%, 0: mean 0.5714% over 7, sample sd computed by hand below.
        double[] x = {0.01, 0, 0.01, 0, 0.01, 0, 0.01};
        double m = 0.04 / 7, ss = 0;
        for (double v : x) ss += (v - m) * (v - m);
        assertEquals(m / Math.sqrt(ss / 6) * Math.sqrt(252), s.sharpe(), 1e-9);
        assertEquals(0, s.sortino(), 1e-12, "no negative excess return: no downside deviation, reported as 0");
    }

    @Test
    void anIdleRunHasNoSharpe() {
        double[] e = new double[8];
        Arrays.fill(e, 100_000);
        double[] rf = {0, 0.0001, 0.00012, 0.0001, 0.00011, 0.0001, 0.00013, 0.0001};
        Summary s = Metrics.compute(DAYS, e, 100_000, rf, new int[0], new double[0]);
        assertEquals(0, s.sharpe(), "no position, no risk: 0, not −rf/stdev(rf)");
        assertEquals(0, s.sortino());
    }

    @Test
    void tiersFollowSpec() {
        assertEquals("Elite", Metrics.tier(250, 12));
        assertEquals("Strong", Metrics.tier(200, 20));
        assertEquals("Acceptable", Metrics.tier(160, 25));
        assertEquals("Reject", Metrics.tier(300, 40));
        assertEquals("Below", Metrics.tier(100, 10));
    }

    @Test
    void recoveryAndLosingStreaks() {
        double[] e = {100, 110, 100, 105, 111, 90, 95, 100};
        assertEquals(3, Metrics.longestRecovery(e), "110 at 1, back above at 4");
        assertEquals(3, Metrics.longestRecovery(new double[]{100, 120, 90, 80, 100}) , "never recovers: to the end");
        assertEquals(2, Metrics.maxConsecutiveLosers(new int[]{5, 1, 2, 3, 4}, new double[]{-1, 5, -2, -3, 4}));
    }
}
