package sde.backtest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.Symbol;
import sde.metrics.Summary;
import sde.pricing.LiquidityModel;
import sde.pricing.Quote;
import sde.strategy.Leg;
import sde.strategy.Strategies;
import sde.strategy.Strategy;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The engine on the real data: causality, accounting, the baseline against the market, determinism. */
class BacktesterTest {

    static Stream<String> allStrategies() {
        return Strategies.all().stream().map(Strategy::name);
    }

    @ParameterizedTest
    @MethodSource("allStrategies")
    void truncationInvariance(String strategy) {
        // SPEC §2: the run on data cut after T has the same trades and equity up to T as the full
        // run. A peek at day T+1 can only change decisions made on T itself, so T is taken on the
        // days the full run opened positions (each decision is replayed with data ending that day),
        // plus a fixed mid-run date.
        MarketData md = Engines.real();
        RunSpec spec = Engines.spec(strategy, Map.of());
        RunResult full = Engines.run(md, spec, "2025-12-31");
        TreeSet<Integer> cuts = new TreeSet<>(List.of(Dates.of("2022-06-15")));
        full.trades().stream().map(Trade::entryDay).distinct().limit(8).forEach(cuts::add);
        for (int day : cuts) {
            int cut = md.indexOf(day);
            if (cut <= md.indexOf(Dates.of("2019-12-31"))) continue;
            RunResult part = Engines.run(md.slice(0, cut + 1), spec, "2025-12-31");
            int n = part.days().length;
            assertEquals(day, part.days()[n - 1]);
            for (int i = 0; i < n; i++) {
                assertEquals(full.equity()[i], part.equity()[i], 0.0,
                        strategy + " equity differs on day " + i + " with data cut at " + Dates.format(day));
            }
            List<Trade> before = full.trades().stream().filter(t -> t.exitDay() <= day).toList();
            assertEquals(before, part.trades(), strategy + " trades differ with data cut at " + Dates.format(day));
        }
    }

    @ParameterizedTest
    @MethodSource("allStrategies")
    void accountingIdentities(String strategy) {
        RunResult r = Engines.run(Engines.real(), Engines.spec(strategy, Map.of()), "2025-12-31");
        double sumPnl = r.trades().stream().mapToDouble(Trade::pnl).sum();
        int last = r.equity().length - 1;
        assertEquals(r.equity()[last], r.startingCapital() + sumPnl + r.openPnlAtEnd() + r.interest()[last], 1e-6,
                "capital + closed P&L + open P&L + interest = final equity");
        for (int i = 0; i < r.equity().length; i++) {
            double sum = r.startingCapital() + r.interest()[i];
            for (double[] c : r.contribution()) sum += c[i];
            assertEquals(r.equity()[i], sum, 1e-6, "equity = capital + strategies' cash flows and marks, day " + i);
        }
        for (Trade t : r.trades()) assertEquals(t.entryCash() + t.exitCash(), t.pnl(), 1e-9);
    }

    @Test
    void feesAreChargedOncePerFill() {
        RunResult r = Engines.run(Engines.real(), Engines.spec("credit_spread", Map.of()), "2025-12-31");
        double perContract = Engines.CONF.pricing().fills().commissionPerContract() + Engines.CONF.pricing().fills().feesPerContract();
        assertFalse(r.trades().isEmpty());
        for (Trade t : r.trades()) {
            int fills = t.reason() == ExitReason.EXPIRY ? 1 : 2;   // entry, and exit unless settled at expiry
            assertEquals(fills * 2 * t.units() * perContract, t.costs(), 1e-9, t.toString());
        }
    }

    @Test
    void buyAndHoldEarnsSpysTotalReturnEachYear() {
        // SPEC §2: year-end Adj Close ratios, within the cash left over by whole shares.
        Summary s = RunOutputs.summarize(Engines.run(Engines.real(), Engines.spec("buy_and_hold", Map.of()), "2025-12-31"));
        MarketData md = Engines.real();
        for (var y : s.years()) {
            double end = md.adjClose(Symbol.SPY, md.indexOnOrBefore(Dates.of(y.year() + "-12-31")));
            double start = md.adjClose(Symbol.SPY, md.indexOnOrBefore(Dates.of((y.year() - 1) + "-12-31")));
            assertEquals(100 * (end / start - 1), y.returnPct(), 0.10, "year " + y.year());
        }
        assertEquals(18.33, 100 * (md.adjClose(Symbol.SPY, md.indexOf(Dates.of("2020-12-31")))
                / md.adjClose(Symbol.SPY, md.indexOf(Dates.of("2019-12-31"))) - 1), 0.005);
        assertEquals(-18.18, s.years().get(2).returnPct(), 0.10);
    }

