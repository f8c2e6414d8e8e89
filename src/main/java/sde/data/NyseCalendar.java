package sde.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * NYSE sessions by rule, not from the data: expiry calendars must be known in advance, and a rule
 * keeps a run on data cut after day T identical to the full run (SPEC §2 truncation invariance).
 * Full-day closures only (early closes are sessions). RealData tests check it against every SPY
 * date since 1994.
 */
public final class NyseCalendar {
    /** Unscheduled closures: national days of mourning, Hurricane Sandy, 9/11. */
    private static final Set<LocalDate> SPECIAL = Set.of(
            LocalDate.of(1994, 4, 27), LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13),
            LocalDate.of(2001, 9, 14), LocalDate.of(2004, 6, 11), LocalDate.of(2007, 1, 2), LocalDate.of(2012, 10, 29),
            LocalDate.of(2012, 10, 30), LocalDate.of(2018, 12, 5), LocalDate.of(2025, 1, 9));

    /** Cumulative session counts per epoch day over [TABLE_FROM, TABLE_TO]: built once, never changed. */
    private static final int TABLE_FROM = (int) LocalDate.of(1990, 1, 1).toEpochDay();
    private static final int TABLE_TO = (int) LocalDate.of(2040, 12, 31).toEpochDay();
    private static final int[] CUMULATIVE = cumulative();

    private NyseCalendar() {}

    private static int[] cumulative() {
        int[] c = new int[TABLE_TO - TABLE_FROM + 1];
        int n = 0;
        for (int d = TABLE_FROM; d <= TABLE_TO; d++) {
            if (isSession(LocalDate.ofEpochDay(d))) n++;
            c[d - TABLE_FROM] = n;
        }
        return c;
    }

    /** Sessions in (fromExclusive, toInclusive], in O(1): the pricer's variance clock counts these. */
    public static int sessionsBetween(int fromExclusive, int toInclusive) {
        if (fromExclusive < TABLE_FROM || toInclusive > TABLE_TO) {
            throw new IllegalArgumentException("session table covers 1990-2040, asked " + LocalDate.ofEpochDay(fromExclusive)
                    + ".." + LocalDate.ofEpochDay(toInclusive));
        }
        if (toInclusive <= fromExclusive) return 0;
        return CUMULATIVE[toInclusive - TABLE_FROM] - CUMULATIVE[fromExclusive - TABLE_FROM];
    }

    public static boolean isSession(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !isHoliday(d);
    }

    public static boolean isSession(int epochDay) {
        return isSession(LocalDate.ofEpochDay(epochDay));
    }

    public static boolean isHoliday(LocalDate d) {
        if (SPECIAL.contains(d)) return true;
        int y = d.getYear();
        // New Year's Day: a Sunday moves to Monday; a Saturday is not made up on the Friday before.
        if (d.equals(sundayToMonday(LocalDate.of(y, 1, 1)))) return true;
        if (d.equals(nth(y, Month.JANUARY, 3, DayOfWeek.MONDAY)) && y >= 1998) return true;   // Martin Luther King Jr.
        if (d.equals(nth(y, Month.FEBRUARY, 3, DayOfWeek.MONDAY))) return true;              // Washington's Birthday
        if (d.equals(easterSunday(y).minusDays(2))) return true;                             // Good Friday
        if (d.equals(LocalDate.of(y, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))) return true; // Memorial
        if (y >= 2022 && d.equals(observed(LocalDate.of(y, 6, 19)))) return true;             // Juneteenth
        if (d.equals(observed(LocalDate.of(y, 7, 4)))) return true;                          // Independence
        if (d.equals(nth(y, Month.SEPTEMBER, 1, DayOfWeek.MONDAY))) return true;             // Labor
        if (d.equals(nth(y, Month.NOVEMBER, 4, DayOfWeek.THURSDAY))) return true;            // Thanksgiving
        return d.equals(observed(LocalDate.of(y, 12, 25)));                                  // Christmas
    }

    /** The session on or before {@code d}. */
    public static LocalDate sessionOnOrBefore(LocalDate d) {
        LocalDate x = d;
        while (!isSession(x)) x = x.minusDays(1);
        return x;
    }

    public static LocalDate nextSession(LocalDate d) {
        LocalDate x = d.plusDays(1);
        while (!isSession(x)) x = x.plusDays(1);
        return x;
    }

    private static LocalDate observed(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.minusDays(1);
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    private static LocalDate sundayToMonday(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.plusDays(1) : d;
    }

    private static LocalDate nth(int y, Month m, int n, DayOfWeek w) {
        return LocalDate.of(y, m, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, w));
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int y) {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(y, month, day);
    }
}
