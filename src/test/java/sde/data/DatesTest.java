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
}
