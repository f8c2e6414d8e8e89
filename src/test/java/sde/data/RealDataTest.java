package sde.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Known facts of ../shared/data (SOURCES.md) load exactly, and the SPEC §1 window is tradable. */
class RealDataTest {

    private static MarketData window() {
        return MarketDataBuilder.build(RealData.sources(), Dates.of("2019-01-02"), Dates.of("2025-12-31"), AlignmentRules.spec());
    }

    @Test
    void knownClosesLoadExactly() {
        MarketData md = window();
        assertEquals(222.95, md.close(Symbol.SPY, md.indexOf(Dates.of("2020-03-23"))), 0.0, "SPY raw close (derived/)");
        assertEquals(477.71, md.close(Symbol.SPY, md.indexOf(Dates.of("2022-01-03"))), 0.0);
        assertEquals(681.92, md.close(Symbol.SPY, md.indexOf(Dates.of("2025-12-31"))), 0.0);
        assertEquals(401.68, md.close(Symbol.QQQ, md.indexOf(Dates.of("2022-01-03"))), 0.0);
        assertEquals(82.69, md.value(SeriesId.VIX, md.indexOf(Dates.of("2020-03-16"))), 1e-9);
        assertEquals(3.57, md.value(SeriesId.DTB3, md.indexOf(Dates.of("2025-12-31"))), 1e-9);
    }

    @Test
    void theWindowHasTheNyseSessionsOfSourcesMd() {
        MarketData md = window();
        assertEquals(1760, md.size(), "NYSE days 2019-2025 per SOURCES.md");
        assertEquals(Dates.of("2019-01-02"), md.firstDay());
        assertEquals(Dates.of("2025-12-31"), md.lastDay());
        assertTrue(md.indexOf(Dates.of("2025-01-09")) < 0, "Carter national day of mourning is not a session");
    }

    @Test
    void iwmIsAdjustedOnlyAndHasNoDividends() {
        MarketData md = window();
        assertTrue(md.adjustedOnly(Symbol.IWM));
        assertFalse(md.hasDividends(Symbol.IWM));
        assertFalse(md.adjustedOnly(Symbol.SPY));
        assertTrue(md.hasDividends(Symbol.SPY));
        assertEquals(1.376, md.dividend(Symbol.SPY, md.indexOf(Dates.of("2021-06-18"))), 1e-9, "ex-date in SOURCES.md");
        assertEquals(0.0, md.dividend(Symbol.SPY, md.indexOf(Dates.of("2021-06-17"))));
    }

    @Test
    void holidayRowsOfTheVixFileAreDroppedNotShifted() {
        MarketSources src = RealData.sources();
        assertTrue(src.scalars().get(SeriesId.VIX).indexOf(Dates.of("2022-05-30")) >= 0, "Memorial Day row is in the Cboe file");
        MarketData md = window();
        assertTrue(md.indexOf(Dates.of("2022-05-30")) < 0);
        SeriesAlignment a = MarketDataBuilder.align(src, Dates.of("2019-01-02"), Dates.of("2025-12-31"), AlignmentRules.spec())
                .series().get("VIX");
        assertEquals(27, a.offAxisDays().length, "SOURCES.md: 27 rows on NYSE holidays");
        assertEquals(0, a.missing().length);
    }

    @Test
    void shortIndexGapsAreCarriedForwardFromThePreviousSession() {
        MarketData md = window();
        int i = md.indexOf(Dates.of("2020-10-15"));   // VXN session missing in the re-dated file (SOURCES.md)
        assertEquals(md.value(SeriesId.VXN, i - 1), md.value(SeriesId.VXN, i));
        int k = md.indexOf(Dates.of("2025-10-13"));   // DTB3 blank on Columbus Day
        assertEquals(md.value(SeriesId.DTB3, k - 1), md.value(SeriesId.DTB3, k));
    }

    @Test
    void seriesThatRunInto2026LoadThatFar() {
        MarketData md = MarketDataBuilder.build(RealData.sources(), Dates.of("2019-01-02"), Dates.of("2026-12-31"),
                AlignmentRules.spec());
        assertEquals(Dates.of("2026-03-27"), md.lastDay(), "IWM, the shortest underlying, ends 2026-03-27");
        int last = md.size() - 1;
        assertTrue(md.close(Symbol.SPY, last) > 0);
        assertTrue(md.covered(SeriesId.VIX, last));
        assertTrue(md.covered(SeriesId.VIX1D, last));
        assertFalse(md.covered(SeriesId.VXN, last), "re-dated VXN ends 2026-01-27: not carried beyond its end");
        assertFalse(md.covered(SeriesId.VIX1D, md.indexOf(Dates.of("2023-04-21"))), "VIX1D starts 2023-04-24");
    }

    @Test
    void aGapLongerThanTheCarryLimitIsRefusedUnlessAllowed() {
        // The re-dated VXN misses 2017-02-10..2017-02-17: 6 sessions, over the SPEC §1 limit of 3.
        DataException e = assertThrows(DataException.class, () -> MarketDataBuilder.build(RealData.sources(),
                Dates.of("2015-01-02"), Dates.of("2025-12-31"), AlignmentRules.spec()));
        assertTrue(e.getMessage().contains("VXN: gap of 6 trading days (limit 3) 2017-02-10..2017-02-17"), e.getMessage());
        MarketData md = MarketDataBuilder.build(RealData.sources(), Dates.of("2015-01-02"), Dates.of("2025-12-31"),
                new AlignmentRules(3, true));
        int i = md.indexOf(Dates.of("2017-02-17"));
        assertEquals(md.value(SeriesId.VXN, md.indexOf(Dates.of("2017-02-09"))), md.value(SeriesId.VXN, i));
    }

