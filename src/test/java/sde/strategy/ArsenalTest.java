package sde.strategy;

import sde.data.Symbol;
import sde.param.ParamSpec;
import org.junit.jupiter.api.Test;
import sde.data.EventType;
import sde.data.NyseCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Entry, sizing and exit of each option strategy on crafted views (Stubs): the rules as examples. */
class ArsenalTest {
    private static int epoch(String d) { return (int) LocalDate.parse(d).toEpochDay(); }

    /** Wed 2024-06-12 is an FOMC day; the view stands on the close of the session before. */
    private static Stubs.View dayBeforeFomc() {
        Stubs.View v = new Stubs.View();
        v.day = epoch("2024-06-11");
        v.nextEvent = epoch("2024-06-12");
        v.listed = new int[]{epoch("2024-06-11"), epoch("2024-06-12"), epoch("2024-06-14"), epoch("2024-06-21")};
        return v;
    }

    private static <P> List<Signal> signals(Strategy<P> s, P p, MarketView v) {
        List<Signal> out = new ArrayList<>();
        s.generateSignals(v, p, out);
        return out;
    }

    @Test
    void gammaLottoBuysOnlyTheDayBeforeAnEventOnTheEventDaysExpiry() {
        GammaLotto g = new GammaLotto();
        var p = Stubs.configure(g, Map.of("otm_delta", 0.1));
        Stubs.View v = dayBeforeFomc();
        List<Signal> out = signals(g, p, v);
        assertEquals(1, out.size());
        for (Leg l : out.get(0).legs()) {
            assertEquals(epoch("2024-06-12"), l.expiry(), "1 DTE: the event day's own expiry");
            assertTrue(l.ratio() > 0, "bought");
        }
        assertEquals(2, out.get(0).legs().size(), "a put and a call by default");
        assertEquals(360, out.get(0).legs().get(0).strike(), "put 40 below at 0.10 delta on the stub's grid");

        v.day = epoch("2024-06-10");   // two sessions before
        assertTrue(signals(g, p, v).isEmpty(), "not two days before");
        v.day = epoch("2024-06-11");
        v.listed = new int[]{epoch("2024-06-14")};
        assertTrue(signals(g, p, v).isEmpty(), "no trade when the event day's expiry was not listed (pre-2022 SPY)");

        var pos = new Stubs.Pos(out.get(0).legs(), 1, v.day, -50, 10, 1);
        assertEquals(Action.HOLD, g.managePosition(pos, v, p), "held to the expiry close, where the engine settles it");
        assertEquals(0, g.sizePosition(new PricedSignal(out.get(0), 10, 0, 0, 0), new Stubs.Account(), p), "never for a credit");
        assertEquals(20, g.sizePosition(new PricedSignal(out.get(0), -50, 50, 50, 50), new Stubs.Account(), p),
                "risk_pct 1 % of 100,000 on a 50-dollar premium");
    }

    @Test
    void gammaLottoCanTradeOneKindOfEvent() {
        assertEquals(EventType.CPI.bit(), EventTiming.mask("cpi"));
        assertEquals(EventType.FOMC.bit() | EventType.CPI.bit() | EventType.NFP.bit(), EventTiming.mask("all"));
    }

    @Test
    void volCrushSellsIntoTheEventAndBuysBackAfterIt() {
        VolCrush c = new VolCrush();
        var p = Stubs.configure(c, Map.of("exit_after", 1, "wings", 5.0));
        Stubs.View v = dayBeforeFomc();
        List<Signal> out = signals(c, p, v);
        assertEquals(1, out.size());
        List<Leg> legs = out.get(0).legs();
        assertEquals(4, legs.size(), "short strangle with wings");
        assertTrue(legs.get(0).expiry() >= epoch("2024-06-14"), "outlives the exit one session after the event");
        var pos = new Stubs.Pos(legs, 1, v.day, 100, -80, 5);
        v.day = epoch("2024-06-12");
        assertEquals(Action.HOLD, c.managePosition(pos, v, p), "held through the event day");
        v.day = epoch("2024-06-13");
        assertEquals(Action.CLOSE, c.managePosition(pos, v, p), "bought back one session after");
    }

