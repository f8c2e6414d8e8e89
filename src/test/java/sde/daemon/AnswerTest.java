package sde.daemon;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sde.io.Json;
import sde.io.Location;
import sde.spark.SparkSessionExtension;
import sde.sweep.Evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** SPEC §7 answer: crafted leaderboards and verdicts give the frontier and the verdict a reader can check by hand. */
@ExtendWith(SparkSessionExtension.class)
class AnswerTest {
    @Test
    void frontierAndVerdictOfCraftedLeaderboards(SparkSession spark, @TempDir Path out) throws Exception {
        // Two studies. In 2020: a feasible row at 300 % / 12 % DD, a ROBUST one at 150 % / 8 %, an infeasible one at 900 % / 5 %.
        write(spark, out.resolve("studies/single_a"), List.of(
                row("a1", "single_a", "tpe", 0, true, new double[][]{{300, 12}, {100, 30}}),
                row("a2", "single_a", "tpe", 1, false, new double[][]{{900, 5}, {900, 5}})));
        write(spark, out.resolve("studies/blend_b"), List.of(
                row("b1", "blend_b", "ga", 0, true, new double[][]{{150, 8}, {250, 14}}),
                row("b2", "blend_b", "ga", 0, true, new double[][]{{40, 4}, {20, 3}})));
        verdict(out.resolve("studies/blend_b/validations"), "b1", List.of(), true);
        verdict(out.resolve("studies/blend_b/validations"), "b2", List.of("MODEL_UNVERIFIED"), true);

        Answer.File a = Answer.compute(spark, Location.of(out), 2020, 2021);
        assertEquals("NO VICTORY FOUND", a.verdict());
        assertEquals(4, a.rows());
        assertEquals(3, a.feasibleRows());
        assertEquals(2, a.robust());
        assertEquals(1, a.vouched(), "b2 is flagged MODEL_UNVERIFIED");
        assertEquals("a1", point(a, Answer.FEASIBLE, 2020, 15).id(), "the infeasible 900 % never counts");
        assertEquals(300, point(a, Answer.FEASIBLE, 2020, 15).returnPct(), 1e-9);
        assertEquals("b1", point(a, Answer.FEASIBLE, 2020, 10).id(), "at ≤ 10 % DD the 12 % row is out");
        assertEquals("b1", point(a, Answer.VOUCHED, 2021, 15).id());
        assertNull(point(a, Answer.VOUCHED, 2021, 10), "b1's 14 % is over the cap and b2 is not vouched");
        Answer.Distance d2020 = a.distance().get(0);
        assertEquals(50, d2020.shortfallPp(), 1e-9, "the vouched 150 % is 50 points short of 200 %");
        assertTrue(a.verdictLine().startsWith("NO VICTORY FOUND over 4 evaluations"), a.verdictLine());
        // Saturation: every group's curve ends at its own size.
        assertTrue(a.saturation().stream().anyMatch(s -> s.group().equals("all") && s.evaluations() == 4 && s.year() == 2020
                && s.id().equals("a1")), a.saturation().toString());
        assertTrue(a.saturation().stream().anyMatch(s -> s.group().equals("rung blend") && s.evaluations() == 2));

        // The ROBUST frontier re-run on the model band and at growing capital (a runner that never meets the market's capacity).
        List<String> runs = new ArrayList<>();
        Answer.File checked = Answer.checked(spark, Location.of(out), a, (params, model, capital) -> {
            runs.add(model + "@" + capital);
            return Synthetic.run(model == sde.pricing.Model.LOW ? 0.001 : 0.002);
        });
        assertFalse(checked.checks().isEmpty());
        assertTrue(checked.checks().stream().allMatch(c -> c.id().equals("b1") || c.id().equals("b2")), checked.checks().toString());
        Answer.Check c2020 = checked.checks().stream().filter(c -> c.year() == 2020).findFirst().orElseThrow();
        assertTrue(c2020.lowReturnPct() < c2020.highReturnPct(), "the low surface's run is the low one here");
        assertNull(c2020.capacityCutsFrom(), "never cut up to $100M");
        assertTrue(runs.containsAll(List.of("LOW@NaN", "HIGH@NaN", "BASE@NaN", "BASE@10000.0", "BASE@1.0E8")), runs.toString());
        assertFalse(checked.oracle().isEmpty(), "the switching oracle over the ROBUST frontier's runs");
        assertTrue(checked.oracle().stream().noneMatch(y -> y.goalMet()), "0.2 % a day every other day is far from 200 % a year");
        Answer.write(Location.of(out), checked);
        String md = Files.readString(out.resolve("answer.md"));
        assertTrue(md.contains("| beyond $100M |") && md.contains("## Bounds on timing"), md);

        // A vouched result that clears 200 % at ≤ 15 % in both years is the victory.
        write(spark, out.resolve("studies/regime_c"),
                List.of(row("c1", "regime_c", "cmaes", 0, true, new double[][]{{210, 15}, {400, 2}})));
        verdict(out.resolve("studies/regime_c/validations"), "c1", List.of(), true);
        Answer.File v = Answer.compute(spark, Location.of(out), 2020, 2021);
        assertEquals("VICTORY", v.verdict());
        assertEquals("c1", v.victoryId());
        Answer.write(Location.of(out), v);
        assertTrue(Files.readString(out.resolve("answer.md")).contains("**VICTORY: c1 makes at least 200 %"));
        assertEquals("VICTORY", Json.MAPPER.readTree(out.resolve("answer.json").toFile()).get("verdict").asText(), "snake_case JSON");
    }

