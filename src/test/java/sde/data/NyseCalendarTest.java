package sde.data;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class NyseCalendarTest {
    @Test
    void rulesReproduceEverySpySessionSince1994() {
        RawSeries spy = RealData.sources().bars().get(Symbol.SPY);
        int from = Dates.of("1994-01-03"), to = spy.last();
        List<String> wrong = new ArrayList<>();
        int k = spy.indexOf(from);
        for (int d = from; d <= to; d++) {
            boolean inData = k < spy.size() && spy.days()[k] == d;
            if (inData) k++;
            if (inData != NyseCalendar.isSession(d)) wrong.add(Dates.format(d) + (inData ? " traded" : " closed"));
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void knownHolidays() {
        assertFalse(NyseCalendar.isSession(LocalDate.of(2025, 1, 9)), "Carter day of mourning");
        assertFalse(NyseCalendar.isSession(LocalDate.of(2023, 6, 19)), "Juneteenth");
        assertTrue(NyseCalendar.isSession(LocalDate.of(2021, 6, 18)), "Juneteenth was not yet a market holiday in 2021");
        assertFalse(NyseCalendar.isSession(LocalDate.of(2026, 4, 3)), "Good Friday 2026");
        assertTrue(NyseCalendar.isSession(LocalDate.of(2021, 12, 31)), "New Year 2022 on a Saturday is not made up");
        assertEquals(LocalDate.of(2024, 3, 28), NyseCalendar.sessionOnOrBefore(LocalDate.of(2024, 3, 29)));
    }
}