    @Test
    void eventStraddleEntersLeadSessionsBeforeAndLeavesAfter() {
        EventStraddle e = new EventStraddle();
        var p = Stubs.configure(e, Map.of("lead", 2, "exit_after", 0));
        Stubs.View v = dayBeforeFomc();
        assertTrue(signals(e, p, v).isEmpty(), "one session before is not two");
        v.day = epoch("2024-06-10");
        List<Signal> out = signals(e, p, v);
        assertEquals(1, out.size());
        assertEquals(out.get(0).legs().get(0).strike(), out.get(0).legs().get(1).strike(), "at delta 0.5: a straddle");
        var pos = new Stubs.Pos(out.get(0).legs(), 1, v.day, -500, 450, 11);
        v.day = epoch("2024-06-11");
        assertEquals(Action.HOLD, e.managePosition(pos, v, p));
        v.day = epoch("2024-06-12");
        assertEquals(Action.CLOSE, e.managePosition(pos, v, p), "exit_after 0: out at the event day's close");
    }

    @Test
    void hedgeOverlaySizesToTheWholeAccountAndRollsOnSchedule() {
        HedgeOverlay h = new HedgeOverlay();
        var p = Stubs.configure(h, Map.of("hedge_ratio", 1.0, "otm_pct", 0.10, "dte", 90, "roll_days", 20));
        Stubs.View v = new Stubs.View();
        v.day = epoch("2024-01-02");
        v.listed = new int[]{epoch("2024-03-28"), epoch("2024-04-19")};
        List<Signal> out = signals(h, p, v);
        Leg put = out.get(0).legs().get(0);
        assertEquals(360, put.strike(), "10 % below 400");
        assertFalse(put.call());
        Stubs.Account acc = new Stubs.Account();
        acc.equity = 300_000;
        acc.capitalBase = 10_000;   // a small slot weight does not shrink the hedge
        assertEquals(8, h.sizePosition(new PricedSignal(out.get(0), -700, 700, 700, 700), acc, p), "300,000 / (360 × 100)");
        acc.open = 1;
        assertEquals(0, h.sizePosition(new PricedSignal(out.get(0), -700, 700, 700, 700), acc, p), "one hedge at a time");
        var pos = new Stubs.Pos(out.get(0).legs(), 8, v.day, -5600, 5000, 80);
        v.day = epoch("2024-01-30");   // 19 sessions later
        assertEquals(19, NyseCalendar.sessionsBetween(epoch("2024-01-02"), v.day));
        assertEquals(Action.HOLD, h.managePosition(pos, v, p));
        v.day = epoch("2024-01-31");
        assertEquals(Action.ROLL, h.managePosition(pos, v, p));
    }

    @Test
    void meanReversionBuysAStretchDownAndSellsTheReturn() {
        MeanReversion m = new MeanReversion();
        var p = Stubs.configure(m, Map.of("lookback", 5, "entry_z", 1.5, "exit_z", 0.0, "max_hold", 10));
        Stubs.View v = new Stubs.View();
        v.closes = new double[]{380, 400, 400, 400, 400};   // today's close 380 after four at 400: z = -2
        assertEquals(-2.0, MeanReversion.z(v, Symbol.SPY, 5), 1e-12);
        List<Signal> out = signals(m, p, v);
        assertEquals("long", out.get(0).tag());
        v.closes = new double[]{400, 400, 400, 400, 380};
        assertTrue(signals(m, p, v).isEmpty(), "no stretch today");
        var pos = new Stubs.Pos(out.get(0).legs(), 100, v.day - 1, -38_000, 40_000, Integer.MAX_VALUE);
        v.closes = new double[]{405, 400, 400, 400, 380};
        assertEquals(Action.CLOSE, m.managePosition(pos, v, p), "back above the mean");
    }

    @Test
    void coveredCallIsABuyWriteThatRollsWhenItsCallIsGone() {
        CoveredCall c = new CoveredCall();
        var p = Stubs.configure(c, Map.of("call_delta", 0.3));
        Stubs.View v = new Stubs.View();
        List<Leg> legs = signals(c, p, v).get(0).legs();
        assertTrue(legs.get(0).isShares() && legs.get(0).ratio() == 100, "100 shares per unit");
        assertTrue(legs.get(1).call() && legs.get(1).ratio() == -1 && legs.get(1).strike() == 420, "one short call above the spot");
        Stubs.Account acc = new Stubs.Account();
        var ps = new PricedSignal(new Signal("buy_write", legs), -39_800, 39_800, 40_000, 39_800);
        assertEquals(2, c.sizePosition(ps, acc, p), "invest_pct 1 of 100,000 at 40,000 a unit");
        acc.open = 1;
        assertEquals(0, c.sizePosition(ps, acc, p), "one buy-write at a time");
        var sharesOnly = new Stubs.Pos(legs, 2, v.day - 30, -79_600, 80_000, Integer.MAX_VALUE);
        assertEquals(Action.ROLL, c.managePosition(sharesOnly, v, p), "the call settled: write the next one");
    }

