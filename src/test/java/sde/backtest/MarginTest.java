package sde.backtest;

import org.junit.jupiter.api.Test;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.Symbol;
import sde.metrics.Summary;
import sde.strategy.Leg;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** SPEC §3: margin is a daily fact; a margin call closes the largest requirement first; ruin ends the run; no metric is NaN. */
class MarginTest {
    /** A naked put at its declared maximum size: what Reg-T margin must carry or call. */
    private static RunSpec maxedNakedPut() {
        return Engines.spec("naked_put", Map.of("risk_pct", 1.0, "max_positions", 20, "entry_every", 1, "stop_loss", 5.0,
                "short_delta", 0.45));
    }

    @Test
    void theRequirementIsRecomputedByTheWrittenRule() {
        MarketData md = Engines.real();
        int t = md.indexOf(Dates.of("2021-06-01"));
        double spot = md.close(Symbol.SPY, t);   // 419.67
        BacktestSettings b = Engines.CONF.backtest();
        double kPut = Math.floor(spot - 10), kCall = Math.ceil(spot + 10);
        // A short strangle, 2 units: the greater side's naked requirement plus the other side's mark.
        List<Leg> strangle = List.of(Leg.option(Symbol.SPY, Dates.of("2021-07-16"), kPut, false, -1),
                Leg.option(Symbol.SPY, Dates.of("2021-07-16"), kCall, true, -1));
        double[] marks = {3.0, 2.5};
        double putSide = 2 * 100 * (3.0 + Math.max(0.20 * spot - (spot - kPut), 0.10 * kPut));
        double callSide = 2 * 100 * (2.5 + Math.max(0.20 * spot - (kCall - spot), 0.10 * spot));
        double expected = Math.max(putSide + 2 * 100 * 2.5, callSide + 2 * 100 * 3.0);
        assertEquals(expected, Risk.maintenance(strangle, new boolean[]{true, true}, marks, 2, 0, 0, Double.POSITIVE_INFINITY, md, t, b),
                1e-9, "the greater side plus the other side's premium, not both sides");
        // The same put alone, cash-secured: never under its strike × 100.
        List<Leg> put = List.of(strangle.get(0));
        assertEquals(100 * kPut, Risk.maintenance(put, new boolean[]{true}, new double[]{3.0}, 1, 100 * kPut, 100 * kPut,
                100 * kPut, md, t, b), 1e-9);
        // A $5 put spread: its width, whatever the marks.
        List<Leg> spread = List.of(Leg.option(Symbol.SPY, Dates.of("2021-07-16"), kPut, false, -1),
                Leg.option(Symbol.SPY, Dates.of("2021-07-16"), kPut - 5, false, 1));
        assertEquals(3 * 380.0, Risk.maintenance(spread, new boolean[]{true, true}, new double[]{9.0, 6.0}, 3, 3 * 380.0, 0, 3 * 380.0,
                md, t, b), 1e-9);
        // Naked (no floor), its mark up from 3 to 30 after a vol spike: the requirement follows the mark.
        double spiked = Risk.maintenance(put, new boolean[]{true}, new double[]{30.0}, 1, 0, 0, 100 * kPut, md, t, b);
        assertEquals(100 * (30.0 + Math.max(0.20 * spot - (spot - kPut), 0.10 * kPut)), spiked, 1e-9);
        assertEquals(spiked - 100 * 27.0, Risk.maintenance(put, new boolean[]{true}, new double[]{3.0}, 1, 0, 0, 100 * kPut, md, t, b),
                1e-9);
    }

    @Test
    void aCrashCallsMarginAtTheCloseLargestRequirementFirst() {
        MarketData md = Engines.real();
        int crash = md.indexOf(Dates.of("2021-03-01"));
        MarketData shocked = md.shocked(crash, 0.80, 3, 5);   // −20 % for good, vol indices × 3 for a week
        RunResult r = Engines.run(shocked, maxedNakedPut(), "2021-12-31");
        List<Trade> calls = r.trades().stream().filter(t -> t.reason() == ExitReason.MARGIN_CALL).toList();
        assertFalse(calls.isEmpty(), "the maxed naked puts are called");
        // At the crash's close the strategy's own stops go first (they run before the margin check);
        // what they leave is called there or in the week of tripled vol that follows: nothing held into
        // the crash outlives that week. (Which of the two ends a position depends on the path: sizes cut
        // by the market's capacity and impact move which positions are open when.)
        List<Trade> heldIntoCrash = r.trades().stream().filter(t -> t.entryDay() < shocked.day(crash)
                && t.exitDay() >= shocked.day(crash)).toList();
        assertFalse(heldIntoCrash.isEmpty(), "positions were open at the crash");
        for (Trade t : heldIntoCrash) {
            assertTrue(t.exitDay() <= shocked.day(crash + 5), t.toString());
            assertTrue(t.reason() == ExitReason.MARGIN_CALL || t.reason() == ExitReason.STRATEGY, t.toString());
            assertTrue(t.pnl() < 0, "closed at a loss: " + t);
        }
        for (Trade t : calls) {
            if (t.exitDay() >= shocked.day(crash) && t.exitDay() <= shocked.day(crash + 5)) assertTrue(t.pnl() < 0, t.toString());
        }
        Summary s = RunOutputs.summarize(r);
        assertTrue(s.finalEquity() > 0, "called, not ruined: " + s.finalEquity());
    }

    @Test
    void ruinEndsTheRunAtZeroWithFiniteMetrics() {
        MarketData md = Engines.real();
        int crash = md.indexOf(Dates.of("2021-03-01"));
        MarketData wiped = md.shocked(crash, 0.30, 3, 5);   // −70 %: the naked puts lose several times the account
        RunResult r = Engines.run(wiped, maxedNakedPut(), "2021-12-31");
        int first = -1;
        for (int i = 0; i < r.equity().length; i++) {
            if (r.equity()[i] == 0 && first < 0) first = i;
            if (first >= 0) assertEquals(0.0, r.equity()[i], 0.0, "every session after ruin is at 0");
        }
        assertEquals(wiped.day(crash), r.days()[first], "ruined on the crash's close");
        assertTrue(r.trades().stream().noneMatch(t -> t.entryDay() > wiped.day(crash)), "nothing trades after ruin");
        Summary s = RunOutputs.summarize(r);
        assertEquals(-100.0, s.cagrPct(), 1e-9);
        assertEquals(100.0, s.maxDdPct(), 1e-9);
        assertEquals(-100.0, s.years().get(s.years().size() - 1).returnPct(), 1e-9, "2021 ends at 0");
        for (double x : new double[]{s.sharpe(), s.sortino(), s.calmar(), s.score()}) assertTrue(Double.isFinite(x), s.toString());
    }
}
