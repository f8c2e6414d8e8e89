package sde.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The layouts the data folder holds and the quirks SOURCES.md lists, each read from a small file. */
class SeriesReaderTest {
    @TempDir Path tmp;

    private RawSeries read(String name, String text) {
        Path f = tmp.resolve(name + ".csv");
        Fixtures.write(f, text);
        return SeriesReader.read(name, f);
    }

    @Test
    void yahooWithAdjCloseAndTimezoneSuffixedDates() {
        RawSeries s = read("SPY", """
                Date,Open,High,Low,Close,Adj Close,Volume,Dividends,Stock Splits
                2020-03-20 00:00:00-04:00,242.53,244.47,228.50,228.80,214.1,347158800,0.0,0.0
                2020-03-23 00:00:00-04:00,228.19,229.68,218.26,222.95,208.6,326025200,0.0,0.0
                """);
        assertEquals(Layout.YAHOO, s.layout());
        assertEquals(Dates.of("2020-03-23"), s.days()[1]);
        assertEquals(222.95, s.close()[1]);
        assertEquals(208.6, s.adjClose()[1]);
        assertArrayEquals(new double[]{0, 0}, s.dividend());
    }

    @Test
    void goroColumnOrderIsReadByName() {
        RawSeries s = read("IWM", """
                Date,Close,High,Low,Open,Volume
                2020-01-02,165.5,166.0,164.0,164.5,100
                """);
        assertEquals(Layout.PLAIN, s.layout());
        assertEquals(165.5, s.close()[0]);
        assertEquals(164.5, s.open()[0]);
        assertEquals(166.0, s.high()[0]);
    }

    @Test
    void cboeWithByteOrderMarkAndTwoDigitYears() {
        RawSeries s = read("VXN",
                "\uFEFFDATE,OPEN,HIGH,LOW,CLOSE\r\n09/15/09,26.41,26.48,24.81,24.93\r\n01/28/26,20.19,20.59,19.91,20.55\r\n");
        assertEquals(Layout.CBOE, s.layout());
        assertEquals(Dates.of("2009-09-15"), s.first());
        assertEquals(Dates.of("2026-01-28"), s.last());
        assertEquals(20.55, s.close()[1]);
    }

    @Test
    void cboeCloseOnly() {
        RawSeries s = read("VVIX", "DATE,VVIX\n03/06/2006,71.73\n03/07/2006,72.00\n");
        assertEquals(Layout.CBOE_CLOSE, s.layout());
        assertEquals(72.0, s.close()[1]);
        assertNull(s.open());
    }

    @Test
    void fredMissingValuesAreNaN() {
        RawSeries s = read("DTB3", "observation_date,DTB3\n2025-10-10,3.9\n2025-10-13,\n2025-10-14,.\n2025-10-15,3.88\n");
        assertEquals(Layout.FRED, s.layout());
        assertTrue(Double.isNaN(s.close()[1]));
        assertTrue(Double.isNaN(s.close()[2]));
        assertEquals(3.88, s.close()[3]);
    }

    @Test
    void plainLowerCaseBars() {
        RawSeries s = read("X", "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1.5,10\n");
        assertEquals(Layout.PLAIN, s.layout());
        assertNull(s.adjClose());
    }

    @Test
    void dividendsFile() {
        RawSeries s = read("D", "Date,Dividend\n2021-06-18,1.376\n");
        assertEquals(Layout.DIVIDENDS, s.layout());
        assertEquals(1.376, s.close()[0]);
    }

    @Test
    void blankPriceInBarsIsAnErrorNotAMissingValue() {
        DataException e = assertThrows(DataException.class, () -> read("B", "date,open,high,low,close\n2024-01-02,1,2,0.5,\n"));
        assertEquals(2, e.line());
        assertEquals("empty value in column 'close'", e.reason());
    }

    @Test
    void duplicateColumnIsAnError() {
        DataException e = assertThrows(DataException.class, () -> read("B", "date,close,close\n2024-01-02,1,2\n"));
        assertTrue(e.getMessage().endsWith(":1: column 'close' appears twice in the header"), e.getMessage());
    }

    @Test
    void eventCalendarsOfBothLayouts() {
        Path fomc = tmp.resolve("fomc.csv");
        Fixtures.write(fomc, "date\n2020-03-03\n2020-03-15\n");
        assertArrayEquals(new int[]{Dates.of("2020-03-03"), Dates.of("2020-03-15")}, SeriesReader.readEvents("FOMC", fomc).get("FOMC"));
        Path macro = tmp.resolve("macro.csv");
        Fixtures.write(macro,
                "event,release_date,release_time_et\r\nNFP,2020-01-10,08:30\r\nCPI,2020-01-14,08:30\r\nGDP_ADVANCE,2020-01-30,08:30\r\n");
        Map<String, int[]> ev = SeriesReader.readEvents("macro", macro);
        assertEquals(Dates.of("2020-01-14"), ev.get("CPI")[0]);
        assertEquals(EventType.GDP, EventType.find("GDP_ADVANCE"));
    }

    @Test
    void datesParseEverySpelling() {
        assertEquals(Dates.of("2020-03-16"), Dates.parse("03/16/2020"));
        assertEquals(Dates.of("2020-03-16"), Dates.parse("3/16/2020"));
        assertEquals(Dates.of("1999-03-16"), Dates.parse("03/16/99"));
        assertEquals(Dates.of("2020-03-16"), Dates.parse("2020-03-16T00:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> Dates.parse("2020-02-30"));
        assertThrows(IllegalArgumentException.class, () -> Dates.parse("16.03.2020"));
        assertThrows(IllegalArgumentException.class, () -> Dates.parse("03/16/020"));
    }

    @Test
    void quotedCsvFieldsKeepTheirCommas() {
        assertArrayEquals(new String[]{"IWM", "primary: a,b", "x\"y"}, CsvFile.split("IWM,\"primary: a,b\",\"x\"\"y\""));
    }
}
