package sde.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sde.data.Fixtures;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 2 item 7: each kind of bad input gives one line naming the file, the line and the reason,
 * a non-zero exit, and nothing written.
 */
class BadInputTest {
    @TempDir Path tmp;

    /** Runs `data audit` on the folder and returns [exit code, stderr]. */
    private Object[] audit(Path data) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), "data", "audit", "--data", data.toString(),
                "--out", tmp.resolve("out").toString(), "--from", "2024-01-02", "--to", "2024-02-09");
        return new Object[]{code, err.toString()};
    }

    private void assertRefused(Path data, String fileAndLine, String reason) {
        Object[] r = audit(data);
        String err = (String) r[1];
        assertEquals(Main.EXIT_BAD_INPUT, r[0], err);
        assertEquals(1, err.strip().lines().count(), "one line: " + err);
        assertTrue(err.contains(fileAndLine), "names " + fileAndLine + ": " + err);
        assertTrue(err.contains(reason), "says " + reason + ": " + err);
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void theFixtureItselfIsFine() {
        Object[] r = audit(Fixtures.folder(tmp.resolve("d"), 30));
        assertEquals(0, r[0], (String) r[1]);
        assertTrue(Files.exists(tmp.resolve("out/data_audit.json")));
    }

    @Test
    void malformedRowNamesFileLineAndColumnCount() {
        Path d = Fixtures.folder(tmp.resolve("d"), 30);
        Fixtures.replaceLine(d.resolve("QQQ.csv"), 5, "2024-01-05,400.0,401.0");
        assertRefused(d, "QQQ.csv:5", "expected 7 columns as in the header, found 3");
    }

    @Test
    void unparsableNumber() {
        Path d = Fixtures.folder(tmp.resolve("d"), 30);
        Fixtures.replaceLine(d.resolve("SPY.csv"), 4, "2024-01-04,471.00,474.00,470.00,abc,470.0,1000000,0.0");
        assertRefused(d, "SPY.csv:4", "bad number 'abc' in column 'Close'");
    }

    @Test
    void unknownHeader() {
        Path d = Fixtures.folder(tmp.resolve("d"), 30);
        Fixtures.replaceLine(d.resolve("VIX_History.csv"), 1, "WHEN,LEVEL,OTHER");
        assertRefused(d, "VIX_History.csv:1", "unknown header [WHEN, LEVEL, OTHER]");
    }

    @Test
    void unsortedDates() {
        Path d = Fixtures.folder(tmp.resolve("d"), 30);
        Fixtures.replaceLine(d.resolve("IWM.csv"), 6, "2024-01-03,1,2,0.5,1,100");
        assertRefused(d, "IWM.csv:6", "dates not ascending: 2024-01-03 after 2024-01-05");
    }

    @Test
    void duplicateDate() {
        Path d = Fixtures.folder(tmp.resolve("d"), 30);
        Fixtures.replaceLine(d.resolve("DTB3.csv"), 3, "2024-01-02,5.25");
        assertRefused(d, "DTB3.csv:3", "duplicate date 2024-01-02");
    }

    @Test
    void badDate() {
        Path d = Fixtures.folder(tmp.resolve("d"), 30);
        Fixtures.replaceLine(d.resolve("VIX_History.csv"), 3, "13/45/2024,14,15,13,14");
        assertRefused(d, "VIX_History.csv:3", "bad date '13/45/2024'");
    }

    @Test
    void emptyFile() {
        Path d = Fixtures.folder(tmp.resolve("d"), 30);
        Fixtures.write(d.resolve("DTB3.csv"), "");
        assertRefused(d, "DTB3.csv", "empty file");
    }

    @Test
    void headerOnlyFile() {
        Path d = Fixtures.folder(tmp.resolve("d"), 30);
        Fixtures.write(d.resolve("DTB3.csv"), "observation_date,DTB3\n");
        assertRefused(d, "DTB3.csv:1", "no data rows after the header");
    }

    @Test
    void missingRequiredSymbol() {
        Path d = Fixtures.folder(tmp.resolve("d"), 30);
        Fixtures.replaceLine(d.resolve("MANIFEST.csv"), 3, "VVIX,index,VIX_History.csv,QQQ's row replaced");
        assertRefused(d, d.toString(), "missing required symbol QQQ");
    }

    @Test
    void manifestNamesAFileThatIsNotThere() {
        Path d = Fixtures.folder(tmp.resolve("d"), 30);
        Fixtures.replaceLine(d.resolve("MANIFEST.csv"), 6, "DTB3,rate,rates/DTB3.csv,moved");
        assertRefused(d, "MANIFEST.csv:6", "file not found: rates/DTB3.csv");
    }

    @Test
    void folderWithoutManifest() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("empty"));
        assertRefused(d, "MANIFEST.csv", "no MANIFEST.csv in this data folder");
    }

    @Test
    void missingUnderlyingBarMakesTheWindowUntradable() {
        Path d = Fixtures.folder(tmp.resolve("d"), 30);
        Fixtures.replaceLine(d.resolve("QQQ.csv"), 10, "");    // a blank line: the day is simply absent
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), "data", "audit", "--data", d.toString(),
                "--out", tmp.resolve("out").toString(), "--from", "2024-01-02", "--to", "2024-02-09");
        assertEquals(1, code, "audited, but the window cannot be traded");
        assertTrue(Files.exists(tmp.resolve("out/data_audit.json")), "the audit itself is written whole");
    }

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), args);
        return new String[]{Integer.toString(code), err.toString()};
    }

    @Test
    void theNewCommandsRefuseBadInputInOneLine() {
        String[][] cases = {
                run("daemon", "--max-runs", "-1", "--out", tmp.resolve("d").toString()),
                run("daemon", "--set", "daemon.blend_top_k=1", "--out", tmp.resolve("d").toString()),
                run("daemon", "--set", "daemon.strategies=[no_such]", "--out", tmp.resolve("d").toString()),
                run("report", "--out", tmp.resolve("empty").toString()),
                run("report", "--top", "0", "--out", tmp.resolve("empty").toString()),
                run("backtest", "--strategy", "calendar_spread", "--set", "near_dte=30", "--set", "far_dte=35")};
        String[] says = {"--max-runs", "daemon.blend_top_k", "no_such", "no leaderboard rows", "--top", "far_dte"};
        for (int k = 0; k < cases.length; k++) {
            assertEquals(Integer.toString(Main.EXIT_BAD_INPUT), cases[k][0], cases[k][1]);
            assertEquals(1, cases[k][1].strip().lines().count(), "one line: " + cases[k][1]);
            assertTrue(cases[k][1].contains(says[k]), says[k] + ": " + cases[k][1]);
        }
        assertFalse(Files.exists(tmp.resolve("d/daemon_state.json")), "nothing written");
    }
}
