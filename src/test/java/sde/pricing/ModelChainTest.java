package sde.pricing;

import org.junit.jupiter.api.Test;
import sde.config.ConfigLoader;
import sde.data.AlignmentRules;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.MarketDataBuilder;
import sde.data.RealData;
import sde.data.SeriesId;
import sde.data.Symbol;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The modeled chain on the real 2019–2025 data. */
class ModelChainTest {
    private static final PricingSettings CONF = ConfigLoader.load(null, List.of()).pricing();

    private static final class Holder {
        static final MarketData MD = MarketDataBuilder.build(RealData.sources(), Dates.of("2019-01-02"), Dates.of("2025-12-31"),
                AlignmentRules.spec());
        static final ModelChain CHAIN = CONF.modelChain(MD);
    }

    @Test
    void noNegativeOrNanQuoteAnywhereOnTheRealData() {
        MarketData md = Holder.MD;
        ModelChain chain = Holder.CHAIN;
        long quotes = 0;
        for (int i = 0; i < md.size(); i++) {
            for (Symbol s : Symbol.values()) {
                double spot = md.close(s, i);
                for (int e : chain.expiries().listed(s, md.day(i))) {
                    for (double m = 0.80; m <= 1.2001; m += 0.05) {
                        double k = Math.rint(spot * m);
                        for (boolean call : new boolean[]{true, false}) {
                            Quote q = chain.quote(s, i, e, k, call);
                            assertNotNull(q);
                            if (!(q.mid() >= 0 && Double.isFinite(q.mid()) && q.bid() >= 0 && q.ask() > q.bid()
                                    // Quote.iv is calendar-equivalent (iv·√(τ/T)): below the surface floor over weekends.
                                    && q.iv() > 0 && q.iv() <= CONF.surface().ivCap()
                                    && Math.abs(q.delta()) <= 1)) {
                                fail(s + " " + Dates.format(md.day(i)) + " exp " + Dates.format(e) + " K=" + k + " " + q);
                            }
                            quotes++;
                        }
                    }
                }
            }
        }
        assertTrue(quotes > 1_000_000, "checked " + quotes);
    }

    @Test
    void modelMidsObeyPutCallParity() {
        MarketData md = Holder.MD;
        int i = md.indexOf(Dates.of("2022-06-16"));
        int e = Holder.CHAIN.expiries().nearest(Symbol.SPY, md.day(i), 30, 20, 40);
        double s = md.close(Symbol.SPY, i), t = (e - md.day(i)) / 365.0;
        PricingInputs in = new PricingInputs(md, CONF.surface());
        for (double k = 300; k <= 450; k += 10) {
            double c = Holder.CHAIN.quote(Symbol.SPY, i, e, k, true).mid(), p = Holder.CHAIN.quote(Symbol.SPY, i, e, k, false).mid();
            assertEquals(s * Math.exp(-in.divYield(Symbol.SPY, i) * t) - k * Math.exp(-in.rate(i) * t), c - p, 1e-9);
        }
    }

    @Test
    void atmVolFollowsTheIndexAndSkewFavoursPuts() {
        MarketData md = Holder.MD;
        PricingInputs in = new PricingInputs(md, CONF.surface());
        VolSurface surf = new VolSurface(in, CONF.surface());
        int i = md.indexOf(Dates.of("2020-03-16"));
        // At VIX's own tenor the index's ATM variance is the diffusive ATM variance plus the scheduled
        // events inside the 30 days (FOMC, CPI, NFP): the events are counted once.
        // SPY's fitted level at 30 days multiplies the index's ATM (docs/pricing.md §5d).
        double t = 30 / 365.0;
        double vixAtm = 0.8269 * CONF.surface().atmRatio(0.8269, 30, in.skewIndex(i)) * CONF.surface().level(Symbol.SPY, 30);
        double atm = surf.atm(Symbol.SPY, i, t), events = in.eventVariance(i, md.day(i), md.day(i) + 30);
        assertTrue(events > 0, "scheduled events inside the window");
        double level = CONF.surface().level(Symbol.SPY, 30);
        assertEquals(vixAtm * vixAtm * t, atm * atm * t + level * level * events, 1e-12, "VIX 82.69 at 30 days");
        assertTrue(CONF.surface().atmRatio(0.8269, 30, in.skewIndex(i)) > CONF.surface().atmRatio(0.20, 30, in.skewIndex(i)),
                "ATM climbs towards the index in a stressed market");
        double f = md.close(Symbol.SPY, i);
        assertTrue(surf.iv(Symbol.SPY, i, 30 / 365.0, f, f * 0.9) > surf.iv(Symbol.SPY, i, 30 / 365.0, f, f * 1.1));
        int calm = md.indexOf(Dates.of("2021-06-16"));
        assertTrue(surf.atm(Symbol.IWM, calm, 0.1) > surf.atm(Symbol.SPY, calm, 0.1), "small caps are more volatile");
        assertTrue(surf.inputs().volRatio(Symbol.QQQ, calm) > 1, "VXN above VIX");
    }

