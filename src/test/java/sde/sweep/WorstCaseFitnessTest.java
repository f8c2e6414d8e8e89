package sde.sweep;

import org.junit.jupiter.api.Test;
import sde.backtest.Engine;
import sde.backtest.Engines;
import sde.backtest.RunSpec;
import sde.data.MarketData;
import sde.data.Symbol;
import sde.data.SyntheticMarket;
import sde.io.Json;
import sde.pricing.PricingSettings;
import sde.pricing.SurfaceSettings;
import sde.results.Feasibility;
import sde.results.Objective;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * SPEC §4: the search ranks by the objective at its worst over the model's centre and its band's two edges. On a crafted
 * (synthetic) market whose IWM cells have no evidence, so their band is wide, and whose SPY cells are vouched for
 * exactly (a band of zero), a buyer of IWM calls that leads on the centre's figures falls behind on the worst case,
 * while a SPY strategy keeps its figures and its rank.
 */
class WorstCaseFitnessTest {
    private static final MarketData MD = SyntheticMarket.generate(7, LocalDate.of(2019, 1, 2), LocalDate.of(2022, 12, 31));

    /** conf's pricing with SPY's band closed and IWM's wide open: SPY verified exactly, IWM unverified. */
    static PricingSettings crafted() {
        PricingSettings p = Engines.CONF.pricing();
        Map<String, SurfaceSettings.Band> bands = new HashMap<>(p.surface().bands());
        List<Double> zero = List.of(0.0, 0.0, 0.0, 0.0, 0.0);
        bands.put("SPY", new SurfaceSettings.Band(zero, zero));
        bands.put("IWM", new SurfaceSettings.Band(List.of(-0.6, -0.6, -0.6, -0.6, -0.6), List.of(0.9, 0.9, 0.9, 0.9, 0.9)));
        return new PricingSettings(p.listing(), p.surface().withBands(bands), p.quotes(), p.fills(), p.liquidity());
    }

    static Evaluation evaluate(Engine engine, String strategy, Map<String, ?> params) {
        Scoring scoring = new Scoring(null, Engines.CONF.specs(), List.of(2020, 2021), List.of(2022, 2022),
                new Feasibility(Objective.SCORE, 100, 0));
        RunSpec spec = Engines.spec(strategy, params);
        spec = new RunSpec(spec.strategies(), spec.backtest(), "2020-01-01", "2022-12-31");
        String text = Json.compact(spec.toJson());
        return new TrialRunner(engine, scoring).evaluate(Trial.ofParams("t", 0, "given", strategy, text));
    }

    @Test
    void aBuyerOfUnvouchedCallsLeadsOnTheCentreButNotOnTheWorstCaseAndAVouchedStrategyKeepsItsRank() {
        Engine engine = Engine.of(MD, crafted());
        Evaluation lottery = evaluate(engine, "long_option",
                Map.of("symbol", "IWM", "direction", "call", "dte", 7, "delta", 0.15, "signal", "momentum"));
        Evaluation spread = evaluate(engine, "credit_spread", Map.of("symbol", "SPY"));
        assertNull(lottery.error());
        assertNull(spread.error());
        // On the centre's figures the calls lead by far ...
        assertTrue(lottery.figures().trainScore() > 2 * spread.figures().trainScore(),
                lottery.figures().trainScore() + " vs " + spread.figures().trainScore());
        // ... but the search ranks by the worst case: IWM's dearest edge, where the calls were bought dear.
        assertEquals("high", lottery.figures().worstSurface());
        assertTrue(lottery.fitness() < spread.fitness(), lottery.fitness() + " vs " + spread.fitness());
        assertTrue(Feasibility.compare(spread.fitness(), spread.violation(), lottery.fitness(), lottery.violation()) < 0,
                "the vouched spread ranks first");
        // SPY's band is closed: its worst case is its centre, to the bit.
        assertEquals("centre", spread.figures().worstSurface());
        assertEquals(spread.figures().trainScore(), spread.fitness(), 0.0);
        assertEquals(spread.figures().score(), spread.figures().scoreWorst(), 0.0);
        // The row records both: the centre's years with the worst surface's return and drawdown beside them.
        var years = lottery.toRow(1).years();
        assertEquals(3, years.size());
        assertTrue(years.stream().allMatch(y -> y.returnPctWorst() != null && y.maxDdPctWorst() != null));
        assertTrue(years.get(0).returnPctWorst() < years.get(0).returnPct(), years.get(0).toString());
        assertEquals(lottery.figures().scoreWorst(), lottery.toRow(1).scoreWorst(), 0.0);
    }

    @Test
    void theWorstCaseIsNeverAboveTheCentreAndTheSameTrialGivesTheSameFigures() {
        Engine engine = Engine.of(MD, crafted());
        for (var params : List.<Map<String, Object>>of(Map.of("symbol", "IWM", "direction", "both", "dte", 30, "signal", "breakout"),
                Map.of("symbol", "QQQ", "direction", "call", "dte", 14, "delta", 0.3))) {
            Evaluation a = evaluate(engine, "long_option", params), b = evaluate(Engine.of(MD, crafted()), "long_option", params);
            assertTrue(a.fitness() <= a.figures().trainScore(), params.toString());
            assertEquals(a.figures(), b.figures(), "SPEC §6: evaluated twice, the same numbers");
        }
    }
}