    @Test
    void securedPutsReserveTheirStrikeAndNakedOnesDoNot() {
        Stubs.View v = new Stubs.View();
        ShortPut csp = new ShortPut(true), naked = new ShortPut(false);
        Signal s = signals(csp, Stubs.configure(csp, Map.of("entry_every", 1)), v).get(0);
        assertEquals(s.legs().get(0).strike() * 100, s.minRequirement(), 1e-9);
        Signal n = signals(naked, Stubs.configure(naked, Map.of("entry_every", 1)), v).get(0);
        assertEquals(0, n.minRequirement());
        assertEquals("cash_secured_put", csp.name());
        assertEquals("naked_put", naked.name());
    }

    @Test
    void calendarSellsTheNearAndBuysTheFarAtOneStrike() {
        CalendarSpread c = new CalendarSpread();
        var p = Stubs.configure(c, Map.of("entry_every", 1));
        Stubs.View v = new Stubs.View();
        v.listed = new int[]{v.day + 21, v.day + 56};
        List<Leg> legs = signals(c, p, v).get(0).legs();
        assertEquals(v.day + 21, legs.get(0).expiry());
        assertEquals(-1, legs.get(0).ratio());
        assertEquals(v.day + 56, legs.get(1).expiry());
        assertEquals(1, legs.get(1).ratio());
        assertEquals(legs.get(0).strike(), legs.get(1).strike());
        var pos = new Stubs.Pos(legs, 1, v.day, -300, 300, 3);
        assertEquals(Action.CLOSE, c.managePosition(pos, v, p), "closed exit_dte days before the near expiry, both legs");
        assertThrows(IllegalArgumentException.class, () -> Stubs.configure(c, Map.of("near_dte", 30, "far_dte", 35)));
    }

    @Test
    void debitSpreadFollowsTheTrendAndStopsOnTheDebit() {
        DebitSpread d = new DebitSpread();
        var p = Stubs.configure(d, Map.of("entry_every", 1, "trend_sma", 10, "width", 10.0, "long_delta", 0.5));
        Stubs.View v = new Stubs.View();
        v.listed = new int[]{v.day + 45};
        v.closes = new double[]{410, 400};   // SMA(10) = 401
        List<Leg> legs = signals(d, p, v).get(0).legs();
        assertTrue(legs.get(0).call() && legs.get(0).ratio() == 1 && legs.get(0).strike() == 410, "long ATM call in an up-trend");
        assertEquals(420, legs.get(1).strike());
        v.closes = new double[]{390, 400};
        assertFalse(signals(d, p, v).get(0).legs().get(0).call(), "puts in a down-trend");
        assertEquals(Action.CLOSE, d.managePosition(new Stubs.Pos(legs, 1, v.day, -500, 240, 30), v, p), "lost over half the debit");
        assertEquals(Action.HOLD, d.managePosition(new Stubs.Pos(legs, 1, v.day, -500, 300, 30), v, p));
        assertEquals(Action.CLOSE, d.managePosition(new Stubs.Pos(legs, 1, v.day, -500, 1000, 30), v, p), "doubled: profit target 1");
    }

