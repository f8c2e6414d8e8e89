package sde.pricing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sde.config.ConfigLoader;
import sde.data.AlignmentRules;
import sde.data.DataException;
import sde.data.Dates;
import sde.data.Fixtures;
import sde.data.MarketData;
import sde.data.MarketDataBuilder;
import sde.data.RealData;
import sde.data.Symbol;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** Real quotes: the manifest's split, the historical chain, and the model's error on the check rows. */
class CalibrationTest {
    private static final PricingSettings CONF = ConfigLoader.load(null, List.of()).pricing();

    private static final class Holder {
        static final MarketData MD = MarketDataBuilder.build(RealData.sources(), Dates.of("2019-01-02"), Dates.of("2026-12-31"),
                AlignmentRules.spec());
        static final HistoricalQuotes.Split SPLIT = HistoricalQuotes.split(RealData.dir());
    }

    @Test
    void confHoldsTheCallWingFittedOnTheCalibrationRowsAndItFlattensOnlyTheShortDatedCalls() {
        Calibration.WingFit w = Calibration.fitWing(Holder.MD, CONF, Holder.SPLIT.calibration());
        assertEquals(CONF.surface().callSkewTenorPower(), w.power(), 0.01, "run `jobs/sde calibrate --fit-wing` and copy its --set line");
        assertTrue(w.afterPts() <= w.beforePts() + 1e-9, "the fit starts from conf and never ends worse");
        SurfaceSettings s = CONF.surface();
        assertEquals(s.callSkew(), s.callSkewAt(30 / 365.0), 1e-12, "quoted at 30 days");
        assertEquals(s.callSkew() * Math.pow(7 / 30.0, s.callSkewTenorPower()), s.callSkewAt(7 / 365.0), 1e-12);
        assertEquals(s.callSkewAt(1 / 365.0), s.callSkewAt(0), 0.0, "a day at least: finite as the tenor goes to zero");
    }

    @Test
    void theManifestSplitKeepsCheckRowsOutOfTheFit() {
        HistoricalQuotes.Split s = Holder.SPLIT;
        assertTrue(s.calibration().stream().allMatch(r -> r.quoteDate() == Dates.of("2020-07-02")
                || r.quoteDate() == Dates.of("2020-07-31") || r.quoteDate() == Dates.of("2026-02-11")
                        || r.quoteDate() == Dates.of("2026-02-12")));
        assertTrue(s.check().stream().noneMatch(r -> r.quoteDate() == Dates.of("2020-07-02") || r.quoteDate() == Dates.of("2020-07-31")));
        assertEquals(6110 - 164 - 3042 + 1232, s.check().size(),
                "the rest of real_quotes plus all 2024-07 mids; the liquidity chains' prices are never read");
        assertEquals(164 + 3042 + 8778 + 6923 + 7176, s.calibration().size(), "with the SPY snapshot and both QQQ snapshots");
        assertEquals(6923 + 7176, s.calibration().stream().filter(r -> r.symbol() == Symbol.QQQ).count());
    }

    @Test
    void everyChainWithVolumeIsReadForItsVolumeAndOpenInterestOnly() {
        List<ChainActivity> a = HistoricalQuotes.activity(RealData.dir());
        Map<String, Long> bySource = a.stream().collect(Collectors.groupingBy(ChainActivity::source,
                TreeMap::new, Collectors.counting()));
        assertEquals(5, bySource.size(), "SPY 2020-07-31, 2020-08-18 and 2026-02-11, QQQ 2026-02-11 and 2026-02-12: " + bySource);
        assertEquals(5963L, bySource.get("SPY_chain_2020-07-31_yahoo_jamesfbush.csv"));
        ChainActivity first = a.stream().filter(r -> r.source().startsWith("SPY_chain_2020-08-18")).findFirst().orElseThrow();
        assertEquals(Dates.of("2020-08-18"), first.quoteDate());
        assertEquals(10, first.volume());
        assertEquals(10, first.openInterest());
        // Pulled on Sunday after the 16:15 close: a whole session. The 2020-08-18 scrape's last trade was at 12:52 ET.
        assertEquals(1.0, a.stream().filter(r -> r.source().startsWith("SPY_chain_2020-07-31")).findFirst().orElseThrow().sessionElapsed());
        assertEquals((12 * 60 + 52 - 9 * 60 - 30) / 390.0, first.sessionElapsed(), 1e-12);
        assertTrue(a.stream().filter(r -> r.symbol() == Symbol.QQQ).mapToLong(ChainActivity::openInterest).sum() > 1_000_000,
                "QQQ open interest across both snapshots");
    }