    @Test
    void inputsAreCausal() {
        // Truncation invariance for the pricing inputs: data cut after day T gives the same values up to T.
        MarketData md = Holder.MD;
        int cut = md.indexOf(Dates.of("2022-03-01"));
        PricingInputs full = new PricingInputs(md, CONF.surface()), part = new PricingInputs(md.slice(0, cut + 1), CONF.surface());
        for (int i = 0; i <= cut; i++) {
            assertEquals(full.rate(i), part.rate(i));
            for (Symbol s : Symbol.values()) {
                assertEquals(full.volRatio(s, i), part.volRatio(s, i), s + " " + i);
                assertEquals(full.divYield(s, i), part.divYield(s, i));
            }
        }
    }

    @Test
    void spreadsWidenWithVolatilityAndNeverGoUnderATick() {
        QuoteModel qm = new QuoteModel(CONF.quotes());
        assertTrue(qm.halfSpread(5, 40) > qm.halfSpread(5, 15));
        Quote cheap = qm.quote(0.003, 15, 0.2, 0.01);
        assertEquals(0.0, cheap.bid());
        assertEquals(0.01, cheap.ask(), 1e-12);
        Quote q = qm.quote(3.456, 20, 0.2, 0.5);
        assertEquals(Math.rint(q.bid() * 100), q.bid() * 100, 1e-6, "bid on the cent grid");
        assertEquals(Math.rint(q.ask() * 100), q.ask() * 100, 1e-6, "ask on the cent grid");
        assertTrue(q.bid() < 3.456 && q.ask() > 3.456);
    }

    @Test
    void unlistedContractsHaveNoQuote() {
        MarketData md = Holder.MD;
        int i = md.indexOf(Dates.of("2020-03-03"));
        assertNull(Holder.CHAIN.quote(Symbol.SPY, i, Dates.of("2020-03-10"), 300, true), "no SPY Tuesday expiry in 2020");
        assertNotNull(Holder.CHAIN.quote(Symbol.SPY, i, Dates.of("2020-03-09"), 300, true));
    }

    @Test
    void aWeekendCarriesLittleVariance() {
        // Friday close to Monday close: one session and two weekend days at weight 0.1.
        SurfaceSettings s = CONF.surface();
        double tau = s.varianceTime(Dates.of("2020-07-31"), Dates.of("2020-08-03"));
        assertEquals((1 + 2 * s.nonSessionWeight()) / (252 + 113 * s.nonSessionWeight()), tau, 1e-15);
        double midweek = s.varianceTime(Dates.of("2020-07-28"), Dates.of("2020-07-31"));
        assertEquals(3 / (252 + 113 * s.nonSessionWeight()), midweek, 1e-15, "three sessions, no weekend");
        assertTrue(midweek > 2 * tau, "so a Tue-Fri option carries more than twice the variance of a Fri-Mon one");
        assertEquals(0, s.varianceTime(Dates.of("2020-07-31"), Dates.of("2020-07-31")));
    }

    @Test
    void vixIsCoveredOnEveryDayThePricerNeedsIt() {
        MarketData md = Holder.MD;
        for (int i = 0; i < md.size(); i++) assertTrue(md.covered(SeriesId.VIX, i));
    }
}
