package sde.data;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Dates as epoch days (int) everywhere in the data model: compact in arrays and cheap to compare.
 * The parser accepts the date spellings of the sources in SOURCES.md: ISO (optionally with a time
 * and timezone suffix, as yfinance writes "2023-04-24 00:00:00-04:00"), Cboe MM/DD/YYYY and the
 * two-digit-year MM/DD/YY of older Cboe files. Hand-written because DateTimeFormatter would need
 * one pattern per spelling and allocate per row; this runs on every row of every file.
 */
public final class Dates {
    /** Two-digit years below this are 20xx, others 19xx (Cboe files start in 1990). */
    private static final int TWO_DIGIT_PIVOT = 70;

    private Dates() {}

    /** @throws IllegalArgumentException with a short reason when the text is not a date */
    public static int parse(String text) {
        String s = text.strip();
        try {
            if (s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
                if (s.length() > 10 && s.charAt(10) != ' ' && s.charAt(10) != 'T') {
                    throw new IllegalArgumentException("bad date '" + text + "'");
                }
                return (int) LocalDate.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10)).toEpochDay();
            }
            int a = s.indexOf('/');
            int b = a < 0 ? -1 : s.indexOf('/', a + 1);
            if (a > 0 && b > a + 1 && b < s.length() - 1) {
                int month = num(s, 0, a);
                int day = num(s, a + 1, b);
                int yearEnd = s.indexOf(' ', b);
                int year = num(s, b + 1, yearEnd < 0 ? s.length() : yearEnd);
                int digits = (yearEnd < 0 ? s.length() : yearEnd) - b - 1;
                if (digits == 2) {
                    year += year < TWO_DIGIT_PIVOT ? 2000 : 1900;
                } else if (digits != 4) {
                    throw new IllegalArgumentException("bad date '" + text + "'");
                }
                return (int) LocalDate.of(year, month, day).toEpochDay();
            }
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("bad date '" + text + "'");
        }
        throw new IllegalArgumentException("bad date '" + text + "'");
    }

    private static int num(String s, int from, int to) {
        if (to <= from) throw new NumberFormatException();
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new NumberFormatException();
            v = v * 10 + (c - '0');
        }
        return v;
    }

    public static int of(String iso) { return (int) LocalDate.parse(iso).toEpochDay(); }

    public static LocalDate toLocalDate(int epochDay) { return LocalDate.ofEpochDay(epochDay); }

    /**
     * ISO yyyy-MM-dd, as LocalDate.toString. Every closed trade names its legs' expiries, and
     * LocalDate's formatting was a fortieth of a run: inside the New Year table
     * this is a table lookup and ten chars; outside it, LocalDate.
     */
    public static String format(int epochDay) {
        int y = yearIndex(epochDay);
        if (y < 0) return LocalDate.ofEpochDay(epochDay).toString();
        int doy = epochDay - NEW_YEAR[y], year = TABLE_FIRST_YEAR + y;
        int[] starts = NEW_YEAR[y + 1] - NEW_YEAR[y] == 366 ? LEAP_MONTH_STARTS : MONTH_STARTS;
        int m = doy / 32;                                     // a month has at most 31 days: start one below
        while (m < 11 && starts[m + 1] <= doy) m++;
        int d = doy - starts[m] + 1, mo = m + 1;
        char[] c = {(char) ('0' + year / 1000), (char) ('0' + year / 100 % 10), (char) ('0' + year / 10 % 10), (char) ('0' + year % 10),
                '-',
                (char) ('0' + mo / 10), (char) ('0' + mo % 10), '-', (char) ('0' + d / 10), (char) ('0' + d % 10)};
        return new String(c);
    }

    private static final int[] MONTH_STARTS = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    private static final int[] LEAP_MONTH_STARTS = {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335};

    /**
     * The year of an epoch day. The metrics ask it of every session of every run, three times per
     * evaluation (the whole run, train and test) and once per trade, and LocalDate.ofEpochDay was an
     * eighth of a sweep task's time; a table of New Year's days answers the same
     * in two comparisons. Outside the table, LocalDate.
     */
    public static int year(int epochDay) {
        int y = yearIndex(epochDay);
        return y < 0 ? LocalDate.ofEpochDay(epochDay).getYear() : TABLE_FIRST_YEAR + y;
    }

    /** The index in NEW_YEAR of the year holding epochDay, or -1 outside the table. */
    private static int yearIndex(int epochDay) {
        int k = epochDay - NEW_YEAR[0];
        if (k < 0 || epochDay >= NEW_YEAR[NEW_YEAR.length - 1]) return -1;
        int y = Math.min(NEW_YEAR.length - 2, (int) (k / 365.2425));
        while (NEW_YEAR[y] > epochDay) y--;
        while (NEW_YEAR[y + 1] <= epochDay) y++;
        return y;
    }

    private static final int TABLE_FIRST_YEAR = 1900;
    /** Epoch day of 1 January of each year from TABLE_FIRST_YEAR to 2200 inclusive. */
    private static final int[] NEW_YEAR = new int[2200 - TABLE_FIRST_YEAR + 1];

    static {
        for (int y = 0; y < NEW_YEAR.length; y++) NEW_YEAR[y] = (int) LocalDate.of(TABLE_FIRST_YEAR + y, 1, 1).toEpochDay();
    }
}
