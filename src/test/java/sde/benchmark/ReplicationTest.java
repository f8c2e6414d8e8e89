package sde.benchmark;

import org.junit.jupiter.api.Test;
import sde.backtest.ExitReason;
import sde.backtest.Trade;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.Symbol;
import sde.data.SyntheticMarket;
import sde.pricing.ModelCell;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** Each replica follows its index's published rules (SOURCES.md) on a crafted (synthetic) chain. */
class ReplicationTest {
    private static final SdeConfig CONF = ConfigLoader.load(null, List.of());
    private static final MarketData MD = SyntheticMarket.generate(7, LocalDate.of(2019, 1, 2), LocalDate.of(2021, 12, 31));
    private static final Pattern LEG = Pattern.compile("([+-]\\d+) SPY (\\d{4}-\\d{2}-\\d{2}) ([\\d.]+)([PC])");

    private static Replication.Result run(CboeIndex idx) {
        return new Replication(MD, CONF.pricing(), CONF.backtest(), CONF.benchmark()).run(idx, null);
    }

    @Test
    void rollDatesAreTheThirdFridaysOrTheSessionBefore() {
        assertEquals(Dates.of("2020-01-17"), Cycle.MONTHLY.next(Dates.of("2019-12-31")));
        assertEquals(Dates.of("2020-02-21"), Cycle.MONTHLY.next(Dates.of("2020-01-17")), "strictly after a roll date");
        assertEquals(Dates.of("2025-04-17"), Cycle.MONTHLY.next(Dates.of("2025-04-01")), "Good Friday 2025-04-18: the Thursday");
        assertEquals(Dates.of("2020-03-20"), Cycle.QUARTERLY.next(Dates.of("2019-12-31")));
        assertEquals(Dates.of("2020-01-03"), Cycle.WEEKLY.next(Dates.of("2019-12-31")));
        assertEquals(Dates.of("2021-04-01"), Cycle.WEEKLY.next(Dates.of("2021-03-26")), "Good Friday 2021-04-02");
        assertTrue(Cycle.MONTHLY.isRoll(Dates.of("2020-03-20")));
        assertFalse(Cycle.MONTHLY.isRoll(Dates.of("2020-03-19")));
    }

    @Test
    void putWritesTheStrikeJustBelowTheMorningLevelHeldToExpiryFullyCollateralized() {
        Replication.Result r = run(CboeIndex.PUT);
        assertFalse(r.compared(), "no PUT levels were given: replicated only");
        assertEquals(24, r.trades(), "one put a month, written 2019-12-31 .. 2021-12-17; the last is still open at the data's end");
        for (Trade t : r.tradeLog()) {
            Matcher m = LEG.matcher(t.legs());
            assertTrue(m.find(), t.legs());
            int expiry = Dates.of(m.group(2));
            double strike = Double.parseDouble(m.group(3));
            assertEquals("-1", m.group(1));
            assertEquals("P", m.group(4));
            assertEquals(ExitReason.EXPIRY, t.reason(), "held to expiry (European, as SPX)");
            assertEquals(expiry, t.exitDay());
            assertEquals(Cycle.MONTHLY.next(t.entryDay()), expiry, "expires at the next roll");
            assertEquals(Math.floor(level(t.entryDay())), strike, 0.0, "the listed (1-dollar) strike just below " + level(t.entryDay()));
            // Full collateral: N × strike × 100 is covered by the equity plus the premium received. The
            // equity the count saw is the close's less the new put's move since the morning fill: within 3 %.
            double credit = t.entryCash() / t.units();
            double equity = r.equity()[indexIn(r, t.entryDay())];
            double perUnit = 100 * strike - credit;
            assertTrue(t.units() * perUnit <= equity * 1.03, t + ": the count over-commits the collateral");
            assertTrue((t.units() + 1) * perUnit > equity * 0.97, t + ": collateral left idle");
        }
        // The first put is written at the first decision close on the starting capital: the count exactly.
        Trade first = r.tradeLog().get(0);
        double k = strikes(first.legs())[0];
        assertEquals((int) Math.floor(CONF.benchmark().startingCapital() / (100 * k - first.entryCash() / first.units())), first.units());
    }

    @Test
    void buyWriteHoldsTheSharesAndWritesTheStrikeAtOrAboveOneCallPerHundredShares() {
        Replication.Result r = run(CboeIndex.BXM);
        assertEquals(24, r.trades(), "closed buy-writes: a roll a month, the last still open");
        for (Trade t : r.tradeLog()) {
            assertTrue(t.legs().startsWith("+100 SPY shares"), t.legs());
            Matcher m = LEG.matcher(t.legs());
            assertTrue(m.find(), t.legs());
            assertEquals("-1", m.group(1), "one call per 100 shares");
            assertEquals("C", m.group(4));
            assertEquals(Math.ceil(level(t.entryDay())), Double.parseDouble(m.group(3)), 0.0, "the strike at or above the level");
            // Everything invested: the cash left after the roll buys less than one more unit (the call's
            // move since its morning fill aside: within 1 % of the equity).
            double unitCost = -t.entryCash() / t.units();
            double equity = r.equity()[indexIn(r, t.entryDay())];
            assertTrue(Math.abs(equity - t.units() * unitCost) < unitCost + 0.01 * equity, t.toString());
        }
        Trade first = r.tradeLog().get(0);
        assertEquals((int) Math.floor(CONF.benchmark().startingCapital() / (-first.entryCash() / first.units())), first.units(),
                "the first buy-write invests the starting capital");
    }

