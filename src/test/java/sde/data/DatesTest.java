package sde.data;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The epoch-day helpers against java.time. */
class DatesTest {

    @Test
    void theYearOfAnEpochDayIsLocalDatesOnEveryDayOfTheTableAndBeyondIt() {
        // Every day from before the table's first New Year to after its last, then far outside it.
        for (int d = (int) LocalDate.of(1899, 12, 1).toEpochDay(); d <= LocalDate.of(2201, 1, 31).toEpochDay(); d++) {
            int expected = LocalDate.ofEpochDay(d).getYear();
            if (Dates.year(d) != expected) assertEquals(expected, Dates.year(d), Dates.format(d));
        }
        for (int d : new int[]{Integer.MIN_VALUE / 2, -800_000, 0, -1, 900_000, Integer.MAX_VALUE / 2}) {
            assertEquals(LocalDate.ofEpochDay(d).getYear(), Dates.year(d), "epoch day " + d);
        }
    }

    @Test
    void formatWritesWhatLocalDateWritesOnEveryDayOfTheTableAndBeyondIt() {
        for (int d = (int) LocalDate.of(1899, 12, 1).toEpochDay(); d <= LocalDate.of(2201, 1, 31).toEpochDay(); d++) {
            String expected = LocalDate.ofEpochDay(d).toString();
            if (!expected.equals(Dates.format(d))) assertEquals(expected, Dates.format(d), "epoch day " + d);
        }
        assertEquals("2020-02-29", Dates.format(Dates.of("2020-02-29")));
        assertEquals("2100-03-01", Dates.format(Dates.of("2100-03-01")));   // 2100 is not a leap year
        for (int d : new int[]{-800_000, -1, 0, 900_000, 3_000_000}) {
            assertEquals(LocalDate.ofEpochDay(d).toString(), Dates.format(d), "epoch day " + d);
        }
    }
}