    @Test
    void eventsOnNonTradingDaysMoveToTheNextSession() {
        MarketData md = window();
        assertTrue(md.isEvent(md.indexOf(Dates.of("2020-03-16")), EventType.FOMC), "Sunday 2020-03-15 emergency cut");
        assertTrue(md.isEvent(md.indexOf(Dates.of("2022-06-15")), EventType.FOMC));
        assertTrue(md.isEvent(md.indexOf(Dates.of("2022-06-10")), EventType.CPI));
        assertFalse(md.isEvent(md.indexOf(Dates.of("2022-06-14")), EventType.FOMC));
    }

    @Test
    void auditFindsTheWindowTradableAndListsEveryGap() {
        AuditReport r = DataAudit.run(RealData.sources(), new AuditSettings(Dates.of("2019-01-02"), Dates.of("2025-12-31"),
                Dates.of("2015-01-02"), Dates.of("2025-12-31"), Set.of(SeriesId.VIX), AlignmentRules.spec(), 0.25, 0.5, 0.3, 0.2,
                        new double[]{1, 400}, new double[]{-2, 25}));
        assertTrue(r.tradable(), () -> String.join("\n", r.errors()));
        AuditReport.SeriesRow vxn = r.series().stream().filter(s -> s.series().equals("VXN")).findFirst().orElseThrow();
        assertEquals(List.of("2019-02-19", "2020-10-15"), vxn.missingTradingDays(), "SOURCES.md: VXN re-dated");
        for (String s : new String[]{"SPY", "QQQ", "IWM", "VIX"}) {
            AuditReport.SeriesRow row = r.series().stream().filter(x -> x.series().equals(s)).findFirst().orElseThrow();
            assertEquals(0, row.missingTradingDays().size(), s);
            assertTrue(row.coversWindow(), s);
        }
        AuditReport.SeriesRow iwm = r.series().stream().filter(s -> s.series().equals("IWM")).findFirst().orElseThrow();
        assertEquals("adjusted only", iwm.prices());
        assertEquals(8, r.eventsPerYear().get(2023).get("FOMC"));
        assertTrue(r.marketData().serializedBytes() < 1_000_000, "broadcast stays under 1 MB for 2015-2025");
    }

    @Test
    void theBenchmarkLevelsLoadBesideTheMarketButNotIntoIt() {
        MarketSources src = RealData.sources();
        RawSeries put = src.benchmarks().get("PUT"), bxm = src.benchmarks().get("BXM");
        assertEquals(Dates.of("2019-12-02"), put.first(), "SOURCES.md: PUT from 2019-12-02");
        assertEquals(Dates.of("2019-01-02"), bxm.first());
        assertEquals(1948.96, put.close()[0], 1e-9);
        // SOURCES.md: PUT's 2020 calendar-year return is +2.13 %.
        double y2019 = put.close()[put.indexOf(Dates.of("2019-12-31"))], y2020 = put.close()[put.indexOf(Dates.of("2020-12-31"))];
        assertEquals(2.13, 100 * (y2020 / y2019 - 1), 0.005);
    }

    @Test
    void theAuditNamesTheOriginalVxnFileAsDatedOneSessionLate() throws IOException {
        // The same folder, with VXN pointed back at the source file that dates each close a session late.
        Path dir = Files.createTempDirectory("sde-vxn");
        Path shared = RealData.dir().toAbsolutePath();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(shared.resolve(Manifest.FILE_NAME))) {
            String[] c = line.split(",", 4);
            if (c.length >= 3 && !c[2].isEmpty() && !c[0].equals("series")) c[2] = shared.resolve(c[2]).toString();
            if (c[0].equals("VXN")) c[2] = shared.resolve("vol/VXN_History.csv").toString();
            lines.add(String.join(",", c));
        }
        Files.write(dir.resolve(Manifest.FILE_NAME), lines);

        AuditSettings settings = new AuditSettings(Dates.of("2019-01-02"), Dates.of("2025-12-31"), Dates.of("2019-01-02"),
                Dates.of("2025-12-31"), Set.of(SeriesId.VIX), AlignmentRules.spec(), 0.25, 0.5, 0.3, 0.2, new double[]{1, 400},
                        new double[]{-2, 25});
        AuditReport bad = DataAudit.run(MarketSources.fromFolder(dir), settings);
        assertFalse(bad.tradable());
        SeriesDating.Finding vxn = bad.dating().stream().filter(f -> f.series().equals("VXN")).findFirst().orElseThrow();
        assertEquals(SeriesDating.Verdict.LATE, vxn.verdict());
        assertEquals("VIX", vxn.reference());
        assertTrue(vxn.previous() > 0.85 && vxn.same() < 0, vxn.toString());   // SOURCES.md: +0.93 and −0.19
        assertTrue(bad.errors().stream().anyMatch(e -> e.startsWith("VXN: dated one session late")), bad.errors()::toString);

        // The re-dated file the MANIFEST names passes, and so does every other series.
        AuditReport good = DataAudit.run(RealData.sources(), settings);
        for (SeriesDating.Finding f : good.dating()) assertFalse(f.misdated(), f::toString);
        SeriesDating.Finding fixed = good.dating().stream().filter(f -> f.series().equals("VXN")).findFirst().orElseThrow();
        assertTrue(fixed.same() > 0.85, fixed.toString());
        assertEquals(SeriesDating.Verdict.OK, good.dating().stream().filter(f -> f.series().equals("PUT")).findFirst()
                .orElseThrow().verdict(), "the PutWrite index moves with SPY on the same session");
    }
}
