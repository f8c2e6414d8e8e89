package sde.data;

import org.junit.jupiter.api.Test;

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
        int i = md.indexOf(Dates.of("2020-10-16"));   // VXN row missing in the source
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
        assertFalse(md.covered(SeriesId.VXN, last), "VXN ends 2026-01-28: not carried beyond its end");
        assertFalse(md.covered(SeriesId.VIX1D, md.indexOf(Dates.of("2023-04-21"))), "VIX1D starts 2023-04-24");
    }

    @Test
    void aGapLongerThanTheCarryLimitIsRefusedUnlessAllowed() {
        // VXN misses 2017-02-13..2017-02-21 in the source: 6 sessions, over the SPEC §1 limit of 3.
        DataException e = assertThrows(DataException.class, () -> MarketDataBuilder.build(RealData.sources(),
                Dates.of("2015-01-02"), Dates.of("2025-12-31"), AlignmentRules.spec()));
        assertTrue(e.getMessage().contains("VXN: gap of 6 trading days (limit 3) 2017-02-13..2017-02-21"), e.getMessage());
        MarketData md = MarketDataBuilder.build(RealData.sources(), Dates.of("2015-01-02"), Dates.of("2025-12-31"),
                new AlignmentRules(3, true));
        int i = md.indexOf(Dates.of("2017-02-21"));
        assertEquals(md.value(SeriesId.VXN, md.indexOf(Dates.of("2017-02-10"))), md.value(SeriesId.VXN, i));
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
                Dates.of("2015-01-02"), Dates.of("2025-12-31"), Set.of(SeriesId.VIX), AlignmentRules.spec(), 0.25, 0.5));
        assertTrue(r.tradable(), () -> String.join("\n", r.errors()));
        AuditReport.SeriesRow vxn = r.series().stream().filter(s -> s.series().equals("VXN")).findFirst().orElseThrow();
        assertEquals(java.util.List.of("2019-02-20", "2020-10-16"), vxn.missingTradingDays());
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
}
