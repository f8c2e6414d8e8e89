package sde.benchmark;

import sde.data.NyseCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The roll dates of a Cboe strategy index: the expiration sessions of the options it writes. A
 * monthly index rolls on the standard expiration, the third Friday (the session before it when
 * that Friday is a holiday, as for Good Friday 2025-04-18); WPUT on every Friday; CLL's put on the
 * March quarterly cycle. A replica holds each option to that session and writes the next one there.
 */
public enum Cycle {
    WEEKLY, MONTHLY, QUARTERLY;

    /** The first roll session strictly after {@code today} (epoch day). */
    public int next(int today) {
        LocalDate d = LocalDate.ofEpochDay(today);
        if (this == WEEKLY) {
            LocalDate friday = d.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
            for (int k = 0; ; k++) {
                int e = (int) NyseCalendar.sessionOnOrBefore(friday.plusWeeks(k)).toEpochDay();
                if (e > today) return e;
            }
        }
        LocalDate month = d.withDayOfMonth(1);
        for (int k = 0; ; k++) {
            LocalDate m = month.plusMonths(k);
            if (this == QUARTERLY && m.getMonthValue() % 3 != 0) continue;
            LocalDate third = m.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
            int e = (int) NyseCalendar.sessionOnOrBefore(third).toEpochDay();
            if (e > today) return e;
        }
    }

    /** True when {@code today} is a roll session of this cycle. */
    public boolean isRoll(int today) {
        return next(today - 1) == today;
    }
}
