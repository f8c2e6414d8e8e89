package sde.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sde.io.Json;
import sde.io.Location;
import sde.results.YearFigures;
import sde.sweep.Study;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The daemon's loop on a synthetic objective: budgets, state across restarts, reports, the ceiling, the goal, Telegram. */
class DaemonTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private Daemon daemon(DaemonSettings s, Synthetic obj, Path out, Telegram tg) {
        AtomicInteger fake = new AtomicInteger();
        return new Daemon(s, obj, (params, model) -> Synthetic.run(0.001 * (1 + fake.getAndIncrement() % 3)), Location.of(out),
                new PrintStream(console, true, StandardCharsets.UTF_8), tg, () -> 1_700_000_000_000L + fake.get());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> log(Path out) throws Exception {
        return Json.MAPPER.readValue(out.resolve("optimization_log.json").toFile(), List.class);
    }

    @Test
    void aFolderWithTheOldDaemonStateFileResumesAndMigrates(@TempDir Path out) throws Exception {
        DaemonSettings s = Synthetic.settings(List.of("momentum", "mean_reversion", "credit_spread"), 3, 100, 10);
        Synthetic obj = new Synthetic(4, (study, g) -> 0.1 + 0.01 * g);
        daemon(s, obj, out, null).run(new Daemon.Budget(10, 0), () -> false);
        // What an older version left: its state under the old name.
        Files.move(out.resolve(DaemonStore.STATE), out.resolve(DaemonStore.OLD_STATE));
        Daemon.SessionEnd second = daemon(s, obj, out, null).run(new Daemon.Budget(8, 0), () -> false);
        assertEquals(20, second.runsTotal(), "resumed from daemon_state.json, nothing lost or repeated");
        assertTrue(Files.exists(out.resolve("optimization_state.json")), "SPEC §7's name");
        assertFalse(Files.exists(out.resolve("daemon_state.json")), "migrated");
    }

