package sde.backtest;

import org.junit.jupiter.api.Test;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.Symbol;
import sde.data.SyntheticMarket;
import sde.metrics.Summary;
import sde.metrics.YearStats;
import sde.pricing.LiquidityModel;
import sde.pricing.LiquiditySettings;
import sde.strategy.Strategies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** SPEC §2 market capacity: no order beyond what the market traded, every cut counted, no count that wraps or saturates. */
class CapacityTest {
    private static final MarketData MD = SyntheticMarket.generate(7, LocalDate.of(2019, 1, 2), LocalDate.of(2021, 12, 31));

    /** conf's pricing with the liquidity model's per-share ratios set (a thin or a deep market). */
    private static SdeConfig conf(double contractsPerShare, String... more) {
        String r = "{SPY: " + contractsPerShare + ", QQQ: " + contractsPerShare + ", IWM: " + contractsPerShare + "}";
        List<String> sets = new ArrayList<>(List.of("pricing.liquidity.contracts_per_share=" + r,
                "pricing.liquidity.open_interest_per_share=" + r));
        sets.addAll(List.of(more));
        return ConfigLoader.load(null, sets);
    }

    private static RunResult run(SdeConfig cfg, String strategy, Map<String, ?> params, double capital) {
        RunSpec spec = new RunSpec(List.of(new RunSpec.SlotSpec(strategy, strategy, 1.0,
                Strategies.get(strategy).space().resolve(params, ""))),
                cfg.backtest().toBuilder().startingCapital(capital).build(), "2020-01-01", "2021-12-31");
        return Engine.of(MD, cfg.pricing()).run(spec);
    }

    @Test
    void aThinMarketCutsEachOrderToItsParticipationAndTheCutIsCounted() {
        SdeConfig thin = conf(0.005);
        RunResult r = run(thin, "credit_spread", Map.of("side", "put", "max_positions", 1, "entry_every", 5, "risk_pct", 0.2), 1_000_000);
        LiquidityModel liquidity = new LiquidityModel(MD, thin.pricing().liquidity());
        var chain = thin.pricing().modelChain(MD);
        assertFalse(r.trades().isEmpty());
        for (Trade t : r.trades()) {
            assertTrue(t.capacityBound(), "a million-dollar account in a market this thin is always cut: " + t);
            // Each leg's order is within participation × its contract's modeled volume that day (and its open-interest share).
            String[] legs = t.legs().split(" ");   // "-1 SPY 2020-02-21 310P +1 SPY 2020-02-21 305P"
            int in = MD.indexOf(t.entryDay()), expiry = Dates.of(legs[2]);
            long cap = Long.MAX_VALUE;
            for (int k = 0; k < 2; k++) {
                double strike = Double.parseDouble(legs[3 + 4 * k].replace("P", ""));
                var q = chain.quote(Symbol.SPY, in, expiry, strike, false);
                LiquiditySettings ls = thin.pricing().liquidity();
                double vol = liquidity.volume(Symbol.SPY, in, expiry - t.entryDay(), Math.abs(q.delta()), false);
                double oi = liquidity.openInterest(Symbol.SPY, in, expiry - t.entryDay(), Math.abs(q.delta()), false);
                cap = Math.min(cap, (long) Math.floor(Math.min(ls.participation() * vol, ls.openInterestShare() * oi)));
            }
            assertEquals(cap, t.units(), "cut to exactly what the market could fill: " + t);
        }
        Summary s = RunOutputs.summarize(r);
        assertEquals(r.trades().size() + r.refusedOrderDays().length, s.capacityBoundTrades());
        assertEquals(s.capacityBoundTrades(), s.years().stream().mapToInt(YearStats::capacityBoundTrades).sum());
    }

    @Test
    void aDeepMarketLeavesTheSameOrderAlone() {
        RunResult r = run(conf(1000), "credit_spread", Map.of("side", "put", "max_positions", 1, "entry_every", 5, "risk_pct", 0.2),
                1_000_000);
        assertFalse(r.trades().isEmpty());
        assertTrue(r.trades().stream().noneMatch(Trade::capacityBound));
        assertEquals(0, RunOutputs.summarize(r).capacityBoundTrades());
    }

    @Test
    void anOrderBeyondIntRangeIsCappedByCapacityNotWrappedOrSaturated() {
        // A quadrillion-dollar account sizes a debit spread at ~1e12 contracts: an int would wrap or saturate
        // at 2,147,483,647; the market's capacity cuts it to what traded.
        RunResult spread = run(conf(0.05), "debit_spread", Map.of("symbol", "SPY", "risk_pct", 0.2), 1e15);
        assertFalse(spread.trades().isEmpty());
        for (Trade t : spread.trades()) {
            assertTrue(t.units() > 0 && t.units() < 10_000_000, "capped by capacity: " + t.units());
            assertTrue(t.capacityBound());
        }
        assertTrue(spread.trades().stream().noneMatch(t -> t.units() == Integer.MAX_VALUE));
    }

    @Test
    void thePositionLimitCountsBothSidesOfAnUnderlying() {
        // A limit of 5 contracts a side: a one-contract-wide put spread (short put, long put) holds at most 5.
        SdeConfig limited = conf(1000, "pricing.liquidity.position_limits={SPY: 5, QQQ: 5, IWM: 5}");
        RunResult r = run(limited, "credit_spread", Map.of("side", "put", "max_positions", 3, "entry_every", 1, "risk_pct", 0.2),
                1_000_000);
        assertFalse(r.trades().isEmpty());
        assertTrue(r.trades().stream().allMatch(t -> t.units() <= 5), "no position beyond the limit");
        assertTrue(r.refusedOrderDays().length > 0, "orders with no room left are refused, and counted");
    }

    @Test
    void participationAndOpenInterestShareMustBeShares() {
        for (String bad : List.of("pricing.liquidity.participation=0", "pricing.liquidity.participation=1.5",
                "pricing.liquidity.open_interest_share=0", "pricing.liquidity.open_interest_share=-0.1")) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> ConfigLoader.load(null, List.of(bad)));
            String key = bad.substring(0, bad.indexOf('=')).replace("pricing.liquidity.", "");
            assertTrue(e.getMessage().contains(key) && e.getMessage().contains("(0, 1]"), e.getMessage());
        }
    }
}