    @Test
    void twoSpreadTradesByHand() {
        // One bull put spread at a time, entered daily, held to its target/stop/DTE exit. The first
        // two trades' cash is rebuilt here from the quotes with the fill rule written out by hand: the
        // two legs fill as one order, at the net mid less combo_spread_share of the summed half-spreads
        // and each leg's square-root impact (SPEC §2), the slippage once, and commissions and fees per contract.
        MarketData md = Engines.real();
        RunSpec spec = Engines.spec("credit_spread", Map.of("side", "put", "max_positions", 1, "entry_every", 1));
        RunResult r = Engines.run(md, spec, "2020-12-31");
        var chain = Engines.backtester(md, spec.backtest());
        var fills = Engines.CONF.pricing().fills();
        var model = Engines.CONF.pricing().modelChain(md);
        var liquidity = new LiquidityModel(md, Engines.CONF.pricing().liquidity());
        double k = Engines.CONF.pricing().liquidity().impactCoefficient();
        double share = fills.comboSpreadShare(), slip = fills.slippagePerShare();
        double perOrderCosts = 2 * (fills.commissionPerContract() + fills.feesPerContract());
        for (Trade t : r.trades().subList(0, 2)) {
            String[] legs = t.legs().split(" ");   // "-1 SPY 2020-02-21 310P +1 SPY 2020-02-21 305P"
            int expiry = Dates.of(legs[2]);
            double kShort = Double.parseDouble(legs[3].replace("P", "")), kLong = Double.parseDouble(legs[7].replace("P", ""));
            int in = md.indexOf(t.entryDay()), out = md.indexOf(t.exitDay());
            Quote sIn = model.quote(Symbol.SPY, in, expiry, kShort, false), lIn = model.quote(Symbol.SPY, in, expiry, kLong, false);
            double impactIn = impact(k, sIn, t.units(), liquidity.volume(Symbol.SPY, in, expiry - t.entryDay(), Math.abs(sIn.delta()),
                    false))
                    + impact(k, lIn, t.units(), liquidity.volume(Symbol.SPY, in, expiry - t.entryDay(), Math.abs(lIn.delta()), false));
            double halfIn = share * (sIn.spread() + lIn.spread()) / 2 + impactIn;
            double perUnitIn = (sIn.mid() - lIn.mid() - halfIn - slip) * 100 - perOrderCosts;
            assertEquals(t.units() * perUnitIn, t.entryCash(), 1e-6,
                    "entry: the net mid credit less the combo half-spread, impact and one slippage");
            assertTrue(impactIn > 0, "a fill pays impact");
            Quote sOut = model.quote(Symbol.SPY, out, expiry, kShort, false), lOut = model.quote(Symbol.SPY, out, expiry, kLong, false);
            double impactOut = impact(k, sOut, t.units(), liquidity.volume(Symbol.SPY, out, expiry - t.exitDay(), Math.abs(sOut.delta()),
                    false))
                    + impact(k, lOut, t.units(), liquidity.volume(Symbol.SPY, out, expiry - t.exitDay(), Math.abs(lOut.delta()), false));
            double halfOut = share * (sOut.spread() + lOut.spread()) / 2 + impactOut;
            double perUnitOut = -(sOut.mid() - lOut.mid() + halfOut + slip) * 100 - perOrderCosts;
            assertEquals(ExitReason.STRATEGY, t.reason());
            assertEquals(t.units() * perUnitOut, t.exitCash(), 1e-6,
                    "exit: the net mid debit plus the combo half-spread, impact and one slippage");
            assertNotNull(chain);
        }
        assertTrue(r.trades().get(1).entryDay() >= r.trades().get(0).exitDay(), "one position at a time");
    }

    @Test
    void sameParamsSameDataSameResult() {
        RunSpec spec = Engines.spec("iron_condor", Map.of("sizing", "kelly_half"));
        RunResult a = Engines.run(Engines.real(), spec, "2025-12-31"), b = Engines.run(Engines.real(), spec, "2025-12-31");
        assertArrayEquals(a.equity(), b.equity());
        assertEquals(a.trades(), b.trades());
        assertEquals(spec.id("x", "m"), Engines.spec("iron_condor", Map.of("sizing", "kelly_half")).id("x", "m"), "stable id");
    }

    @Test
    void maxLossAndRequirementFollowTheWrittenRule() {
        List<Leg> putSpread = List.of(Leg.option(Symbol.SPY, 1, 400, false, -1), Leg.option(Symbol.SPY, 1, 395, false, 1));
        assertEquals(500 - 120, Risk.maxLoss(putSpread, 120), 1e-9, "width × 100 − credit");
        List<Leg> nakedCall = List.of(Leg.option(Symbol.SPY, 1, 400, true, -1));
        assertEquals(Double.POSITIVE_INFINITY, Risk.maxLoss(nakedCall, 200));
        List<Leg> coveredCall = List.of(Leg.shares(Symbol.SPY, 100), Leg.option(Symbol.SPY, 1, 400, true, -1));
        assertEquals(390 * 100 - 200, Risk.maxLoss(coveredCall, -390 * 100 + 200), 1e-9, "the shares can go to zero");
        assertEquals(Double.POSITIVE_INFINITY, Risk.maxLoss(List.of(Leg.shares(Symbol.SPY, -1)), 400), "short shares");
    }

    /** SPEC §2's square-root impact per share, written out: coefficient × half-spread × √(contracts / daily volume). */
    private static double impact(double coefficient, Quote q, int contracts, double dailyVolume) {
        return coefficient * q.spread() / 2 * Math.sqrt(contracts / Math.max(1, dailyVolume));
    }

    @Test
    void everyExitReasonReadsBackFromTheWordsTradesCsvCarries() {
        // trades.csv's reason column is the file's own words; a reader of old files gets the same constants back.
        for (ExitReason r : ExitReason.values()) assertEquals(r, ExitReason.of(r.toString()));
        assertEquals("strategy exit", ExitReason.STRATEGY.toString());
        assertThrows(IllegalArgumentException.class, () -> ExitReason.of("expired"));
    }
}
