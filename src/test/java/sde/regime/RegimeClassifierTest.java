package sde.regime;

import org.junit.jupiter.api.Test;
import sde.backtest.Engines;
import sde.data.Dates;
import sde.data.MarketData;

import static org.junit.jupiter.api.Assertions.*;
import static sde.regime.Regime.*;

/** The classifier on the real data, its causality, and its hysteresis on a crafted sequence. */
class RegimeClassifierTest {
    private static final RegimeSettings CONF = Engines.CONF.regime();

    private static int count(RegimeClassifier.Labels l, MarketData md, String from, String to, Regime... rs) {
        int c = 0;
        for (int t = md.indexOnOrAfter(Dates.of(from)); t <= md.indexOnOrBefore(Dates.of(to)); t++) {
            for (Regime r : rs) if (l.at(t) == r) c++;
        }
        return c;
    }

    @Test
    void march2020HasCrashDaysAnd2022IsMostlyBearOrHighVol() {
        MarketData md = Engines.real();
        RegimeClassifier.Labels l = RegimeClassifier.classify(md, CONF);
        assertTrue(count(l, md, "2020-03-01", "2020-03-31", CRASH) >= 5, "crash days in March 2020");
        assertEquals(CRASH, l.at(md.indexOf(Dates.of("2020-03-16"))), "VIX 82.69, SPY 23 % off its 10-day high");
        int days2022 = md.indexOnOrBefore(Dates.of("2022-12-31")) - md.indexOnOrAfter(Dates.of("2022-01-01")) + 1;
        int bad = count(l, md, "2022-01-01", "2022-12-31", BEAR, HIGH_VOL);
        assertTrue(bad * 2 > days2022, "2022: " + bad + " of " + days2022 + " sessions Bear or HighVol");
        int days2021 = md.indexOnOrBefore(Dates.of("2021-12-31")) - md.indexOnOrAfter(Dates.of("2021-01-01")) + 1;
        assertTrue(count(l, md, "2021-01-01", "2021-12-31", BULL) * 2 > days2021, "2021 is mostly Bull");
    }

    @Test
    void aLabelNeverChangesWhenOnlyFutureDataChanges() {
        MarketData md = Engines.real();
        RegimeClassifier.Labels full = RegimeClassifier.classify(md, CONF);
        for (String cut : new String[]{"2020-03-13", "2020-03-20", "2022-06-16", "2024-08-05"}) {
            int c = md.indexOf(Dates.of(cut));
            RegimeClassifier.Labels part = RegimeClassifier.classify(md.slice(0, c + 1), CONF);
            for (int t = 0; t <= c; t++) assertEquals(full.at(t), part.at(t), cut + " day " + t);
        }
    }

    @Test
    void hysteresisStopsFlipFlopping() {
        Regime[] raw = {BULL, BULL, BULL, NEUTRAL, BULL, NEUTRAL, NEUTRAL, BULL, NEUTRAL, NEUTRAL, NEUTRAL, BEAR, CRASH, BEAR};
        Regime[] got = RegimeClassifier.smooth(raw, 3);
        // Bull from day 2 (three in a row), kept through the single and double Neutral days, Neutral
        // after three in a row, Crash at once, Bear not before it has held three days.
        assertArrayEquals(new Regime[]{NEUTRAL, NEUTRAL, BULL, BULL, BULL, BULL, BULL, BULL, BULL, BULL, NEUTRAL, NEUTRAL, CRASH, CRASH},
                got);
        assertArrayEquals(raw, RegimeClassifier.smooth(raw, 1), "min_days 1: no smoothing");
    }

    @Test
    void precedenceOfOverlappingRules() {
        assertEquals(CRASH, RegimeClassifier.rule(-0.2, 0.15, 45, CONF));
        assertEquals(HIGH_VOL, RegimeClassifier.rule(-0.2, 0.05, 45, CONF), "no sharp decline: HighVol");
        assertEquals(BEAR, RegimeClassifier.rule(-0.05, 0.05, 27, CONF));
        assertEquals(BULL, RegimeClassifier.rule(0.05, 0, 12, CONF), "Bull before LowVolSideways");
        assertEquals(LOW_VOL_SIDEWAYS, RegimeClassifier.rule(0.0, 0, 12, CONF));
        assertEquals(NEUTRAL, RegimeClassifier.rule(-0.05, 0.01, 22, CONF));
        assertEquals(NEUTRAL, RegimeClassifier.rule(Double.NaN, 0, 12, CONF), "before the trend window has filled");
    }
}