    @Test
    void anEmptyOrAllInfeasibleFolderIsAStatementNotAnError(SparkSession spark, @TempDir Path out) throws Exception {
        Answer.File empty = Answer.compute(spark, Location.of(out), 2020, 2021);
        assertEquals("NO RESULTS", empty.verdict());
        assertTrue(empty.verdictLine().contains("holds no leaderboard"), empty.verdictLine());
        Answer.write(Location.of(out), empty);
        assertTrue(Files.exists(out.resolve("answer.md")));

        write(spark, out.resolve("studies/single_x"),
                List.of(row("x1", "single_x", "tpe", 0, false, new double[][]{{500, 60}, {500, 60}})));
        Answer.File none = Answer.compute(spark, Location.of(out), 2020, 2021);
        assertEquals("NO VICTORY FOUND", none.verdict());
        assertEquals(0, none.feasibleRows());
        assertTrue(none.frontier().isEmpty());
        assertEquals(200, none.distance().get(0).shortfallPp(), 1e-9, "nothing vouched: the whole 200 % is missing");
    }

    private static Answer.Point point(Answer.File a, String population, int year, double cap) {
        return a.frontier().stream().filter(p -> p.population().equals(population) && p.year() == year && p.capPct() == cap)
                .findFirst().orElse(null);
    }

    private static Evaluation row(String id, String study, String optimizer, int generation, boolean feasible, double[][] years) {
        Evaluation e = new Evaluation();
        e.setId(id);
        e.setStudy(study);
        e.setOptimizer(optimizer);
        e.setGeneration(generation);
        e.setFeasible(feasible);
        e.setViolation(feasible ? 0 : 1);
        List<Map<String, Object>> y = new ArrayList<>();
        for (int k = 0; k < years.length; k++) {
            y.add(Map.of("year", 2020 + k, "return_pct", years[k][0], "max_dd_pct", years[k][1], "trades", 40));
        }
        e.setYears(Json.compact(y));
        e.setParams("{}");
        return e;
    }

    private static void write(SparkSession spark, Path studyDir, List<Evaluation> rows) {
        // As LeaderboardStore lays a study out: partitioned by study and generation, which live in the path only.
        spark.createDataFrame(rows, Evaluation.class).write().partitionBy("study", "generation")
                .parquet(studyDir.resolve("leaderboard.parquet").toString());
    }

    private static void verdict(Path dir, String id, List<String> flags, boolean judgedOnCoverage) throws Exception {
        Files.createDirectories(dir);
        Json.write(dir.resolve(id + ".json"), Map.of("id", id, "overfit_score", 0.8, "verdict", "ROBUST", "rejected", false, "flags", flags,
                "statistics", judgedOnCoverage ? Map.of("coverage", "…") : Map.of()));
    }
}
