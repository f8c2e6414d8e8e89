package sde.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sde.data.RealData;
import sde.io.Json;
import sde.io.Location;
import sde.results.AnswerTally;
import sde.spark.SparkSessionExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The daemon as users run it, in a child JVM on the real data: killed with SIGKILL inside a
 * generation and restarted, stopped with SIGTERM, and kept to one per output folder.
 */
@ExtendWith(SparkSessionExtension.class)
class DaemonProcessTest {

    private static Process start(Path out, Path log, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String line : Files.readAllLines(Path.of("conf/jvm.options"))) {
            if (!line.isBlank() && !line.startsWith("#")) cmd.add(line.strip());
        }
        cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), "sde.cli.Main", "daemon", "--out", out.toString(),
                "--master", "local[1]", "--data", RealData.dir().toString(),
                "--set", "daemon.strategies=[momentum,mean_reversion,buy_and_hold]", "--set", "daemon.population=4",
                "--set", "daemon.report_every_runs=6"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Events of a kind in the daemon's journal, the log appended as it happens (optimization_log.json follows at each save). */
    private static long events(Path out, String kind) {
        Path p = out.resolve("optimization_log.jsonl");
        if (!Files.exists(p)) return 0;
        try {
            List<String> lines = Files.readAllLines(p);
            long n = 0;
            for (int i = 0; i < lines.size(); i++) {
                JsonNode e;
                try {
                    e = Json.MAPPER.readTree(lines.get(i));
                } catch (JsonProcessingException torn) {
                    if (i == lines.size() - 1) break;   // the line being appended right now
                    throw torn;
                }
                if (e != null && kind.equals(e.path("event").asText())) n++;
            }
            return n;
        } catch (Exception e) {
            throw new AssertionError("every whole line of optimization_log.jsonl must parse", e);
        }
    }

    private static void await(Process p, Path out, String kind, long n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (events(out, kind) < n) {
            assertTrue(p.isAlive(), "the daemon died early");
            assertTrue(System.nanoTime() < deadline, "no " + kind + " #" + n + " in time");
            Thread.sleep(50);
        }
    }

    @Test
    void killedInsideAGenerationItResumesWithNothingLostOrRepeated(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Process first = start(out, tmp.resolve("first.log"));
        await(first, out, "decision", 3);     // the third generation has been chosen and is running
        first.destroyForcibly();             // SIGKILL: no shutdown hook, no finally
        first.waitFor(30, TimeUnit.SECONDS);
        assertEquals(events(out, "decision") - 1, events(out, "outcome"), "killed inside the third generation");
        for (Path f : jsonFiles(out)) Json.MAPPER.readTree(f.toFile());   // every file whole

        Process second = start(out, tmp.resolve("second.log"), "--max-runs", "12");
        assertTrue(second.waitFor(240, TimeUnit.SECONDS), "the restart finishes its budget");
        assertEquals(0, second.exitValue(), Files.readString(tmp.resolve("second.log")));

        Daemon.Saved st = Json.MAPPER.readValue(out.resolve("optimization_state.json").toFile(), Daemon.Saved.class);
        int sum = 0;
        for (StudyProgress p : st.ladder().studies()) {
            Path board = out.resolve("studies").resolve(p.name()).resolve("leaderboard.parquet");
            if (!Files.exists(board)) { assertEquals(0, p.evaluations(), p.name()); continue; }
            var rows = spark.read().parquet(board.toString());
            long total = rows.count(), distinct = rows.select("id").distinct().count();
            assertEquals(distinct, total, p.name() + ": no evaluation repeated");
            assertEquals(p.evaluations(), total, p.name() + ": the daemon's count is the Parquet leaderboard's");
            assertEquals(p.generations(), rows.select("generation").distinct().count(), p.name());
            assertEquals(0, rows.where(col("study").notEqual(p.name())).count());
            // The answer's tally of the study, as the daemon left it: every generation on disk, each row once.
            AnswerTally t = AnswerTally.read(AnswerTally.file(Location.of(out.resolve("studies").resolve(p.name())), p.name()));
            assertNotNull(t, p.name() + ": a tally beside the rows");
            assertEquals(p.generations(), t.generations().size(), p.name());
            assertEquals(total, t.rows(), p.name() + ": the tally counts each row once, also the generation the kill cut");
            sum += p.evaluations();
        }
        assertEquals(sum, st.runsTotal());
        assertTrue(st.runsTotal() >= 12 + 8, "two generations of 4 before the kill, 12 after: " + st.runsTotal());
        assertTrue(Files.readString(out.resolve("progress.md")).contains("runs in total"));
        AnswerTest.both(spark, Location.of(out), 2020, 2025);   // the daemon's answer (its tallies) is the answer from every row
    }

    @Test
    void sigtermFinishesTheGenerationAndExitsZeroAndASecondDaemonIsRefused(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Process daemon = start(out, tmp.resolve("a.log"));
        await(daemon, out, "decision", 2);
        Process intruder = start(out, tmp.resolve("b.log"));
        assertTrue(intruder.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, intruder.exitValue());
        assertTrue(Files.readString(tmp.resolve("b.log")).contains("another daemon (pid " + daemon.pid() + ")"),
                Files.readString(tmp.resolve("b.log")));

        daemon.destroy();   // SIGTERM
        assertTrue(daemon.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, daemon.exitValue(), Files.readString(tmp.resolve("a.log")));
        assertEquals(1, events(out, "stop"));
        Daemon.Saved st = Json.MAPPER.readValue(out.resolve("optimization_state.json").toFile(), Daemon.Saved.class);
        assertTrue(st.lastStop().startsWith("stop requested"), st.lastStop());
        assertEquals(events(out, "decision"), events(out, "outcome"), "the running generation was finished, not dropped");
        assertFalse(Files.exists(out.resolve("ceiling.md")));
    }

    private static List<Path> jsonFiles(Path out) throws Exception {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("leaderboard.parquet")).toList();
        }
    }
}
