package sde.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import sde.data.Dates;
import sde.data.MarketData;
import sde.regime.Regime;
import sde.regime.RegimeClassifier;
import sde.strategy.Strategies;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Regime-conditional weights in the backtester. */
class RegimeAllocationTest {
    private static final Map<String, Double> CALM_ONLY = Map.of("CRASH", 0.0, "HIGH_VOL", 0.0, "BEAR", 0.0);

    private static RunSpec spec(String onSwitch) {
        var p = Strategies.get("credit_spread").space().resolve(Map.of("entry_every", 1), "");
        return new RunSpec(List.of(new RunSpec.SlotSpec("cs", "credit_spread", 1.0, p)), Engines.CONF.backtest(), "2020-01-01",
                "2025-12-31", new RegimeSpec(Engines.CONF.regime(), Map.of("cs", CALM_ONLY), onSwitch));
    }

    private static RunResult run(MarketData md, RunSpec spec) {
        return Engines.backtester(md, spec.backtest()).run(spec.slots(), spec.regime(), Dates.of(spec.from()), Dates.of(spec.to()));
    }

    @Test
    void weightsOfARegimeMultiplyAndScaleDownToAtMostOne() {
        double[] base = {0.8, 0.8}, out = new double[2];
        double[][] mult = {{1, 0.5}, {1, 0}};
        RegimeSpec.effective(base, mult, 0, out);
        assertArrayEquals(new double[]{0.5, 0.5}, out, 1e-12, "1.6 in total: scaled to 1");
        RegimeSpec.effective(base, mult, 1, out);
        assertArrayEquals(new double[]{0.4, 0.0}, out, 1e-12, "0.4 in total: kept");
        assertThrows(IllegalArgumentException.class, () -> new RegimeSpec(Engines.CONF.regime(), Map.of("a", Map.of("BULL", 1.5)), "keep"));
        assertThrows(IllegalArgumentException.class, () -> new RegimeSpec(Engines.CONF.regime(), Map.of("a", Map.of("BULLISH", 1.0)),
                "keep"));
        assertThrows(IllegalArgumentException.class, () -> new RegimeSpec(Engines.CONF.regime(), Map.of(), "sell"));
    }

    @Test
    void noPositionOpensInARegimeWhereTheStrategyIsOff() {
        MarketData md = Engines.real();
        RegimeClassifier.Labels l = RegimeClassifier.classify(md, Engines.CONF.regime());
        RunResult r = run(md, spec("keep"));
        assertFalse(r.trades().isEmpty());
        for (Trade t : r.trades()) {
            Regime at = l.at(md.indexOf(t.entryDay()));
            assertFalse(at == Regime.CRASH || at == Regime.HIGH_VOL || at == Regime.BEAR, t + " opened in " + at);
        }
    }

    @Test
    void onSwitchCloseClosesWhenTheWeightDropsToZero() {
        MarketData md = Engines.real();
        RegimeClassifier.Labels l = RegimeClassifier.classify(md, Engines.CONF.regime());
        RunResult r = run(md, spec("close"));
        List<Trade> switched = r.trades().stream().filter(t -> t.reason() == ExitReason.REGIME_SWITCH).toList();
        assertFalse(switched.isEmpty(), "2020 and 2022 switch the strategy off");
        for (Trade t : switched) {
            int i = md.indexOf(t.exitDay());
            Regime now = l.at(i), before = l.at(i - 1);
            assertTrue(now == Regime.CRASH || now == Regime.HIGH_VOL || now == Regime.BEAR, "closed on a switch to " + now);
            assertFalse(before == Regime.CRASH || before == Regime.HIGH_VOL || before == Regime.BEAR, "the day before it was on");
        }
        assertTrue(run(md, spec("keep")).trades().stream().noneMatch(t -> t.reason() == ExitReason.REGIME_SWITCH));
    }

    @Test
    void regimeRunsAreTruncationInvariant() {
        MarketData md = Engines.real();
        RunSpec spec = spec("close");
        RunResult full = run(md, spec);
        int cut = md.indexOf(Dates.of("2020-03-12"));
        RunResult part = run(md.slice(0, cut + 1), spec);
        for (int i = 0; i < part.days().length; i++) assertEquals(full.equity()[i], part.equity()[i], 0.0);
        assertEquals(full.trades().stream().filter(t -> t.exitDay() <= Dates.of("2020-03-12")).toList(), part.trades());
    }

    @Test
    void theRegimeTravelsInTheParamsFile() throws Exception {
        RunSpec spec = spec("close");
        ObjectMapper m = new ObjectMapper();
        RunSpec back = Engines.CONF.specs().read(spec.toJson(), "test");
        assertEquals(spec.regime(), back.regime());
        assertEquals(spec.id("x", "m"), back.id("x", "m"));
    }
}
