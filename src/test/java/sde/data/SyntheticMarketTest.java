package sde.data;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The synthetic market: deterministic by seed, shaped like the real one, labeled everywhere. */
class SyntheticMarketTest {
    private static final LocalDate FROM = LocalDate.of(2015, 1, 2), TO = LocalDate.of(2025, 12, 31);

    @Test
    void sameSeedSameMarketOtherSeedOtherMarket() {
        MarketData a = SyntheticMarket.generate(7, FROM, TO), b = SyntheticMarket.generate(7, FROM, TO);
        assertEquals(a.fingerprint(), b.fingerprint());
        assertNotEquals(a.fingerprint(), SyntheticMarket.generate(8, FROM, TO).fingerprint());
    }

    @Test
    void itIsLabeledSynthetic() {
        MarketData md = SyntheticMarket.generate(7, FROM, TO);
        assertTrue(md.synthetic());
        assertEquals("SYNTHETIC seed=7", md.source());
        MarketData real = MarketDataBuilder.build(RealData.sources(), Dates.of("2024-01-02"), Dates.of("2024-12-31"),
                AlignmentRules.spec());
        assertFalse(real.synthetic());
    }

    @Test
    void itHasTheRealStructureAndPassesTheAudit() {
        AuditReport r = DataAudit.run(SyntheticMarket.sources(7, FROM, TO), new AuditSettings(Dates.of("2019-01-02"),
                Dates.of("2025-12-31"), Dates.of("2015-01-02"), Dates.of("2025-12-31"), Set.of(SeriesId.VIX),
                AlignmentRules.spec(), 0.25, 0.5, 0.3, 0.2, new double[]{1, 400}, new double[]{-2, 25}));
        assertTrue(r.tradable(), () -> String.join("\n", r.errors()));
        assertTrue(r.synthetic());
        for (AuditReport.SeriesRow s : r.series()) {
            assertEquals(0, s.ohlcInconsistent(), s.series());
            assertEquals(0, s.nonPositive(), s.series());
        }
        for (int y = 2019; y <= 2025; y++) {
            assertEquals(8, r.eventsPerYear().get(y).get("FOMC"));
            assertEquals(12, r.eventsPerYear().get(y).get("CPI"));
        }
    }

    @Test
    void volatilityClustersAndTheVixRisesInSellOffs() {
        MarketData md = SyntheticMarket.generate(7, FROM, TO);
        int n = md.size();
        double[] ret = new double[n - 1], dVix = new double[n - 1], absRet = new double[n - 2], absNext = new double[n - 2];
        DescriptiveStatistics r = new DescriptiveStatistics(), vix = new DescriptiveStatistics();
        for (int i = 1; i < n; i++) {
            ret[i - 1] = Math.log(md.adjClose(Symbol.SPY, i) / md.adjClose(Symbol.SPY, i - 1));
            dVix[i - 1] = md.value(SeriesId.VIX, i) - md.value(SeriesId.VIX, i - 1);
            r.addValue(ret[i - 1]);
            vix.addValue(md.value(SeriesId.VIX, i));
        }
        for (int i = 0; i < n - 2; i++) { absRet[i] = Math.abs(ret[i]); absNext[i] = Math.abs(ret[i + 1]); }
        double annualVol = r.getStandardDeviation() * Math.sqrt(252);
        assertTrue(annualVol > 0.10 && annualVol < 0.35, "SPY-like annual vol: " + annualVol);
        assertTrue(vix.getMean() > 12 && vix.getMean() < 30, "VIX-like mean: " + vix.getMean());
        assertTrue(vix.getMean() * 0.01 > annualVol * 0.9, "implied above realised on average (variance premium)");
        assertTrue(new PearsonsCorrelation().correlation(ret, dVix) < -0.5, "VIX rises when SPY falls (real 2019-2025: -0.79)");
        assertTrue(new PearsonsCorrelation().correlation(absRet, absNext) > 0.1, "volatility clusters");
        assertTrue(r.getKurtosis() > 1, "fat tails from jumps and stochastic vol");
    }

    @Test
    void dividendsDropTheRawPriceButNotTheAdjustedReturn() {
        MarketData md = SyntheticMarket.generate(7, FROM, TO);
        int ex = -1;
        for (int i = 1; i < md.size() && ex < 0; i++) if (md.dividend(Symbol.SPY, i) > 0) ex = i;
        assertTrue(ex > 0);
        double raw = (md.close(Symbol.SPY, ex) + md.dividend(Symbol.SPY, ex)) / md.close(Symbol.SPY, ex - 1);
        double adj = md.adjClose(Symbol.SPY, ex) / md.adjClose(Symbol.SPY, ex - 1);
        assertEquals(raw, adj, 1e-3, "total return is the same in raw+dividend and adjusted terms");
    }
}
