package sde.benchmark;

import org.junit.jupiter.api.Test;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.RawSeries;
import sde.data.Symbol;
import sde.data.SyntheticMarket;
import sde.io.ConfigException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A fund that writes one-session calls each morning, declared in conf alone, replicated on a crafted (synthetic) market. */
class DailyFundReplicaTest {
    private static final SdeConfig CONF = ConfigLoader.load(null, List.of());
    private static final MarketData MD = SyntheticMarket.generate(7, LocalDate.of(2019, 1, 2), LocalDate.of(2021, 12, 31));

    private static DailyFundReplica replica(SdeConfig conf) {
        return new DailyFundReplica(MD, conf.pricing(), conf.benchmark(), DailyFundReplica.SessionOpens.of(MD, Map.of()));
    }

    private static DailyFund fund(String rule, double level, double share) {
        return new DailyFund("QQQ", "session", new DailyFund.StrikeRule(rule, level), share, 0.95, "2020-03-02", 0);
    }

    @Test
    void aFundAddedToConfAloneIsReplicatedFromItsFirstDateSessionBySession() {
        BenchmarkSettings b = CONF.benchmark();
        Map<String, DailyFund> funds = new HashMap<>(b.dailyFunds());
        funds.put("MYDTE", fund("otm_pct", 0.005, 1.0));
        BenchmarkSettings mine = new BenchmarkSettings(b.indices(), b.startingCapital(), b.maxBuyingPower(), b.collateralMultiple(),
                b.earlyAssignment(), b.expirySettlement(), b.strikeFraction(), b.morningFraction(), b.firstYear(), b.fitParams(),
                b.levelGrid(), b.levelMinSe(), b.levelPriorSe(), funds, b.sessionVarianceLeft());
        DailyFundReplica r = new DailyFundReplica(MD, CONF.pricing(), mine, DailyFundReplica.SessionOpens.of(MD, Map.of()));
        Replication.Result res = r.run("MYDTE", mine.dailyFunds().get("MYDTE"), null);
        assertEquals("2020-03-02", res.from());
        assertEquals(Dates.format(MD.lastDay()), res.to());
        int sessions = MD.size() - MD.indexOf(Dates.of("2020-03-02")) - 1;
        assertEquals(sessions, res.trades(), "one write a session after the first close");
        assertTrue(res.years().get(0).partial(), "the fund's first year starts inside it");
        assertFalse(res.compared());
    }

