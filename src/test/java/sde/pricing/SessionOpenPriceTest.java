package sde.pricing;

import org.junit.jupiter.api.Test;
import sde.config.ConfigLoader;
import sde.data.MarketData;
import sde.data.Symbol;
import sde.data.SyntheticMarket;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A call written at a session's open and expiring at its close (a daily fund's replica, SPEC §2), and the fitted
 * levels of the centre by tenor bucket, on a crafted (synthetic) market.
 */
class SessionOpenPriceTest {
    /** conf's surface with every level at 1: the vol indices' model before its fitted levels. */
    private static final SurfaceSettings S = unlevelled(ConfigLoader.load(null, List.of()).pricing().surface());

    private static SurfaceSettings unlevelled(SurfaceSettings s) {
        for (Symbol sym : Symbol.values()) s = s.withLevels(sym, List.of(1.0, 1.0, 1.0, 1.0, 1.0));
        return s;
    }
    private static final MarketData MD = SyntheticMarket.generate(7, LocalDate.of(2019, 1, 2), LocalDate.of(2020, 12, 31));
    private static final VolSurface SURFACE = new VolSurface(new PricingInputs(MD, S), S);
    private static final int I = 300;

    private static double[] price(VolSurface v, double open, double overnight, double left, double k, boolean call) {
        double[] out = new double[3];
        out[2] = v.priceAtOpen(Symbol.QQQ, I, open, overnight, left, k, call, out);
        return out;
    }

    @Test
    void anAtTheMoneyCallAtTheOpenIsWorthItsSessionMove() {
        double open = 400, left = 0.93;
        double[] c = price(SURFACE, open, 1.0, left, open, true);
        double atm = SURFACE.atm(Symbol.QQQ, I - 1, 1 / 365.0);
        double sd = atm * Math.sqrt(left * S.sessionTime());
        // Golden value of Black-Scholes at the money with no carry: F·(2N(sd/2) − 1), about 0.4·F·sd.
        double golden = open * (2 * new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(sd / 2) - 1);
        assertEquals(golden, c[0], 1e-9 * open);
        assertEquals(0.5, c[1], 0.01, "delta at the money");
        assertEquals(atm, c[2], 1e-12, "at the money the smile is the ATM vol");
    }

    @Test
    void putCallParityHoldsAtTheOpenWithNoCarry() {
        for (double k : new double[]{390, 398, 400, 403, 412}) {
            double c = price(SURFACE, 400, 1.07, 0.93, k, true)[0], p = price(SURFACE, 400, 1.07, 0.93, k, false)[0];
            assertEquals(400 - k, c - p, 1e-9, "K=" + k);
        }
    }

    @Test
    void theOvernightMoveOfTheVolIndexAndTheSessionLeftMoveThePrice() {
        double base = price(SURFACE, 400, 1.0, 0.93, 402, true)[0];
        assertTrue(price(SURFACE, 400, 1.2, 0.93, 402, true)[0] > base, "VIX opened 20 % higher: dearer");
        assertTrue(price(SURFACE, 400, 1.0, 0.5, 402, true)[0] < base, "half the session left: cheaper");
        // As the session left goes to nothing, the call is worth its intrinsic value.
        assertEquals(0.0, price(SURFACE, 400, 1.0, 1e-12, 402, true)[0], 1e-9);
        assertEquals(3.0, price(SURFACE, 405, 1.0, 1e-12, 402, true)[0], 1e-9);
    }

    @Test
    void badInputsAreRefusedUpFront() {
        double[] out = new double[2];
        assertThrows(IllegalArgumentException.class, () -> SURFACE.priceAtOpen(Symbol.QQQ, 0, 400, 1, 0.9, 400, true, out));
        assertThrows(IllegalArgumentException.class, () -> SURFACE.priceAtOpen(Symbol.QQQ, I, 400, 0, 0.9, 400, true, out));
        assertThrows(IllegalArgumentException.class, () -> SURFACE.priceAtOpen(Symbol.QQQ, I, 400, 1, 1.5, 400, true, out));
        assertThrows(IllegalArgumentException.class, () -> SURFACE.priceAtOpen(Symbol.QQQ, I, -1, 1, 0.9, 400, true, out));
    }

