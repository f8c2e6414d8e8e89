package sde.benchmark;

import org.junit.jupiter.api.Test;
import sde.backtest.Engines;
import sde.config.SdeConfig;
import sde.data.AlignmentRules;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.MarketDataBuilder;
import sde.data.MarketSources;
import sde.data.RealData;
import sde.data.Symbol;
import sde.pricing.HistoricalQuotes;
import sde.pricing.PricingSettings;
import sde.pricing.SurfaceSettings;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The centre's levels and their bands: how the fit weighs its evidence, and conf kept equal to what the real evidence gives. */
class LevelFitTest {
    private static final List<Double> TENORS = List.of(1.0, 5.0, 19.0, 45.0, 90.0);

    private static LevelFit.Observation at(String source, Symbol sym, double days, double level, double se) {
        return new LevelFit.Observation(source, sym, days, level, se, "t");
    }

    private static LevelFit.Observation oos(Symbol sym, double days, double level) {
        return new LevelFit.Observation("x", sym, days, level, Double.NaN, "oos");
    }

    @Test
    void anObservationAtABucketsTenorPinsThatBucketAndOneBetweenTwoTenorsPinsTheirBlend() {
        var daily = new LevelFit.Evidence("fund", Symbol.QQQ, List.of(at("fund", Symbol.QQQ, 0, 1.30, 0.02)), List.of());
        var monthly = new LevelFit.Evidence("monthly", Symbol.QQQ, List.of(at("monthly", Symbol.QQQ, 32, 1.10, 0.02)), List.of());
        LevelFit.Fit f = LevelFit.fit(List.of(daily, monthly), TENORS, 0.5);
        LevelFit.Cell c0 = cell(f, Symbol.QQQ, 0), c2 = cell(f, Symbol.QQQ, 2), c3 = cell(f, Symbol.QQQ, 3);
        assertEquals(1.30, c0.level(), 0.002, "a 0-day observation is the 0-2 bucket's level");
        // 32 days is halfway from 19 to 45: the blend of the two buckets is pinned, and the prior splits it evenly.
        assertEquals(Math.log(1.10), 0.5 * Math.log(c2.level()) + 0.5 * Math.log(c3.level()), 0.002);
        assertEquals(1.0, cell(f, Symbol.SPY, 2).level(), 1e-12, "a symbol without evidence stays at 1");
        assertEquals(1.0, cell(f, Symbol.QQQ, 4).level(), 0.01, "61+ days: no evidence reaches it");
    }

    @Test
    void evidenceThatDisagreesWidensTheErrorAndTheBandSpansWhatTheLaterWindowsWanted() {
        var agree = LevelFit.fit(List.of(new LevelFit.Evidence("a", Symbol.SPY, List.of(at("a", Symbol.SPY, 0, 1.2, 0.02),
                at("b", Symbol.SPY, 0, 1.21, 0.02)), List.of(oos(Symbol.SPY, 0, 1.1), oos(Symbol.SPY, 0, 1.3)))), TENORS, 0.5);
        var disagree = LevelFit.fit(List.of(new LevelFit.Evidence("a", Symbol.SPY, List.of(at("a", Symbol.SPY, 0, 1.0, 0.02),
                at("b", Symbol.SPY, 0, 1.4, 0.02)), List.of(oos(Symbol.SPY, 0, 1.1), oos(Symbol.SPY, 0, 1.3)))), TENORS, 0.5);
        LevelFit.Cell a = cell(agree, Symbol.SPY, 0), d = cell(disagree, Symbol.SPY, 0);
        assertTrue(d.se() > 5 * a.se(), "Birge ratio: " + a.se() + " vs " + d.se());
        assertTrue(a.measured());
        assertEquals(1.1 / a.level() - 1 - a.se(), a.bandLow(), 1e-9);
        assertEquals(1.3 / a.level() - 1 + a.se(), a.bandHigh(), 1e-9);
        // A bucket nothing judged takes the widest band measured.
        LevelFit.Cell unjudged = cell(agree, Symbol.IWM, 3);
        assertFalse(unjudged.measured());
        assertEquals(a.bandLow(), unjudged.bandLow(), 0.0);
        assertEquals(a.bandHigh(), unjudged.bandHigh(), 0.0);
    }

    @Test
    void aMonthlyWritersWindowJudgesBothBucketsItIsWrittenBetween() {
        assertTrue(LevelFit.inBucket(LevelFit.MONTHLY_DAYS, 2));
        assertTrue(LevelFit.inBucket(LevelFit.MONTHLY_DAYS, 3));
        assertFalse(LevelFit.inBucket(29, 3));
        assertTrue(LevelFit.inBucket(0, 0));
        double[] w = LevelFit.weights(TENORS, 12);
        assertArrayEquals(new double[]{0, 0.5, 0.5, 0, 0}, w, 1e-12);
    }

    @Test
    void confsLevelsAndBandsAreWhatTheRealEvidenceGives() {
        SdeConfig cfg = Engines.CONF;
        MarketSources src = RealData.sources();
        // The data the benchmark command loads: data.load_from to data.load_to, cut at the last day every symbol has.
        MarketData md = MarketDataBuilder.build(src, Dates.of(cfg.data().loadFrom()), Dates.of(cfg.data().loadTo()), AlignmentRules.spec());
        var b = cfg.benchmark();
        var split = HistoricalQuotes.split(RealData.dir());
        List<LevelFit.Evidence> ev = LevelFit.measure(md, cfg.pricing(), cfg.backtest(), b, src.benchmarks(),
                DailyFundReplica.SessionOpens.of(md, src.scalars()), split.calibration(), split.check(),
                cfg.validate().trainYears().get(0), cfg.validate().trainYears().get(1), cfg.validate().testYears().get(0),
                cfg.validate().testYears().get(1), LevelFit.grid(b.levelGrid().get(0), b.levelGrid().get(1), b.levelGrid().get(2)),
                b.levelMinSe());
        PricingSettings fitted = LevelFit.apply(cfg.pricing(), LevelFit.fit(ev, cfg.pricing().surface().levelTenorDays(),
                b.levelPriorSe()).cells());
        SurfaceSettings want = fitted.surface(), have = cfg.pricing().surface();
        String hint = "run `jobs/sde benchmark --fit-levels` and copy its --set lines into conf/sde.yaml";
        for (Symbol sym : Symbol.values()) {
            assertEquals(want.levels().get(sym.name()), have.levels().get(sym.name()), sym + " levels: " + hint);
            assertEquals(want.bands().get(sym.name()), have.bands().get(sym.name()), sym + " bands: " + hint);
        }
        // The evidence it rests on: the three daily funds and the four monthly writers, each with a fit and a judgement.
        assertEquals(List.of("BXM", "PUT", "QYLD", "RYLD", "QDTE", "RDTE", "XDTE"),
                ev.stream().filter(e -> !e.source().endsWith("chains")).map(LevelFit.Evidence::source).toList());
        assertTrue(ev.stream().filter(e -> !e.source().endsWith("chains")).allMatch(e -> !e.outOfSample().isEmpty()));
    }

    private static LevelFit.Cell cell(LevelFit.Fit f, Symbol sym, int bucket) {
        return f.cells().stream().filter(c -> c.symbol() == sym && c.bucket() == bucket).findFirst().orElseThrow();
    }
}
