package sde.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sde.data.Fixtures;
import sde.data.RealData;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /** ../shared/data with one negative SPY open on 2020-03-10: the MANIFEST points at a patched copy of the SPY file. */
    private Path negativeSpyOpen() throws IOException {
        return patchedSpy("neg", 1);
    }

    /** ../shared/data with SPY's column {@code column} (0: Date) negated on 2020-03-10, in a patched copy named by the MANIFEST. */
    private Path patchedSpy(String name, int column) throws IOException {
        Path shared = RealData.dir().toAbsolutePath(), dir = tmp.resolve(name);
        Files.createDirectories(dir);
        List<String> manifest = new ArrayList<>();
        for (String line : Files.readAllLines(shared.resolve("MANIFEST.csv"))) {
            String[] c = line.split(",", 4);
            if (c.length >= 3 && !c[2].isEmpty() && !c[0].equals("series")) {
                c[2] = c[0].equals("SPY") && c[1].equals("bars_raw") ? "SPY.csv" : shared.resolve(c[2]).toString();
            }
            manifest.add(String.join(",", c));
        }
        Files.write(dir.resolve("MANIFEST.csv"), manifest);
        List<String> spy = new ArrayList<>(Files.readAllLines(shared.resolve("derived/SPY_daily_unadjusted_DERIVED.csv")));
        for (int i = 0; i < spy.size(); i++) {
            if (spy.get(i).startsWith("2020-03-10,")) {
                String[] c = spy.get(i).split(",");
                c[column] = "-" + c[column];
                spy.set(i, String.join(",", c));
            }
        }
        Files.write(dir.resolve("SPY.csv"), spy);
        return dir;
    }

    @Test
    void aNegativePriceStopsEveryCommandThatLoadsTheDataWithTheAuditsLineAndWritesNothing() throws Exception {
        Path data = negativeSpyOpen();
        String line = String.valueOf(Files.readAllLines(data.resolve("SPY.csv")).stream().takeWhile(l ->
                !l.startsWith("2020-03-10,")).count() + 1);
        String[] audit = run("data", "audit", "--data", data.toString(), "--out", tmp.resolve("a").toString());
        assertEquals("1", audit[0], "the audit calls it an error");
        for (String[] args : new String[][]{
                {"backtest", "--strategy", "buy_and_hold", "--data", data.toString(), "--out", tmp.resolve("bt").toString()},
                {"sweep", "--study", "conf/study.yaml", "--master", "local[1]", "--data", data.toString(), "--out",
                        tmp.resolve("sw").toString()},
                {"benchmark", "--index", "PUT", "--data", data.toString(), "--out", tmp.resolve("bm").toString()}}) {
            String[] r = run(args);
            assertEquals(String.valueOf(Main.EXIT_BAD_INPUT), r[0], args[0] + ": " + r[1]);
            String msg = r[1].strip();
            assertEquals(1, msg.lines().count(), "one line: " + msg);
            assertTrue(msg.contains("SPY.csv:" + line + ": SPY open -"), args[0] + ": " + msg);
            assertFalse(Files.exists(tmp.resolve(args[args.length - 1].substring(tmp.toString().length() + 1))),
                    args[0] + " wrote nothing");
        }
    }

    @Test
    void everyColumnIsCheckedAsItsMeaningRequiresAndNamedByFileLineAndColumn() throws Exception {
        // A volume is never negative; the audit names the file, the line and the column, and so does every command.
        Path data = patchedSpy("negvol", 6);
        String line = String.valueOf(Files.readAllLines(data.resolve("SPY.csv")).stream().takeWhile(l ->
                !l.startsWith("2020-03-10,")).count() + 1);
        String[] r = run("backtest", "--strategy", "buy_and_hold", "--data", data.toString(), "--out", tmp.resolve("bt2").toString());
        assertEquals(String.valueOf(Main.EXIT_BAD_INPUT), r[0], r[1]);
        assertTrue(r[1].contains("SPY.csv:" + line + ": SPY volume -") && r[1].contains("is not a volume of 0 or more"), r[1]);
        // An index level outside the plausible range (conf's data.plausible_index) is an error too.
        String[] tight = run("data", "audit", "--set", "data.plausible_index=[1, 20]", "--out", tmp.resolve("a2").toString());
        assertEquals("1", tight[0], "VIX above 20 is outside [1, 20]: " + tight[1]);
        assertTrue(Files.readString(tmp.resolve("a2/data_audit.json")).contains("is outside the plausible range [1, 20]"));
    }

    @Test
    void aFailureOfTheMachineryIsReportedAsOneLine() {
        // (Commands that start Spark stop it when they end: they are not run in this shared test JVM.)
        assertEquals("RuntimeException: outer; caused by IOException: root",
                Main.oneLine(new RuntimeException("outer\nmore", new IOException("root\nmore"))));
        assertEquals("IllegalStateException: alone", Main.oneLine(new IllegalStateException("alone")));
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
                run("backtest", "--strategy", "calendar_spread", "--set", "near_dte=30", "--set", "far_dte=35"),
                run("backtest", "--strategy", "credit_spread", "--set", "pricing.liquidity.participation=0",
                        "--out", tmp.resolve("b").toString()),
                run("backtest", "--strategy", "credit_spread", "--set", "pricing.liquidity.open_interest_share=2",
                        "--out", tmp.resolve("b").toString())};
        String[] says = {"--max-runs", "daemon.blend_top_k", "no_such", "no leaderboard rows", "--top", "far_dte",
                "pricing.liquidity.participation: must be in (0, 1]", "pricing.liquidity.open_interest_share: must be in (0, 1]"};
        for (int k = 0; k < cases.length; k++) {
            assertEquals(Integer.toString(Main.EXIT_BAD_INPUT), cases[k][0], cases[k][1]);
            assertEquals(1, cases[k][1].strip().lines().count(), "one line: " + cases[k][1]);
            assertTrue(cases[k][1].contains(says[k]), says[k] + ": " + cases[k][1]);
        }
        assertFalse(Files.exists(tmp.resolve("d/optimization_state.json")), "nothing written");
        assertFalse(Files.exists(tmp.resolve("b")), "nothing written");
    }
}
