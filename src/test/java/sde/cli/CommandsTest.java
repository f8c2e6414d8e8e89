package sde.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import sde.io.Location;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** SPEC §7: every command has --help; quote prints the day's chain; a bad date is one clear line. */
class CommandsTest {

    private static String stdout(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sweepAndDaemonRunEveryEdgeOnlyWhenAskedTo() {
        // SPEC §4's skip rule is the default; --all-edges gives every row its worst case at three backtests a trial.
        SweepCommand sweep = new SweepCommand();
        cli(sweep).parseArgs("--study", "conf/study.yaml");
        assertFalse(sweep.allEdges);
        cli(sweep).parseArgs("--study", "conf/study.yaml", "--all-edges");
        assertTrue(sweep.allEdges);
        DaemonCommand daemon = new DaemonCommand();
        cli(daemon).parseArgs("--all-edges", "--max-minutes", "1");
        assertTrue(daemon.allEdges);
    }

    private static CommandLine cli(Object command) {
        return new CommandLine(command).registerConverter(Location.class, Location::of);
    }

    @Test
    void everyCommandHasHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new Main()), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 6, paths.toString());
        for (List<String> p : paths) {
            List<String> args = new ArrayList<>(p);
            args.add("--help");
            int[] code = new int[1];
            String out = stdout(() -> code[0] = Main.run(args.toArray(new String[0])));
            assertEquals(0, code[0], String.join(" ", args));
            assertTrue(out.contains("Usage:"), String.join(" ", args));
        }
    }

    private static void collect(CommandLine c, List<String> prefix, List<List<String>> out) {
        for (var e : c.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            List<String> p = new ArrayList<>(prefix);
            p.add(e.getKey());
            out.add(p);
            collect(e.getValue(), p, out);
        }
    }

    @Test
    void quotePrintsTheChainOfADay() {
        int[] code = new int[1];
        String out = stdout(() -> code[0] = Main.run("quote", "--symbol", "SPY", "--date", "2020-07-31", "--expiries", "2", "--strikes",
                "1"));
        assertEquals(0, code[0]);
        assertTrue(out.contains("SPY 2020-07-31  close 326.52"), out);
        assertTrue(out.contains("listed expiries: 2020-07-31 2020-08-03 2020-08-05"), out);
        assertTrue(out.contains("real call: bid 1.70 ask 1.74"), "real quotes beside the model: " + out);
    }

    @Test
    void aDateThatIsNotASessionIsOneClearLine() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), "quote", "--symbol", "SPY", "--date", "2020-08-01");
        assertEquals(Main.EXIT_BAD_INPUT, code);
        assertTrue(err.toString().startsWith("error: --date 2020-08-01 is not a trading day"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(Main.EXIT_BAD_INPUT, Main.run(new PrintWriter(err2, true), "quote", "--symbol", "XYZ", "--date", "2020-07-31"));
        assertTrue(err2.toString().contains("unknown symbol 'XYZ'"), err2.toString());
    }

    @Test
    void strategiesListsEachParameterOnOneReadableLine() {
        int[] code = new int[1];
        String out = stdout(() -> code[0] = Main.run("strategies"));
        assertEquals(0, code[0]);
        assertFalse(out.contains("Param["), "no record's toString on a user's screen");
        assertTrue(out.contains("\nlong_option\n"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  delta +double +0\\.15 \\.\\. 0\\.7 +0\\.4 +0\\.01")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  symbol +choice +SPY \\| QQQ \\| IWM +SPY")), out);
        assertTrue(out.lines().noneMatch(l -> l.endsWith(" ")), "no trailing blanks");
    }

    @Test
    void aBacktestsSummaryCarriesTheWorstCaseTheSearchRanksBy(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        assertEquals(0, Main.run("backtest", "--strategy", "long_option", "--symbol", "QQQ", "--set", "direction=call", "--out",
                out.toString()));
        var summary = sde.io.Json.MAPPER.readTree(out.resolve("summary.json").toFile());
        // SPEC §7: score_worst, worst_surface and per year return_pct_worst and max_dd_pct_worst, beside the centre's figures.
        assertTrue(summary.get("score_worst").isNumber(), summary.toString());
        assertTrue(List.of("centre", "low", "high").contains(summary.get("worst_surface").asText()));
        for (var y : summary.get("years")) {
            assertTrue(y.get("return_pct_worst").isNumber() && y.get("max_dd_pct_worst").isNumber(), y.toString());
        }
        if (summary.get("worst_surface").asText().equals("centre")) {
            assertEquals(summary.get("score").asDouble(), summary.get("score_worst").asDouble(), 0.0, "on the centre, the score itself");
        } else {
            assertNotEquals(summary.get("score").asDouble(), summary.get("score_worst").asDouble());
        }
    }

    @Test
    void strategiesDocRewritesOnlyItsMarkedSection(@TempDir Path tmp) throws Exception {
        Path doc = tmp.resolve("s.md");
        Files.writeString(doc,
                "# Mine\nkept above\n" + StrategiesCommand.BEGIN + "\nold table\n" + StrategiesCommand.END + "\nkept below\n");
        assertEquals(0, Main.run("strategies", "--doc", doc.toString()));
        String text = Files.readString(doc);
        assertTrue(text.startsWith("# Mine\nkept above\n") && text.endsWith(StrategiesCommand.END + "\nkept below\n"), text);
        assertFalse(text.contains("old table"));
        for (String name : List.of("gamma_lotto", "hedge_overlay",
                "all 18, equal weights (2,000,000)")) assertTrue(text.contains("| " + name + " |"), name);
        assertTrue(text.contains("| strategy | CAGR % low surface (each bucket's low edge) "), "the model-risk table");
        assertTrue(text.contains("- **vol_crush**: `symbol` = SPY"), "the parameter list");

        Path bare = tmp.resolve("bare.md");
        Files.writeString(bare, "no markers\n");
        StringWriter err = new StringWriter();
        assertEquals(Main.EXIT_BAD_INPUT, Main.run(new PrintWriter(err, true), "strategies", "--doc", bare.toString()));
        assertTrue(err.toString().contains("no '" + StrategiesCommand.BEGIN + "'"), err.toString());
        assertEquals("no markers\n", Files.readString(bare), "left untouched");
    }
}