    @Test
    void aBudgetStopsTheSessionAndARestartContinuesWhereItStopped(@TempDir Path out) throws Exception {
        DaemonSettings s = Synthetic.settings(List.of("momentum", "mean_reversion", "credit_spread"), 3, 100, 10);
        Synthetic obj = new Synthetic(4, (study, g) -> 0.1 + 0.01 * g);
        Daemon.SessionEnd first = daemon(s, obj, out, null).run(new Daemon.Budget(10, 0), () -> false);
        assertEquals(12, first.runsThisSession(), "three generations of four: the generation that crosses 10 finishes");
        assertTrue(first.reason().startsWith("budget spent"));
        assertTrue(Files.exists(out.resolve("ceiling.md")), "a budget stop writes the ceiling report too");

        Daemon.SessionEnd second = daemon(s, obj, out, null).run(new Daemon.Budget(8, 0), () -> false);
        assertEquals(20, second.runsTotal());
        // The synthetic runner counts generations per study; the ladder's restored state agrees, so nothing ran twice.
        Daemon.Saved st = Json.MAPPER.readValue(out.resolve("optimization_state.json").toFile(), Daemon.Saved.class);
        for (StudyProgress p : st.ladder().studies()) assertEquals(obj.generations.getOrDefault(p.name(), 0), p.generations(), p.name());
        List<Map<String, Object>> log = log(out);
        assertEquals(5, log.stream().filter(e -> e.get("event").equals("decision")).count());
        for (Map<String, Object> e : log) {
            if (e.get("event").equals("decision")) {
                assertNotNull(e.get("reason"));
                assertNotNull(e.get("hypothesis"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> pointsPerStudy(Path out) throws Exception {
        Map<String, Object> json = Json.MAPPER.readValue(out.resolve("ceiling.json").toFile(), Map.class);
        Map<String, Integer> n = new TreeMap<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) json.get("curves")) n.put((String) c.get("study"),
                ((List<?>) c.get("points")).size());
        return n;
    }

    @Test
    void theBestSoFarCurvesOutliveARestartAndAnOlderStateTakesThemFromTheJournal(@TempDir Path out) throws Exception {
        DaemonSettings s = Synthetic.settings(List.of("momentum", "mean_reversion", "credit_spread"), 3, 100, 10);
        Synthetic obj = new Synthetic(4, (study, g) -> 0.1 + 0.01 * g);
        daemon(s, obj, out, null).run(new Daemon.Budget(10, 0), () -> false);

        // A state file written before the curves were kept: the curves come back from the journal's lines.
        Path state = out.resolve(DaemonStore.STATE);
        JsonNode saved = Json.MAPPER.readTree(state.toFile());
        for (JsonNode p : saved.path("ladder").path("studies")) {
            assertTrue(p.path("curve").size() > 0, "the state keeps each study's curve");
            ((ObjectNode) p).remove("curve");
        }
        Json.MAPPER.writeValue(state.toFile(), saved);
        daemon(s, obj, out, null).run(new Daemon.Budget(8, 0), () -> false);
        // One point per generation, the first session's too.
        assertEquals(new TreeMap<>(obj.generations), pointsPerStudy(out), "no point lost across the upgrade");

        // The ceiling reads the curves from the state: without the journal, a third session still has every point.
        Files.delete(out.resolve("optimization_log.jsonl"));
        daemon(s, obj, out, null).run(new Daemon.Budget(4, 0), () -> false);
        assertEquals(new TreeMap<>(obj.generations), pointsPerStudy(out));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRungPlateausThenTheCeilingReportShowsTheGap(@TempDir Path out) throws Exception {
        DaemonSettings s = Synthetic.settings(List.of("momentum", "mean_reversion", "credit_spread"), 2, 100, 1000);
        Synthetic obj = new Synthetic(4, (study, g) -> 0.05 + (study.length() % 5) * 0.01);
        Daemon.SessionEnd o = daemon(s, obj, out, null).run(new Daemon.Budget(0, 0), () -> false);
        assertEquals("every rung has plateaued", o.reason());
        String ceiling = Files.readString(out.resolve("ceiling.md"));
        assertTrue(ceiling.contains("| single strategies | single_"), ceiling);
        assertTrue(ceiling.contains("| blends of the top singles | blend_"), ceiling);
        assertTrue(ceiling.contains("| regime-switching blends | regime_"), ceiling);
        assertTrue(ceiling.contains("| 2020 |") && ceiling.contains("| 2021 |"), "the switching ceiling per year");
        @SuppressWarnings("unchecked") Map<String, Object> json = Json.MAPPER.readValue(out.resolve("ceiling.json").toFile(), Map.class);
        assertEquals(2, ((List<?>) json.get("switching_ceiling")).size());
        List<Map<String, Object>> log = log(out);
        assertTrue(log.stream().anyMatch(e -> String.valueOf(e.get("reason")).contains("has plateaued; searching regime-switching")),
                "why it moved up");
        // The evidence behind the ceiling: every study's best-so-far curve, from its log.
        List<Map<String, Object>> curves = (List<Map<String, Object>>) json.get("curves");
        assertEquals(obj.generations.keySet(), curves.stream().map(c -> c.get("study")).collect(Collectors.toSet()));
        for (Map<String, Object> c : curves) {
            List<List<Number>> pts = (List<List<Number>>) c.get("points");
            assertEquals(obj.generations.get((String) c.get("study")), pts.size(), "one point per generation");
            for (int k = 1; k < pts.size(); k++) {
                assertTrue(pts.get(k).get(0).doubleValue() > pts.get(k - 1).get(0).doubleValue(), "evaluations grow");
                assertTrue(pts.get(k).get(1).doubleValue() >= pts.get(k - 1).get(1).doubleValue(), "the best so far never falls");
            }
        }
        assertTrue(ceiling.contains("## Best-so-far curves"), ceiling);
        // Per rung and year the Calmar ratio against 200/15; none passed the gate here, so each is the rung's best by score, marked.
        List<Map<String, Object>> calmar = (List<Map<String, Object>>) json.get("calmar");
        assertEquals(3 * 2, calmar.size(), "3 rungs × 2 years");
        for (Map<String, Object> y : calmar) {
            assertEquals(false, y.get("robust"));
            double c = ((Number) y.get("calmar")).doubleValue(), of = ((Number) y.get("of_goal")).doubleValue();
            assertEquals(c / (200.0 / 15.0), of, 1e-12);
            assertEquals(((Number) y.get("return_pct")).doubleValue() / ((Number) y.get("max_dd_pct")).doubleValue(), c, 1e-12);
        }
        // ... and the switching oracle again on the low and high surfaces.
        assertEquals(Set.of("base", "low", "high"), ((Map<String, Object>) json.get("switching_ceiling_by_surface")).keySet());
    }

    @Test
    void aPlateauedLadderRestartsEachRungWithADoubledPopulationUntilTheCeilingCriterion(@TempDir Path out) {
        DaemonSettings s = Synthetic.settings(List.of("momentum", "mean_reversion"), 2, 100, 1000, 2);
        // Restarts never beat the first searches.
        Synthetic obj = new Synthetic(4, (study, g) -> Ladder.restartIndex(study) == 0 ? 0.1 + 0.01 * study.length() : 0.05);
        Daemon.SessionEnd o = daemon(s, obj, out, null).run(new Daemon.Budget(0, 0), () -> false);
        assertTrue(o.reason().startsWith("ceiling: every rung has plateaued and its last 2 restarts"), o.reason());
        for (String rung : List.of("single_", "blend_", "regime_")) {
            List<String> restarts = obj.asked.keySet().stream().filter(n -> n.startsWith(rung) && Ladder.restartIndex(n) > 0).toList();
            assertEquals(2, restarts.size(), rung + " restarted twice, both failed: " + restarts);
            Study r1 = obj.asked.get(restarts.get(0)), r2 = obj.asked.get(restarts.get(1));
            assertEquals(List.of(8, 16), List.of(r1.population(), r2.population()), "IPOP: the population doubles");
            assertEquals(List.of("cmaes", "ga"), List.of(r1.optimizer(), r2.optimizer()), "then other optimizers");
            assertNotEquals(r1.seed(), r2.seed(), "fresh seeds");
        }
    }

    @Test
    void aRestartThatRaisesItsRungsBestEarnsTheRungMoreRestarts(@TempDir Path out) {
        DaemonSettings s = Synthetic.settings(List.of("momentum", "mean_reversion"), 2, 100, 1000, 2);
        // The first restart of mean_reversion finds a better single; no other restart helps.
        Synthetic obj = new Synthetic(4, (study, g) -> study.equals("single_mean_reversion_r1") ? 0.5
                : Ladder.restartIndex(study) == 0 ? 0.1 : 0.05);
        Daemon.SessionEnd o = daemon(s, obj, out, null).run(new Daemon.Budget(0, 0), () -> false);
        assertTrue(o.reason().startsWith("ceiling"), o.reason());
        long singles = obj.asked.keySet().stream().filter(n -> n.startsWith("single_") && Ladder.restartIndex(n) > 0).count();
        assertEquals(3, singles, "one that helped, then two in a row that did not: " + obj.asked.keySet());
    }

    @Test
    void afterACeilingStopARestartStopsAtOnceUnlessReopened(@TempDir Path out) {
        DaemonSettings s = Synthetic.settings(List.of("momentum", "mean_reversion"), 2, 100, 1000);
        Synthetic obj = new Synthetic(4, (study, g) -> 0.1);
        assertEquals("every rung has plateaued", daemon(s, obj, out, null).run(new Daemon.Budget(0, 0), () -> false).reason());
        assertEquals(0, daemon(s, obj, out, null).run(new Daemon.Budget(0, 0), () -> false).runsThisSession());
        Daemon.SessionEnd again = daemon(s, obj, out, null).run(new Daemon.Budget(0, 0, true), () -> false);
        assertTrue(again.runsThisSession() > 0, "reopened studies run again");
        assertEquals("every rung has plateaued", again.reason());
    }

    private static YearFigures year(int y, double returnPct, double maxDdPct) {
        return new YearFigures(y, returnPct, maxDdPct, 40, 1.0, 1.0, 0);
    }

    @Test
    void everyReportStartsWithTheAnswersVerdictAndTheAnswerIsWrittenAtTheStop(@TempDir Path out) throws Exception {
        DaemonSettings s = Synthetic.settings(List.of("momentum"), 3, 100, 1000);
        List<String> written = new ArrayList<>();
        daemon(s, new Synthetic(4, (study, g) -> 0.5), out, null)
                .withAnswer(dir -> {
                    written.add(dir.toString());
                    return "NO VICTORY FOUND over " + written.size() + " answers";
                })
                .run(new Daemon.Budget(400, 0), () -> false);
        assertFalse(written.isEmpty(), "the answer is written at the stop");
        assertEquals(out.toString(), written.get(0), "into the daemon's own folder");
        // Each report carries the verdict line under its heading (Telegram's message opens with it).
        String progress = Files.readString(out.resolve("progress.md"));
        assertTrue(progress.matches("(?s).*\n## sde daemon[^\n]*\n\n?NO VICTORY FOUND over " + written.size()
                + " answers \\(answer.md written in [0-9.]+ s\\)\n.*"), progress);

        Path broken = out.resolve("broken");
        Daemon.SessionEnd o = daemon(s, new Synthetic(4, (study, g) -> 0.5), broken, null)
                .withAnswer(dir -> { throw new IllegalStateException("no leaderboard yet"); })
                .run(new Daemon.Budget(400, 0), () -> false);
        assertTrue(o.runsThisSession() > 0 && !o.reason().contains("no leaderboard"),
                "a failing answer never stops the search: " + o.reason());
        assertTrue(Files.readString(broken.resolve("optimization_log.jsonl")).contains("answer_failed"));
    }

    @Test
    void aRobustVictoryStopsTheSearch(@TempDir Path out) throws Exception {
        DaemonSettings s = Synthetic.settings(List.of("momentum", "mean_reversion"), 3, 100, 1000);
        Synthetic obj = new Synthetic(4, (study, g) -> 0.5);
        obj.robust.put("single_mean_reversion", List.of(year(2020, 250.0, 12.0), year(2021, 210.0, 14.0)));
        Daemon.SessionEnd o = daemon(s, obj, out, null).run(new Daemon.Budget(0, 0), () -> false);
        assertTrue(o.goalMet());
        assertEquals(Daemon.Stop.GOAL, o.stop());
        assertTrue(o.reason().startsWith("goal met: single_mean_reversion#0"), o.reason());
        assertTrue(Files.readString(out.resolve("ceiling.md")).contains("| single_mean_reversion#0 (0.5000) |"),
                "the best ROBUST score per rung");

        Synthetic near = new Synthetic(4, (study, g) -> 0.5);
        near.robust.put("single_mean_reversion", List.of(year(2020, 250.0, 15.5)));
        assertFalse(daemon(s, near, out.resolve("b"), null).run(new Daemon.Budget(40, 0), () -> false).goalMet(),
                "15.5 % drawdown is not victory");

        Synthetic unverified = new Synthetic(4, (study, g) -> 0.5);
        unverified.robust.put("single_mean_reversion", List.of(year(2020, 250.0, 12.0), year(2021, 210.0, 14.0)));
        unverified.unverified.add("single_mean_reversion");
        assertFalse(daemon(s, unverified, out.resolve("c"), null).run(new Daemon.Budget(40, 0), () -> false).goalMet(),
                "earned where no real data checked the model (MODEL_UNVERIFIED): not victory");
    }

    @Test
    void aStopRequestEndsAfterTheRunningGenerationWithoutACeiling(@TempDir Path out) {
        DaemonSettings s = Synthetic.settings(List.of("momentum"), 3, 100, 1000);
        Synthetic obj = new Synthetic(4, (study, g) -> 0.1 + g);
        AtomicInteger polls = new AtomicInteger();
        Daemon.SessionEnd o = daemon(s, obj, out, null).run(new Daemon.Budget(0, 0), () -> polls.incrementAndGet() > 2);
        assertEquals(8, o.runsThisSession(), "two whole generations");
        assertTrue(o.reason().startsWith("stop requested"));
        assertEquals(Daemon.Stop.REQUESTED, o.stop(), "what the code decides on, beside the words");
        assertFalse(Files.exists(out.resolve("ceiling.md")));
        assertTrue(Files.exists(out.resolve("optimization_state.json")));
    }

    @Test
    void reportsComeEveryFewMinutesAtAnySpeedAndTelegramIsRateLimited(@TempDir Path out) throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            sent.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
            ex.close();
        });
        server.start();
        try {
            String api = "http://127.0.0.1:" + server.getAddress().getPort();
            // A run count that never comes due, a report every 5 minutes, Telegram at most every 10.
            DaemonSettings s = new DaemonSettings(List.of("momentum", "mean_reversion"), "tpe", 4, 100, 0.001, 1000, 2, 1000, 1_000_000, 5,
                    0, 1, List.of(2020, 2022), List.of(2023, 2025), api, 2, 600, 2, 1.0, null, 3, 0.25, 24);
            Synthetic obj = new Synthetic(4, (study, g) -> 0.1 + 0.01 * g);
            // Each generation takes a minute on this clock.
            Daemon d = new Daemon(s, obj, null, Location.of(out), new PrintStream(console, true, StandardCharsets.UTF_8),
                    Telegram.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", "1:X", "TELEGRAM_CHAT_ID", "2"), s), () ->
                            1_700_000_000_000L + 60_000L * obj.calls.size());
            d.run(new Daemon.Budget(80, 0), () -> false);
            assertEquals(20, obj.calls.size());
            String progress = Files.readString(out.resolve("progress.md"));
            assertEquals(5, progress.split("\n## ").length - 1, "at minutes 5, 10, 15 and 20, and at the stop: " + progress);
            assertEquals(3, sent.size(), "at minutes 5 and 15 (10 and 20 are inside the 10-minute limit), and the stop's");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void reportsGoToProgressMdAndTelegramAndAFailedSendNeverStopsTheDaemon(@TempDir Path out) throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>(), paths = new CopyOnWriteArrayList<>();
        AtomicInteger status = new AtomicInteger(200);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            paths.add(ex.getRequestURI().getPath());
            bodies.add(URLDecoder.decode(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            byte[] reply = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status.get(), reply.length);
            ex.getResponseBody().write(reply);
            ex.close();
        });
        server.start();
        try {
            String api = "http://127.0.0.1:" + server.getAddress().getPort();
            DaemonSettings s = Synthetic.settings(List.of("momentum", "mean_reversion"), 3, 100, 8);
            Telegram tg = Telegram.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", "123:SECRET", "TELEGRAM_CHAT_ID", "42"),
                    new DaemonSettings(s.strategies(), "tpe", 4, 3, 0.001, 12, 2, 100, 8, 0, 0, 1, s.trainYears(), s.testYears(), api, 2,
                            0, 2, 1.0, null, 3, 0.25, 24));
            Synthetic obj = new Synthetic(4, (study, g) -> 0.1 + 0.01 * g);
            daemon(s, obj, out, tg).run(new Daemon.Budget(16, 0), () -> false);
            assertEquals(List.of("/bot123:SECRET/sendMessage", "/bot123:SECRET/sendMessage", "/bot123:SECRET/sendMessage"), paths,
                    "at 8 and 16 runs, and at the stop");
            assertTrue(bodies.get(0).startsWith("chat_id=42&text=sde daemon"), bodies.get(0));
            assertTrue(bodies.get(0).contains("8 runs in total") && bodies.get(0).contains("single strategies: 2 studies"), bodies.get(0));
            String progress = Files.readString(out.resolve("progress.md"));
            assertEquals(3, progress.split("\n## ").length - 1, progress);
            assertTrue(progress.contains("best train score"));

            status.set(500);
            daemon(s, obj, out, tg).run(new Daemon.Budget(8, 0), () -> false);
            assertTrue(log(out).stream().anyMatch(e ->
                    "telegram_failed".equals(e.get("event")) && "Telegram answered HTTP 500".equals(e.get("reason"))));
        } finally {
            server.stop(0);
        }
        Telegram down = new Telegram("http://127.0.0.1:1", "123:SECRET", "42", 2);
        String why = down.send("hello");
        assertNotNull(why);
        assertFalse(why.contains("SECRET"), why);
        for (Path f : List.of(out.resolve("optimization_log.json"), out.resolve("progress.md"), out.resolve("optimization_state.json"))) {
            assertFalse(Files.readString(f).contains("SECRET"), "the token is never written: " + f);
        }
        assertFalse(console.toString().contains("SECRET"));
        assertNull(Telegram.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", "x"), Synthetic.settings(List.of("momentum"), 3, 1, 1)),
                "both variables or nothing");
    }

    @Test
    void oneDaemonPerOutputFolder(@TempDir Path out) throws Exception {
        try (DaemonLock first = DaemonLock.acquire(out)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DaemonLock.acquire(out));
            assertTrue(e.getMessage().contains("another daemon (pid " + ProcessHandle.current().pid() + ")"), e.getMessage());
        }
        DaemonLock.acquire(out).close();   // released: the next one gets it
    }

    @Test
    void theSwitchingCeilingTakesTheBestRunEachDay() {
        var a = Synthetic.run(0.01);    // +1 %, -0.5 %, +1 %, ...
        var b = Synthetic.run(0.0);
        List<SwitchingOracle.Year> y = SwitchingOracle.oracle(Map.of("a", a, "b", b));
        // On a's down days the oracle holds b (flat): only the up days count.
        int ups2020 = 0;
        for (int t = 1; t < a.days().length; t++) {
            if (LocalDate.ofEpochDay(a.days()[t]).getYear() == 2020 && a.equity()[t] > a.equity()[t - 1]) ups2020++;
        }
        assertEquals(100 * (Math.pow(1.01, ups2020) - 1), y.get(0).returnPct(), 1e-6);
        assertEquals(0, y.get(0).maxDdPct(), 1e-12);
    }
}