    @Test
    void longOptionBuysTheBreakoutsDirectionAndLeavesWhenItReverses() {
        LongOption o = new LongOption();
        var p = Stubs.configure(o, Map.of("entry_every", 1, "signal", "breakout", "lookback", 5));
        Stubs.View v = new Stubs.View();
        v.listed = new int[]{v.day + 30};
        v.closes = new double[]{405, 400, 401, 399, 400, 402};   // above the highest of the five closes before it
        List<Leg> legs = signals(o, p, v).get(0).legs();
        assertEquals(1, legs.size());
        assertTrue(legs.get(0).call() && legs.get(0).ratio() == 1, "one long call on an upside breakout");
        v.closes = new double[]{398, 400, 401, 399, 400, 402};
        assertFalse(signals(o, p, v).get(0).legs().get(0).call(), "a long put below the lowest close");
        v.closes = new double[]{400, 400, 401, 399, 400, 402};
        assertTrue(signals(o, p, v).isEmpty(), "no breakout, no view, no trade");
        var onlyCalls = Stubs.configure(o, Map.of("entry_every", 1, "signal", "breakout", "lookback", 5, "direction", "call"));
        v.closes = new double[]{398, 400, 401, 399, 400, 402};
        assertTrue(signals(o, onlyCalls, v).isEmpty(), "direction call takes no put");
        // Held call, premium 500: the debit exits first, then the reversal.
        assertEquals(Action.CLOSE, o.managePosition(new Stubs.Pos(legs, 1, v.day, -500, 240, 30), v, p), "lost half the premium");
        v.closes = new double[]{400, 400, 401, 399, 400, 402};
        assertEquals(Action.HOLD, o.managePosition(new Stubs.Pos(legs, 1, v.day, -500, 520, 30), v, p), "no view against it");
        v.closes = new double[]{398, 400, 401, 399, 400, 402};
        assertEquals(Action.CLOSE, o.managePosition(new Stubs.Pos(legs, 1, v.day, -500, 520, 30), v, p), "the signal turned down");
    }

    @Test
    void longOptionIsSizedByPremiumAtRisk() {
        LongOption o = new LongOption();
        var p = Stubs.configure(o, Map.of("risk_pct", 0.01));
        Signal call = new Signal("long_call", List.of(Leg.option(Symbol.SPY, 20_030, 400, true, 1)));
        // A premium of 250 a contract risks 250: 1 % of a 100,000 base buys 4.
        PricedSignal ps = new PricedSignal(call, -250, 250, 250, 250);
        Stubs.Account acc = new Stubs.Account();
        assertEquals(4, o.sizePosition(ps, acc, p));
        acc.open = 2;
        assertEquals(0, o.sizePosition(ps, acc, p), "max_positions 2 held");
        assertFalse(o.wantsEntry(acc, p), "and the gate agrees");
    }

    @Test
    void ironButterflySellsTheMoneyWithWings() {
        IronButterfly b = new IronButterfly();
        var p = Stubs.configure(b, Map.of("entry_every", 1, "width", 20.0));
        List<Leg> legs = signals(b, p, new Stubs.View()).get(0).legs();
        assertEquals(List.of(400.0, 380.0, 400.0, 420.0), legs.stream().map(Leg::strike).toList());
        assertEquals(List.of(-1, 1, -1, 1), legs.stream().map(Leg::ratio).toList());
    }

    @Test
    void vixPlaySellsRichPremiumAndBuysCheapVol() {
        VixPlay x = new VixPlay();
        var p = Stubs.configure(x, Map.of("entry_every", 1));
        Stubs.View v = new Stubs.View();
        v.vix = 35;
        assertEquals("high_vix_put_spread", signals(x, p, v).get(0).tag());
        v.vix = 12;
        assertEquals("low_vix_straddle", signals(x, p, v).get(0).tag());
        v.vix = 20;
        assertTrue(signals(x, p, v).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Stubs.configure(x, Map.of("vix_low", 19.0, "vix_high", 18.0)));
    }

    @Test
    void shortStrangleIsMarginSized() {
        ShortStrangle s = new ShortStrangle();
        var p = Stubs.configure(s, Map.of("entry_every", 1, "risk_pct", 0.25));
        List<Signal> out = signals(s, p, new Stubs.View());
        assertEquals(List.of(370.0, 430.0), out.get(0).legs().stream().map(Leg::strike).toList());
        // risk per unit is the naked requirement (8,000): 25 % of 100,000 buys 3 units
        assertEquals(3, s.sizePosition(new PricedSignal(out.get(0), 600, Double.POSITIVE_INFINITY, 8000, 8000), new Stubs.Account(), p));
        var straddle = Stubs.configure(s, Map.of("entry_every", 1, "straddle", true));
        List<Leg> st = signals(s, straddle, new Stubs.View()).get(0).legs();
        assertEquals(st.get(0).strike(), st.get(1).strike());
    }

    @Test
    void everyStrategyHasSaneBoundsAndDefaults() {
        for (Strategy<?> s : Strategies.all()) {
            for (ParamSpec spec : s.space().specs()) {
                assertTrue(spec.lo() <= spec.hi(), s.name() + "." + spec.name());
            }
            assertDoesNotThrow(() -> s.configure(s.space().resolve(Map.of(), "")), s.name() + " defaults configure");
        }
        assertEquals(18, Strategies.all().size());
    }
}
