package sde.backtest;

import org.junit.jupiter.api.Test;
import sde.config.ConfigLoader;
import sde.data.Dates;
import sde.data.EventType;
import sde.data.MarketData;
import sde.data.NyseCalendar;
import sde.data.Symbol;
import sde.pricing.ExpiryCalendar;
import sde.strategy.Leg;
import sde.strategy.Strategies;
import sde.strategy.Strategy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The whole arsenal on the real data: alone, together on one equity, and only on listed expiries. */
class ArsenalRunTest {

    private static RunSpec all() {
        List<RunSpec.SlotSpec> slots = new ArrayList<>();
        List<Strategy<?>> every = Strategies.all();
        for (Strategy<?> s : every) slots.add(new RunSpec.SlotSpec(s.name(), s.name(), 1.0 / every.size(), s.space().resolve(Map.of(),
                "")));
        // 2,000,000 so that a 1/17 slot still holds a cash-secured SPY put and a 100-share buy-write.
        var b = ConfigLoader.load(null, List.of("backtest.starting_capital=2000000")).backtest();
        return new RunSpec(slots, b, "2020-01-01", "2025-12-31");
    }

    @Test
    void everyStrategyTogetherOnOneEquity() {
        RunResult r = Engines.run(Engines.real(), all(), "2025-12-31");
        Set<String> traded = r.trades().stream().map(Trade::strategy).collect(Collectors.toSet());
        // buy_and_hold never closes; the others must each have traded in six years
        for (Strategy<?> s : Strategies.all()) {
            if (!s.name().equals("buy_and_hold")) assertTrue(traded.contains(s.name()), s.name() + " traded in the blend");
        }
        double sumPnl = r.trades().stream().mapToDouble(Trade::pnl).sum();
        int last = r.equity().length - 1;
        assertEquals(r.equity()[last], r.startingCapital() + sumPnl + r.openPnlAtEnd() + r.interest()[last], 1e-6);
    }

    @Test
    void aHedgeOverlayComposesWithAReinvestingBuyAndHold() {
        Map<String, Object> hedge = Map.of("symbol", "SPY", "hedge_ratio", 1.0, "otm_pct", 0.10);
        RunSpec blend = new RunSpec(List.of(
                new RunSpec.SlotSpec("hold", "buy_and_hold", 0.95, Strategies.get("buy_and_hold").space().resolve(Map.of("symbol", "SPY"),
                        "")),
                new RunSpec.SlotSpec("hedge", "hedge_overlay", 0.05, Strategies.get("hedge_overlay").space().resolve(hedge, ""))),
                Engines.CONF.backtest(), "2020-01-01", "2025-12-31");
        RunResult r = Engines.run(Engines.real(), blend, "2025-12-31");
        // Rolled every 42 sessions in every year: the hedge's crash gains lend the shares no buying
        // power (options have no loan value), so buy-and-hold cannot crowd out the next hedge.
        for (int year = 2020; year <= 2025; year++) {
            int y = year;
            long rolls = r.trades().stream().filter(t ->
                    t.strategy().equals("hedge") && LocalDate.ofEpochDay(t.exitDay()).getYear() == y).count();
            assertTrue(rolls >= 4, year + ": " + rolls + " hedge trades");
        }
        var hedged = RunOutputs.summarize(r);
        var bare = RunOutputs.summarize(Engines.run(Engines.real(), Engines.spec("buy_and_hold", Map.of()), "2025-12-31"));
        assertTrue(hedged.years().get(0).maxDdPct() < bare.years().get(0).maxDdPct() - 10, "the 2020 drawdown is cut: "
                + hedged.years().get(0).maxDdPct() + " vs " + bare.years().get(0).maxDdPct());
        assertTrue(hedged.cagrPct() < bare.cagrPct(), "and the protection costs return");
    }

    @Test
    void noPositionOpensOnAnExpiryThatWasNotListed() {
        ExpiryCalendar cal = new ExpiryCalendar(Engines.CONF.pricing().listing());
        for (Strategy<?> s : Strategies.all()) {
            for (Trade t : Engines.run(Engines.real(), Engines.spec(s.name(), Map.of()), "2025-12-31").trades()) {
                String[] tok = t.legs().split(" ");
                for (int k = 0; k + 2 < tok.length; k += 4) {
                    if (tok[k + 2].equals("shares")) { k--; continue; }   // "+100 SPY shares" has three tokens
                    int expiry = Dates.of(tok[k + 2]);
                    assertTrue(cal.isListed(Symbol.parse(tok[k + 1]), t.entryDay(), expiry), s.name() + ": " + t);
                    assertTrue(t.exitDay() <= expiry, s.name() + " never holds an option past its expiry: " + t);
                }
            }
        }
    }

    @Test
    void gammaLottoTradesTheEveOfScheduledEventsAndSettlesThere() {
        MarketData md = Engines.real();
        List<Trade> trades = Engines.run(md, Engines.spec("gamma_lotto", Map.of()), "2025-12-31").trades();
        assertTrue(trades.size() > 50, "FOMC, CPI and NFP with listed event-day expiries: " + trades.size());
        int mask = EventType.FOMC.bit() | EventType.CPI.bit() | EventType.NFP.bit();
        for (Trade t : trades) {
            int event = md.schedule().next(t.entryDay(), mask);
            assertEquals(1, NyseCalendar.sessionsBetween(t.entryDay(), event), "entered the session before an event: " + t);
            assertEquals(event, t.exitDay(), "settled on the event day: " + t);
            assertEquals(ExitReason.EXPIRY, t.reason());
        }
        assertTrue(trades.stream().noneMatch(t -> t.entryDay() == Dates.of("2020-03-02")),
                "the emergency cut of 2020-03-03 was not known the day before");
    }

    @Test
    void nakedShortPutsAreMarginedByTheNakedRuleAndSecuredOnesByTheirStrike() {
        List<Leg> put = List.of(Leg.option(Symbol.SPY, 1, 380, false, -1));
        assertTrue(Risk.naked(put));
        assertFalse(Risk.naked(List.of(Leg.option(Symbol.SPY, 1, 380, false, -1), Leg.option(Symbol.SPY, 1, 370, false, 1))));
        MarketData md = Engines.real();
        int t = md.indexOf(Dates.of("2023-06-01"));
        double spot = md.close(Symbol.SPY, t);
        double maxLoss = Risk.maxLoss(put, 300);
        assertEquals(38_000 - 300, maxLoss, 1e-9, "bounded by the strike");
        BacktestSettings b = Engines.CONF.backtest();
        double req = Risk.requirement(put, 300, maxLoss, md, t, b);
        double otm = Math.max(0, spot - 380);
        assertEquals(300 + 100 * Math.max(b.nakedPct() * spot - otm, b.nakedMinPct() * 380), req, 1e-9);
        assertEquals(req, Risk.risk(put, maxLoss, req), "naked: sized and limited by the requirement");
        RunResult csp = Engines.run(md, Engines.spec("cash_secured_put", Map.of()), "2025-12-31");
        assertFalse(csp.trades().isEmpty());
    }
}
