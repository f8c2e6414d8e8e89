package sde.data;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The event calendar as known in advance (event plays): sorted session days with their
 * {@link EventType} masks. A strategy may ask for the next scheduled event after today because the
 * Fed, BLS and BEA publish these dates months ahead; emergency FOMC moves were not known the day
 * before, so they are in the day's event mask ({@link MarketData#events(int)}) but never here.
 */
public record EventSchedule(int[] days, byte[] masks) implements Serializable {
    /**
     * Unscheduled FOMC announcements in fomc_dates_CunXin1.csv (../shared/data/SOURCES.md says the
     * file includes them). These are historical facts of the calendar, not tunable settings.
     */
    static final Set<Integer> UNSCHEDULED_FOMC = Set.of(
            Dates.of("2008-01-22"), Dates.of("2008-10-08"), Dates.of("2020-03-03"), Dates.of("2020-03-15"));

    /** The published schedule from the raw calendars: each event on its first session, unscheduled FOMC left out. */
    static EventSchedule published(Map<EventType, int[]> calendars, int from) {
        TreeMap<Integer, Integer> byDay = new TreeMap<>();
        for (Map.Entry<EventType, int[]> e : calendars.entrySet()) {
            for (int d : e.getValue()) {
                if (d < from || e.getKey() == EventType.FOMC && UNSCHEDULED_FOMC.contains(d)) continue;
                int session = NyseCalendar.isSession(d) ? d : (int) NyseCalendar.nextSession(LocalDate.ofEpochDay(d)).toEpochDay();
                byDay.merge(session, e.getKey().bit(), (a, b) -> a | b);
            }
        }
        int[] days = new int[byDay.size()];
        byte[] masks = new byte[byDay.size()];
        int i = 0;
        for (Map.Entry<Integer, Integer> e : byDay.entrySet()) {
            days[i] = e.getKey();
            masks[i++] = (byte) (int) e.getValue();
        }
        return new EventSchedule(days, masks);
    }

    /** Epoch day of the first scheduled event after {@code day} whose mask meets {@code mask}; MAX_VALUE when none. */
    public int next(int day, int mask) {
        int i = Arrays.binarySearch(days, day + 1);
        for (int k = i >= 0 ? i : -i - 1; k < days.length; k++) if ((masks[k] & mask) != 0) return days[k];
        return Integer.MAX_VALUE;
    }

    /** Epoch day of the last scheduled event on or before {@code day} meeting {@code mask}; MIN_VALUE when none. */
    public int last(int day, int mask) {
        int i = Arrays.binarySearch(days, day);
        for (int k = i >= 0 ? i : -i - 2; k >= 0; k--) if ((masks[k] & mask) != 0) return days[k];
        return Integer.MIN_VALUE;
    }
}
