package sde.daemon;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sde.data.Fixtures;
import sde.io.Json;
import sde.io.Location;
import sde.pricing.Model;
import sde.spark.Answer;
import sde.spark.SparkBackend;
import sde.spark.SparkSessionExtension;
import sde.data.AlignmentRules;
import sde.data.MarketData;
import sde.data.MarketDataBuilder;
import sde.data.MarketSources;
import sde.data.RawSeries;
import sde.data.Symbol;
import sde.data.SyntheticMarket;
import sde.sweep.Evaluation;
import sde.sweep.Study;
import sde.sweep.SweepContext;
import sde.sweep.SweepJob;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static sde.backtest.Engines.CONF;

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

        Answer.File a = both(spark, Location.of(out), 2020, 2021);
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
        assertTrue(a.saturation().stream().anyMatch(s -> s.group().equals("all") && s.evaluations() == 3 && s.year() == 2020),
                "too few rows for three decades: read at each generation's end (3 rows in generation 0), so a curve has a shape");
        assertTrue(a.saturation().stream().anyMatch(s -> s.group().equals("first searches") && s.evaluations() == 4),
                "no study here is a restart (NAME_rK)");

        // A generation on disk that its study's tally does not hold (a kill between the rows and the tally): folded in.
        assertTrue(Files.exists(out.resolve("studies/single_a/tallies/single_a.json")), "the first answer kept what it folded in");
        write(spark, out.resolve("studies/single_a"), List.of(row("a3", "single_a", "tpe", 2, true, new double[][]{{320, 13}, {5, 1}})));
        Answer.File later = both(spark, Location.of(out), 2020, 2021);
        assertEquals("a3", point(later, Answer.FEASIBLE, 2020, 15).id());
        write(spark, out.resolve("studies/single_a"), List.of(row("a4", "single_a", "tpe", 3, true, new double[][]{{1, 1}, {1, 1}})));
        assertEquals(6, Answer.fromTallies(spark, Location.of(out), 2020, 2021).rows(), "and kept: no row read twice");
        assertEquals(6, both(spark, Location.of(out), 2020, 2021).rows());

        // The ROBUST frontier re-run on the model band and at growing capital (a runner that never meets the market's capacity).
        List<String> runs = new ArrayList<>();
        Answer.File checked = Answer.checked(spark, Location.of(out), a, (params, model, capital) -> {
            runs.add(model + "@" + capital);
            return Synthetic.run(model == Model.LOW ? 0.001 : 0.002);
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
        Answer.File v = both(spark, Location.of(out), 2020, 2021);
        assertEquals("VICTORY", v.verdict());
        assertEquals("c1", v.victoryId());
        Answer.write(Location.of(out), v);
        assertTrue(Files.readString(out.resolve("answer.md")).contains("**VICTORY: c1 makes at least 200 %"));
        assertEquals("VICTORY", Json.MAPPER.readTree(out.resolve("answer.json").toFile()).get("verdict").asText(), "snake_case JSON");
    }

    @Test
    void anEmptyOrAllInfeasibleFolderIsAStatementNotAnError(SparkSession spark, @TempDir Path out) throws Exception {
        Answer.File empty = both(spark, Location.of(out), 2020, 2021);
        assertEquals("NO RESULTS", empty.verdict());
        assertTrue(empty.verdictLine().contains("holds no leaderboard"), empty.verdictLine());
        Answer.write(Location.of(out), empty);
        assertTrue(Files.exists(out.resolve("answer.md")));

        write(spark, out.resolve("studies/single_x"),
                List.of(row("x1", "single_x", "tpe", 0, false, new double[][]{{500, 60}, {500, 60}})));
        Answer.File none = both(spark, Location.of(out), 2020, 2021);
        assertEquals("NO VICTORY FOUND", none.verdict());
        assertEquals(0, none.feasibleRows());
        assertTrue(none.frontier().isEmpty());
        assertEquals(200, none.distance().get(0).shortfallPp(), 1e-9, "nothing vouched: the whole 200 % is missing");
    }

    @Test
    void aCraftedMarketWhereAStrategyMeetsTheGoalGivesVictoryThroughSearchGateAndAnswer(SparkSession spark, @TempDir Path out)
            throws Exception {
        // SPY swings ±3 % around a flat level every 8 sessions, in a market deep enough that no order moves it: buying the
        // trough and selling the way back up makes about 300 % a year at under 1 % drawdown, with 32 or more trades a year.
        Path file = out.resolve("crafted.yaml");
        Fixtures.write(file, """
                study: crafted_swing
                seed: 3
                optimizer: random
                optimizer_settings: {elites: 1, tournament: 2, crossover: 0.9, mutation_rate: 0.3, mutation_sigma: 0.2,
                                     tpe_gamma: 0.25, tpe_candidates: 16, tpe_startup: 4}
                population: 4
                generations: 2
                train_years: [2020, 2022]
                test_years: [2023, 2025]
                top_n: 10
                strategies:
                  - name: mean_reversion
                    fixed: {symbol: SPY, lookback: 8, exit_z: 0.5, max_hold: 4, invest_pct: 0.9}
                    search: [entry_z]
                    bounds: {entry_z: [0.6, 0.9]}
                """);
        SweepJob.StudyResult o = search(spark, swingingSpy(0.03, 8, 5e9), file, out);
        assertNotNull(o.robustVerdict(), "the gate judged the study's best ROBUST");
        assertTrue(o.robustVerdict().vouched(), "shares only: no modeled price to vouch for, nothing fragile on the band");

        Answer.File a = both(spark, Location.of(out), 2020, 2025);
        assertEquals("VICTORY", a.verdict(), a.verdictLine());
        assertEquals(o.robustVerdict().id(), a.victoryId());
        for (int year = 2020; year <= 2025; year++) {
            Answer.Point p = point(a, Answer.VOUCHED, year, 15);
            assertTrue(p.returnPct() >= 200, year + ": " + p);
        }
        Answer.write(Location.of(out), a);
        assertTrue(Files.readString(out.resolve("answer.md")).contains("**VICTORY: " + a.victoryId()));

        // The same search where SPY swings ±1 %: the same trades make far less, and the answer says how far.
        search(spark, swingingSpy(0.01, 8, 5e9), file, out.resolve("small"));
        Answer.File small = both(spark, Location.of(out.resolve("small")), 2020, 2025);
        assertEquals("NO VICTORY FOUND", small.verdict(), small.verdictLine());
        assertTrue(small.distance().stream().allMatch(d -> d.shortfallPp() > 0), small.distance().toString());
    }

    private static SweepJob.StudyResult search(SparkSession spark, MarketData md, Path study, Path out) {
        SweepContext ctx = SparkBackend.context(spark, md, CONF.pricing(), CONF.backtest(), CONF.regime());
        return new SweepJob(ctx, Study.load(study), Location.of(out.resolve("studies/crafted_swing")),
                new PrintStream(new ByteArrayOutputStream()))
                .withGate(new SearchGate(ctx, CONF.validate(), CONF.coverage())).run(false);
    }

    /**
     * The synthetic market of seed 11 with SPY replaced: {@code amplitude} around a flat 300 over {@code period} sessions,
     * opening at the previous close, {@code volume} shares a day and no dividends. The other series stay synthetic.
     */
    private static MarketData swingingSpy(double amplitude, int period, double volume) {
        LocalDate from = LocalDate.of(2019, 1, 2), to = LocalDate.of(2025, 12, 31);
        MarketSources src = SyntheticMarket.sources(11, from, to);
        RawSeries spy = src.bars().get(Symbol.SPY);
        int n = spy.size();
        double[] c = new double[n], o = new double[n], h = new double[n], l = new double[n], v = new double[n];
        for (int t = 0; t < n; t++) {
            c[t] = Math.round(30_000 * (1 + amplitude * Math.sin(2 * Math.PI * t / period))) / 100.0;
            o[t] = t == 0 ? c[t] : c[t - 1];
            h[t] = Math.max(o[t], c[t]);
            l[t] = Math.min(o[t], c[t]);
            v[t] = volume;
        }
        Map<Symbol, RawSeries> bars = new EnumMap<>(src.bars());
        bars.put(Symbol.SPY, new RawSeries("SPY", "CRAFTED", spy.layout(), spy.days(), o, h, l, c, c.clone(), v, null));
        RawSeries noDividends = src.dividends().get(Symbol.SPY);
        Map<Symbol, RawSeries> dividends = new EnumMap<>(src.dividends());
        dividends.put(Symbol.SPY, new RawSeries("SPY", "CRAFTED", noDividends.layout(), new int[0], null, null, null, new double[0], null,
                null, new double[0]));
        MarketSources crafted = new MarketSources("CRAFTED swinging SPY", bars, src.adjustedOnly(), dividends, src.scalars(), src.events(),
                src.unavailable(), src.ignoredEvents(), src.warnings(), true, src.benchmarks());
        return MarketDataBuilder.build(crafted, (int) from.toEpochDay(), (int) to.toEpochDay(), AlignmentRules.spec());
    }

    /**
     * The answer from scratch, checked against the answer from the studies' tallies (the daemon's): the two agree to the
     * byte. These folders' crafted leaderboards have no tallies, so this also folds a study's rows into a tally from nothing.
     */
    static Answer.File both(SparkSession spark, Location dir, int first, int last) {
        Answer.File scratch = Answer.compute(spark, dir, first, last);
        assertEquals(Json.toJson(scratch), Json.toJson(Answer.fromTallies(spark, dir, first, last)), "the tallies' answer over " + dir);
        return scratch;
    }

    private static Answer.Point point(Answer.File a, String population, int year, double cap) {
        return a.frontier().stream().filter(p -> p.population().equals(population) && p.year() == year && p.capPct() == cap)
                .findFirst().orElse(null);
    }

    private static Evaluation row(String id, String study, String optimizer, int generation, boolean feasible, double[][] years) {
        List<Map<String, Object>> y = new ArrayList<>();
        for (int k = 0; k < years.length; k++) {
            y.add(Map.of("year", 2020 + k, "return_pct", years[k][0], "max_dd_pct", years[k][1], "trades", 40));
        }
        Evaluation.Figures f = new Evaluation.Figures(0, feasible ? 0 : 1, feasible, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null,
                Json.compact(y), 0, "centre");
        return new Evaluation(study, generation, optimizer, id, "{}", null, null, null, f, null, 0);
    }

    private static void write(SparkSession spark, Path studyDir, List<Evaluation> rows) {
        // As the sweep lays a study out: its Parquet leaderboard, partitioned by study and generation.
        new SparkBackend(spark, null).store(Location.of(studyDir), rows.get(0).study()).append(rows);
    }

    private static void verdict(Path dir, String id, List<String> flags, boolean judgedOnCoverage) throws Exception {
        Files.createDirectories(dir);
        Json.write(dir.resolve(id + ".json"), Map.of("id", id, "overfit_score", 0.8, "verdict", "ROBUST", "rejected", false, "flags", flags,
                "statistics", judgedOnCoverage ? Map.of("coverage", "…") : Map.of()));
    }
}