    @Test
    void condorStrikesAreOrderedByDeltaAndTheCollarRollsItsPutQuarterly() {
        for (Trade t : run(CboeIndex.CNDR).tradeLog()) {
            double[] k = strikes(t.legs());
            assertEquals(4, k.length, t.legs());
            assertTrue(k[0] < k[1] && k[1] < k[2] && k[2] < k[3], "5-delta put < 20-delta put < 20-delta call < 5-delta call: " + t.legs());
        }
        Replication.Result cll = run(CboeIndex.CLL);
        assertEquals(24, cll.tradeLog().stream().filter(t -> t.tag().equals("collar_call")).count(), "a monthly call");
        assertEquals(8, cll.tradeLog().stream().filter(t -> t.tag().equals("collar_put")).count(),
                "a quarterly put: written 2019-12-31, then each quarter; the one of 2021-12-17 still open");
    }

    @Test
    void aCoveredCallFundRollsOnTheThirdFridayAtTheStrikeAtOrAboveOnItsWholePortfolioNetOfItsFee() {
        Pattern qqq = Pattern.compile("([+-]\\d+) QQQ (\\d{4}-\\d{2}-\\d{2}) ([\\d.]+)([PC])");
        Replication.Result r = run(CboeIndex.QYLD);
        assertEquals(24, r.trades(), "a roll a month from 2019-12-31, the last still open");
        for (Trade t : r.tradeLog()) {
            assertTrue(t.legs().startsWith("+100 QQQ shares"), "the whole portfolio in QQQ, not SPY: " + t.legs());
            Matcher m = qqq.matcher(t.legs());
            assertTrue(m.find(), t.legs());
            assertEquals("-1", m.group(1), "one call written per 100 shares");
            assertEquals("C", m.group(4));
            assertEquals(Cycle.MONTHLY.next(t.entryDay()), Dates.of(m.group(2)), "expires at the next third Friday");
            assertEquals(Math.ceil(level(Symbol.QQQ, t.entryDay())), Double.parseDouble(m.group(3)), 0.0,
                    "QQQ's listed strike at or above");
            if (t.entryDay() != r.tradeLog().get(0).entryDay()) assertTrue(Cycle.MONTHLY.isRoll(t.entryDay()), "rolled on the roll date");
            double unitCost = -t.entryCash() / t.units();
            double equity = r.equity()[indexIn(r, t.entryDay())];
            assertTrue(Math.abs(equity - t.units() * unitCost) < unitCost + 0.01 * equity, "everything invested: " + t);
        }
        // 0.60 % a year accrued daily: the fund's level is its account's, less the fee for the days elapsed.
        for (int i = 0; i < r.days().length; i += 50) {
            double years = (r.days()[i] - r.days()[0]) / 365.0;
            assertEquals(Math.pow(1 - 0.006, years), (r.replica()[i] / r.replica()[0]) / (r.equity()[i] / r.equity()[0]), 1e-9);
        }
        assertEquals(1.0, run(CboeIndex.BXM).replica()[100] / 100 / (run(CboeIndex.BXM).equity()[100] / run(CboeIndex.BXM).equity()[0]),
                1e-12, "an index pays no fee");
    }

    @Test
    void aRunSplitsItsGrossOptionPnlByTheCellEachLegOpenedIn() {
        Replication.Result put = run(CboeIndex.PUT);
        double total = Arrays.stream(put.cellGrossPnl()).sum();
        assertTrue(total > 0);
        double pnl = put.tradeLog().stream().mapToDouble(t -> Math.abs(t.pnl())).sum();
        assertTrue(total >= pnl - 1e-6, "one leg a trade: its |P&L| at least, the open one's marked too");
        for (int c = 0; c < put.cellGrossPnl().length; c++) {
            if (put.cellGrossPnl()[c] == 0) continue;
            ModelCell cell = ModelCell.ofIndex(c);
            assertEquals(Symbol.SPY, cell.symbol());
            assertFalse(cell.call(), "a put index writes puts only: " + cell);
            assertTrue(cell.delta() == ModelCell.DeltaBucket.D40_60 || cell.delta() == ModelCell.DeltaBucket.D25_40,
                    "at the money: " + cell);
            assertTrue(cell.dte() != ModelCell.DteBucket.D0_2 && cell.dte() != ModelCell.DteBucket.D61_UP,
                    "one month: " + cell);
        }
    }

    /**
     * The level the strike rule reads: about 11:00 ET on a roll date (strike_fraction of the way from
     * the open to the close), the close on the first decision day.
     */
    private static double level(int day) {
        return level(Symbol.SPY, day);
    }

    private static double level(Symbol sym, int day) {
        int i = MD.indexOf(day);
        double open = MD.open(sym, i), close = MD.close(sym, i);
        return Cycle.MONTHLY.isRoll(day) ? open + CONF.benchmark().strikeFraction() * (close - open) : close;
    }

    private static double[] strikes(String legs) {
        Matcher m = LEG.matcher(legs);
        List<Double> out = new ArrayList<>();
        while (m.find()) out.add(Double.parseDouble(m.group(3)));
        return out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static int indexIn(Replication.Result r, int day) {
        for (int i = 0; i < r.days().length; i++) if (r.days()[i] == day) return i;
        throw new AssertionError(Dates.format(day));
    }
}