    @Test
    void confsLiquidityModelIsTheFitOnTheRealChains() {
        // docs/pricing.md 4b: `calibrate --liquidity` prints these lines; conf must hold what the chains give.
        LiquiditySettings conf = CONF.liquidity();
        LiquidityFit.Result fit = LiquidityFit.fit(Holder.MD, conf, HistoricalQuotes.activity(RealData.dir()));
        assertEquals(conf.volumeTable(), fit.settings().volumeTable());
        assertEquals(conf.openInterestTable(), fit.settings().openInterestTable());
        for (Symbol s : Symbol.values()) {
            assertEquals(conf.contractsPerShare().get(s.name()), LiquidityFit.round(fit.settings().contractsPerShare().get(s.name())),
                    1e-12, s.name());
            assertEquals(conf.openInterestPerShare().get(s.name()),
                    LiquidityFit.round(fit.settings().openInterestPerShare().get(s.name())), 1e-12, s.name());
        }
        assertEquals(5, fit.chains().size());
        for (LiquidityFit.ChainError e : fit.chains()) {
            assertTrue(e.medianLogErrorVolume() < 1.0, e.source() + ": per contract within a factor of 10 at the median");
            assertTrue(e.modelVolume() < 1.2 * e.dayVolume(), e.source() + ": capacity errs small, not large");
        }
    }

    @Test
    void aChainWithoutVolumeColumnsIsRefusedWithItsFileAndColumn(@TempDir Path tmp) {
        Path f = tmp.resolve("SPY_chain_2020-01-02.csv");
        Fixtures.write(f,
                "datePulled,contract,type,expiry,strike,bid,ask,lastTrd\n2020-01-02,SPY200117C00300000,CALL,2020-01-17,300,1,2,x\n");
        DataException e = assertThrows(DataException.class, () -> HistoricalQuotes.readActivity(f, Dates.of("2020-01-02")));
        assertTrue(e.getMessage().endsWith("SPY_chain_2020-01-02.csv:1: a chain with volume needs column 'volume'"), e.getMessage());
        Fixtures.write(f, "datePulled,contract,type,expiry,strike,bid,ask,volume,oi,lastTrd\n"
                + "2020-01-02,SPY200117C00300000,CALL,2020-01-17,300,1,2,1.5,3,2020-01-02 3:59PM EST\n");
        DataException bad = assertThrows(DataException.class, () -> HistoricalQuotes.readActivity(f, Dates.of("2020-01-02")));
        assertTrue(bad.getMessage().endsWith(":2: a contract count must be a whole number >= 0, got '1.5'"), bad.getMessage());
    }

    @Test
    void theHistoricalChainServesRealQuotesThroughTheSameInterface() {
        MarketData md = Holder.MD;
        OptionChain chain = new HistoricalChain(md, new PricingInputs(md, CONF.surface()), Holder.SPLIT.check());
        int i = md.indexOf(Dates.of("2020-06-10"));
        Quote q = chain.quote(Symbol.SPY, i, Dates.of("2020-06-12"), 319, true);
        assertEquals(2.67, q.bid());
        assertEquals(2.71, q.ask());
        assertTrue(q.iv() > 0.15 && q.iv() < 0.40, "recomputed from the mid: " + q.iv());
        assertNull(chain.quote(Symbol.SPY, i, Dates.of("2020-06-12"), 320, true), "not in the data: no quote");
    }

    @Test
    void outOfSampleErrorStaysWhereTheDocsSayItIs() {
        // docs/pricing.md reports these check-set figures; this fails if the model drifts away from them.
        List<Calibration.Row> rows = Calibration.compare(Holder.MD, CONF, Holder.SPLIT.check());
        Calibration.Bucket all = Calibration.table(rows, r -> "all").get(0);
        assertTrue(all.n() > 4000, "compared " + all.n());
        assertTrue(all.maeIvPts() < 5.0, "check IV MAE " + all.maeIvPts());
        assertTrue(all.spreadBias() > 0, "model spreads err wide on the check rows: " + all.spreadBias());
        Calibration.Bucket nearMoney = Calibration.bucket("25-60", rows.stream()
                .filter(r -> Math.abs(r.modelDelta()) >= 0.25 && Math.abs(r.modelDelta()) < 0.60).toList());
        assertTrue(nearMoney.maeIvPts() < 3.0, "near-the-money IV MAE " + nearMoney.maeIvPts());
    }

    @Test
    void aQuoteFileWithoutTheNeededColumnsIsRefused(@TempDir Path tmp) {
        Path f = tmp.resolve("q.csv");
        Fixtures.write(f, "quote_date,underlying,strike\n2020-01-02,SPY,300\n");
        DataException e = assertThrows(DataException.class, () -> HistoricalQuotes.read(f, 0));
        assertTrue(e.getMessage().endsWith("q.csv:1: option quotes need column 'expiration'"), e.getMessage());
        Fixtures.write(f, "quote_date,underlying,underlying_price,expiration,strike,type,bid,ask\n2020-01-02,SPY,,2020-01-17,300,X,1,2\n");
        DataException bad = assertThrows(DataException.class, () -> HistoricalQuotes.read(f, 0));
        assertTrue(bad.getMessage().endsWith("q.csv:2: type must be C or P, got 'X'"), bad.getMessage());
    }
}
