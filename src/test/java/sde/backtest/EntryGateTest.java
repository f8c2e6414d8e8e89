package sde.backtest;

import org.junit.jupiter.api.Test;
import sde.data.Dates;
import sde.param.ParamSpace;
import sde.param.Params;
import sde.strategy.Action;
import sde.strategy.MarketView;
import sde.strategy.PortfolioView;
import sde.strategy.PositionView;
import sde.strategy.PricedSignal;
import sde.strategy.Signal;
import sde.strategy.Strategies;
import sde.strategy.Strategy;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The entry gate changes what is priced, never what is traded: every strategy at its defaults on
 * the real data gives the same equity curve and trades with its gate as with a gate that always
 * opens, and the one-position-at-a-time strategies price less while they hold.
 */
class EntryGateTest {
    private static <P> RunResult run(Strategy<P> s, boolean gated) {
        Params p = s.space().resolve(Map.of(), "");
        Strategy<P> used = gated ? s : new Ungated<>(s);
        return Engines.backtester(Engines.real(), Engines.CONF.backtest()).run(List.of(Slot.of(s.name(), used, p, 1.0)),
                Dates.of("2020-01-01"), Dates.of("2025-12-31"));
    }

    @Test
    void everyStrategyTradesTheSameWithItsGateAndPricesNoMore() {
        for (Strategy<?> s : Strategies.all()) {
            RunResult gated = run(s, true), open = run(s, false);
            assertArrayEquals(open.equity(), gated.equity(), s.name() + ": the gate must agree with its sizing");
            assertEquals(open.trades(), gated.trades(), s.name());
            assertTrue(gated.pricings() <= open.pricings(), s.name());
        }
    }

    @Test
    void aHoldingCoveredCallOrHedgePricesNothingForEntries() {
        for (String name : List.of("covered_call", "hedge_overlay")) {
            Strategy<?> s = Strategies.get(name);
            RunResult gated = run(s, true), open = run(s, false);
            assertTrue(gated.pricings() < open.pricings(), name + ": " + gated.pricings() + " vs " + open.pricings());
        }
    }
}
