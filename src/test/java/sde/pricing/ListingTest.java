package sde.pricing;

import org.junit.jupiter.api.Test;
import sde.config.ConfigLoader;
import sde.data.Dates;
import sde.data.NyseCalendar;
import sde.data.Symbol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Expiries and strikes as they were listed, per era. */
class ListingTest {
    private static final ListingSettings CONF = ConfigLoader.load(null, List.of()).pricing().listing();
    private static final ExpiryCalendar CAL = new ExpiryCalendar(CONF);
    private static final StrikeGrid GRID = new StrikeGrid(CONF);

    private static boolean listed(Symbol s, String today, String expiry) {
        return CAL.isListed(s, Dates.of(today), Dates.of(expiry));
    }

    @Test
    void spyTuesdayExpiriesExistIn2023NotIn2020() {
        assertTrue(listed(Symbol.SPY, "2023-03-07", "2023-03-14"));
        assertFalse(listed(Symbol.SPY, "2020-03-03", "2020-03-10"));
        assertTrue(listed(Symbol.SPY, "2020-03-03", "2020-03-09"), "SPY Mondays since 2018");
        assertTrue(listed(Symbol.SPY, "2020-03-03", "2020-03-11"), "SPY Wednesdays since 2016");
    }

    @Test
    void qqqAndIwmGotTheirExtraWeekdaysLater() {
        assertFalse(listed(Symbol.QQQ, "2020-06-01", "2020-06-08"), "no QQQ Monday series before May 2021");
        assertTrue(listed(Symbol.QQQ, "2022-06-01", "2022-06-06"));
        assertFalse(listed(Symbol.IWM, "2021-06-01", "2021-06-07"), "IWM Mondays from October 2021");
        assertTrue(listed(Symbol.IWM, "2022-06-01", "2022-06-06"));
        assertFalse(listed(Symbol.IWM, "2024-06-03", "2024-06-04"), "no IWM Tuesday series assumed");
        assertTrue(listed(Symbol.QQQ, "2024-06-03", "2024-06-04"), "QQQ dailies since Nov 2022");
    }

    @Test
    void aHolidayExpiryMovesToTheSessionBefore() {
        // Good Friday 2024-03-29: the Friday weekly expires on Thursday 2024-03-28.
        assertTrue(listed(Symbol.SPY, "2024-03-20", "2024-03-28"));
        assertFalse(listed(Symbol.SPY, "2024-03-20", "2024-03-29"));
        // Juneteenth 2024 (Wednesday): the Wednesday expiry moves to Tuesday, which SPY also lists.
        assertTrue(listed(Symbol.SPY, "2024-06-12", "2024-06-18"));
    }

    @Test
    void horizonsDecideWhatIsListedYet() {
        assertTrue(listed(Symbol.SPY, "2020-01-02", "2020-03-20"), "monthly, 78 days out");
        assertFalse(listed(Symbol.SPY, "2020-01-02", "2020-03-13"), "a Friday weekly 71 days out is not listed yet");
        assertTrue(listed(Symbol.SPY, "2020-02-10", "2020-03-13"));
        assertTrue(listed(Symbol.SPY, "2020-02-03", "2022-01-21"), "January LEAPS two years out");
        assertTrue(listed(Symbol.SPY, "2020-03-20", "2020-03-20"), "0 DTE on its expiry day");
        assertFalse(listed(Symbol.SPY, "2020-03-21", "2020-03-20"));
        assertTrue(listed(Symbol.SPY, "2020-01-02", "2020-03-31"), "quarterly, last session of March");
    }

    @Test
    void everyListedExpiryIsASessionOnOrAfterTheDay() {
        for (int d = Dates.of("2019-01-02"); d <= Dates.of("2025-12-31"); d += 3) {
            if (!NyseCalendar.isSession(d)) continue;
            for (Symbol s : Symbol.values()) {
                int[] ex = CAL.listed(s, d);
                assertTrue(ex.length >= 8, s + " " + Dates.format(d) + ": " + ex.length);
                for (int e : ex) {
                    assertTrue(e >= d && NyseCalendar.isSession(e), s + " " + Dates.format(d) + " -> " + Dates.format(e));
                    assertTrue(CAL.isListed(s, d, e));
                }
            }
        }
    }

    @Test
    void nearestExpiryPicksAListedOne() {
        int today = Dates.of("2020-01-02");
        int e = CAL.nearest(Symbol.SPY, today, 45, 30, 60);
        assertEquals("2020-02-21", Dates.format(e), "the February monthly, 50 days out: the 43-day Friday weekly is not listed yet");
        assertEquals(-1, CAL.nearest(Symbol.SPY, today, 45, 46, 47), "nothing listed 46-47 days out");
        int zero = CAL.nearest(Symbol.SPY, Dates.of("2023-03-14"), 0, 0, 1);
        assertEquals("2023-03-14", Dates.format(zero), "0 DTE Tuesday in 2023");
    }

    @Test
    void strikesLookListed() {
        assertEquals(322.0, GRID.nearest(Symbol.SPY, 322.4, 322.4));
        assertEquals(255.0, GRID.nearest(Symbol.SPY, 322.4, 256.9), "20% below spot: $5 steps");
        assertEquals(165.0, GRID.nearest(Symbol.SPY, 322.4, 100), "beyond the grid: its outermost strike");
        double[] ks = GRID.strikes(Symbol.SPY, 300);
        assertEquals(255.0, ks[Arrays.binarySearch(ks, 255.0)]);
        assertTrue(Arrays.binarySearch(ks, 256.0) >= 0, "$1 strikes within 15%");
        assertTrue(Arrays.binarySearch(ks, 254.0) < 0, "no $1 strikes beyond 15%");
        assertTrue(Arrays.binarySearch(ks, 301.0) >= 0);
    }

    @Test
    void anEngineShippedToAnExecutorListsTheSameExpiriesAndNoDayOutsideTheCalendarHasAny() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) { o.writeObject(CAL); }
        ExpiryCalendar shipped;
        try (ObjectInputStream i = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (ExpiryCalendar) i.readObject();
        }
        for (int d = Dates.of("2019-01-02"); d <= Dates.of("2025-12-31"); d += 5) {
            for (Symbol s : Symbol.values()) {
                assertArrayEquals(CAL.listed(s, d), shipped.listed(s, d));
                assertEquals(CAL.nearest(s, d, 30, 7, 60), shipped.nearest(s, d, 30, 7, 60));
                for (int e = d; e <= d + 10; e++) assertEquals(CAL.isListed(s, d, e), shipped.isListed(s, d, e));
            }
        }
        // The calendar is built for 2000-2032: before and after it nothing is listed, and asking is no error.
        assertEquals(0, CAL.listed(Symbol.SPY, Dates.of("2040-01-03")).length);
        assertFalse(CAL.isListed(Symbol.SPY, Dates.of("1995-01-03"), Dates.of("1995-01-20")));
        assertEquals(-1, CAL.nearest(Symbol.SPY, Dates.of("2040-01-03"), 30, 0, 60));
    }
}