    @Test
    void aUsersConfigFileMayDeclareAFundBesideConfsOwn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("mine.yaml");
        java.nio.file.Files.writeString(file, "benchmark:\n  daily_funds:\n    MYDTE: {symbol: IWM, roll: session,"
                + " strike_rule: {kind: sigma, level: 0.6}, share_written: 0.8, fee_pct: 0.5, first_date: 2020-06-01,"
                + " long_side_yield_pct: 1.0}\n");
        SdeConfig conf = ConfigLoader.load(file, List.of());
        assertEquals(Symbol.IWM, conf.benchmark().dailyFunds().get("MYDTE").underlying());
        assertTrue(conf.benchmark().dailyFunds().containsKey("QDTE"), "conf's own funds stay");
        Replication.Result res = replica(conf).run("MYDTE", conf.benchmark().dailyFunds().get("MYDTE"), null);
        assertEquals("2020-06-01", res.from());
        java.nio.file.Files.writeString(file, "benchmark:\n  no_such_key: 1\n");
        assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of()), "elsewhere an unknown key is still an error");
    }

    @Test
    void writingNothingEarnsThePriceReturnLessTheFee() {
        // share_written tiny: one contract rounds to none at this capital, so the replica is the synthetic long alone.
        Replication.Result res = replica(CONF).run("LONG", fund("otm_pct", 0.01, 1e-9), null);
        int a = MD.indexOf(Dates.of("2020-03-02")), z = MD.size() - 1;
        double priceReturn = MD.close(Symbol.QQQ, z) / MD.close(Symbol.QQQ, a);
        double years = (MD.day(z) - MD.day(a)) / 365.0;
        double expected = priceReturn * Math.pow(1 - 0.0095, years);
        assertEquals(expected, res.replica()[res.replica().length - 1] / res.replica()[0], 1e-9);
    }

    @Test
    void theFurtherOutTheCallsTheLessPremiumAndTheMoreUpsideKept() {
        // Every session's premium falls with the strike, and so does what the calls pay: the two replicas differ, and the
        // far strike gives up less on the days the symbol rallies from its open.
        Replication.Result near = replica(CONF).run("NEAR", fund("otm_pct", 0.0, 1.0), null);
        Replication.Result far = replica(CONF).run("FAR", fund("otm_pct", 0.05, 1.0), null);
        double grossNear = java.util.Arrays.stream(near.cellGrossPnl()).map(Math::abs).sum();
        double grossFar = java.util.Arrays.stream(far.cellGrossPnl()).map(Math::abs).sum();
        assertTrue(grossFar < grossNear, "5 % out of the money trades far less option P&L than at the money");
        assertNotEquals(near.replica()[near.replica().length - 1], far.replica()[far.replica().length - 1]);
    }

    @Test
    void theOptionPnlLandsInTheZeroToTwoDayCallCellsOfItsSymbol() {
        Replication.Result res = replica(CONF).run("ATM", fund("otm_pct", 0.0, 1.0), null);
        double[] cells = res.cellGrossPnl();
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] == 0) continue;
            var cell = sde.pricing.ModelCell.ofIndex(c);
            assertEquals(Symbol.QQQ, cell.symbol());
            assertTrue(cell.call());
            assertEquals(sde.pricing.ModelCell.DteBucket.values()[0], cell.dte(), cell.toString());
        }
    }

    @Test
    void theStrikeRulesPlaceTheCallAboveTheOpen() {
        assertEquals(101.0, new DailyFund.StrikeRule("otm_pct", 0.01).strike(100, 0.2), 1e-12);
        assertEquals(100 * (1 + 0.5 * 0.2 / Math.sqrt(252)), new DailyFund.StrikeRule("sigma", 0.5).strike(100, 0.2), 1e-12);
    }

    @Test
    void theInferenceFindsTheKinkOfACraftedFund() {
        // A fund that follows QQQ but gives up everything above 0.4 % over the open, and earns 3 bp a session.
        int a = MD.indexOf(Dates.of("2020-03-02")), n = MD.size() - a;
        int[] days = new int[n];
        double[] close = new double[n];
        close[0] = 100;
        days[0] = MD.day(a);
        for (int k = 1; k < n; k++) {
            int i = a + k;
            double c0 = MD.close(Symbol.QQQ, i - 1), o = MD.open(Symbol.QQQ, i), c = MD.close(Symbol.QQQ, i);
            double capped = c / c0 - 1 - (o / c0) * Math.max(0, c / o - 1 - 0.004) + 0.0003;
            close[k] = close[k - 1] * (1 + capped);
            days[k] = MD.day(i);
        }
        RawSeries levels = new RawSeries("CRAFT", "test", null, days, null, null, null, close, null, null, null);
        StrikeInference.Fit f = StrikeInference.infer(MD, replica(CONF), fund("otm_pct", 0.0, 1.0), levels, "otm_pct", days[0],
                days[n - 1]);
        assertEquals(0.004, f.rule().level(), 0.00021, f.line());
        assertTrue(f.rmsBp() < 0.5, f.line());
    }

    @Test
    void badFundsInConfAreRefusedWithOneLineNamingTheKey() {
        assertRefused("benchmark.daily_funds.QDTE.symbol=XYZ", "benchmark.daily_funds.QDTE", "unknown symbol 'XYZ'");
        assertRefused("benchmark.daily_funds.QDTE.fee_pct=-0.5", "benchmark.daily_funds.QDTE", "fee_pct");
        assertRefused("benchmark.daily_funds.QDTE.strike_rule.level=0.5", "benchmark.daily_funds.QDTE", "otm_pct rule must be in",
                "benchmark.daily_funds.QDTE.strike_rule.kind=otm_pct");
        assertRefused("benchmark.daily_funds.QDTE.strike_rule.level=9", "benchmark.daily_funds.QDTE", "sigma rule must be in");
        assertRefused("benchmark.daily_funds.QDTE.roll=weekly", "benchmark.daily_funds.QDTE", "roll");
        // A first date after the data is refused when the replica meets the data.
        SdeConfig late = ConfigLoader.load(null, List.of("benchmark.daily_funds.QDTE.first_date=2030-01-02"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> replica(late).run("QDTE", late.benchmark().dailyFunds().get("QDTE"), null));
        assertTrue(e.getMessage().startsWith("benchmark.daily_funds.QDTE.first_date: 2030-01-02 leaves no session in the data"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    private static void assertRefused(String set, String key, String why, String... more) {
        List<String> sets = new java.util.ArrayList<>(List.of(more));
        sets.add(set);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, sets));
        assertTrue(e.getMessage().contains(key) && e.getMessage().contains(why), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