    @Test
    void aBucketLevelScalesItsTenorsVolAndTheLevelsAreContinuousAcrossBucketEdges() {
        SurfaceSettings lifted = S.withLevels(Symbol.QQQ, List.of(1.3, 1.2, 1.1, 1.0, 0.9));
        VolSurface v = new VolSurface(new PricingInputs(MD, lifted), lifted);
        assertEquals(1.3 * SURFACE.atm(Symbol.QQQ, I, 1 / 365.0), v.atm(Symbol.QQQ, I, 1 / 365.0), 1e-12);
        assertEquals(1.1 * SURFACE.atm(Symbol.QQQ, I, 19 / 365.0), v.atm(Symbol.QQQ, I, 19 / 365.0), 1e-12);
        assertEquals(SURFACE.atm(Symbol.SPY, I, 19 / 365.0), v.atm(Symbol.SPY, I, 19 / 365.0), 0.0, "another symbol's levels untouched");
        assertEquals(1.3 * SURFACE.atm(Symbol.QQQ, I - 1, 1 / 365.0) * 1.0, v.atm(Symbol.QQQ, I - 1, 1 / 365.0), 1e-12);
        // The bucket edges (2|3, 7|8, 30|31, 60|61 days) fall between the buckets' tenors: no jump there.
        for (double edge : new double[]{2.5, 7.5, 30.5, 60.5}) {
            double below = lifted.level(Symbol.QQQ, edge - 1e-6), above = lifted.level(Symbol.QQQ, edge + 1e-6);
            assertEquals(below, above, 1e-6, "at " + edge + " days");
        }
        assertEquals(1.3, lifted.level(Symbol.QQQ, 0), 0.0, "flat before the first tenor");
        assertEquals(0.9, lifted.level(Symbol.QQQ, 400), 0.0, "flat beyond the last");
        assertEquals(1.25, lifted.level(Symbol.QQQ, 3), 1e-12, "halfway from 1 to 5 days");
    }

    @Test
    void theBandsEdgesAreEveryBucketAtItsEdgeAndAreContinuousAcrossBucketEdgesToo() {
        SurfaceSettings conf = ConfigLoader.load(null, List.of()).pricing().surface();
        for (Model m : new Model[]{Model.LOW, Model.HIGH}) {
            SurfaceSettings edge = conf.model(m);
            for (Symbol sym : Symbol.values()) {
                SurfaceSettings.Band band = conf.bands().get(sym.name());
                for (int k = 0; k < SurfaceSettings.LEVEL_BUCKETS; k++) {
                    double f = 1 + (m == Model.LOW ? band.low() : band.high()).get(k);
                    assertEquals(conf.levels().get(sym.name()).get(k) * f, edge.levels().get(sym.name()).get(k), 1e-12, sym + " " + k);
                }
                for (double at : new double[]{2.5, 7.5, 30.5, 60.5}) {
                    assertEquals(edge.level(sym, at - 1e-6), edge.level(sym, at + 1e-6), 1e-6, m + " " + sym + " at " + at + " days");
                }
            }
        }
        assertSame(conf, conf.model(Model.BASE));
    }

    @Test
    void levelsOutOfRangeOrOfAnUnknownSymbolAreRefusedNamingTheKey() {
        var e = assertThrows(sde.io.ConfigException.class,
                () -> ConfigLoader.load(null, List.of("pricing.surface.levels.QQQ=[1, 1, 3, 1, 1]")));
        assertTrue(e.getMessage().contains("pricing.surface.levels.QQQ"), e.getMessage());
        e = assertThrows(sde.io.ConfigException.class, () -> ConfigLoader.load(null, List.of("pricing.surface.levels.QQQ=[1, 1]")));
        assertTrue(e.getMessage().contains("one level per tenor bucket"), e.getMessage());
    }
}
