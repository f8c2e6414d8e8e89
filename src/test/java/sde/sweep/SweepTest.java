package sde.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sde.backtest.Engines;
import sde.io.ConfigException;
import sde.data.Fixtures;
import sde.io.Location;
import sde.spark.SparkBackend;
import sde.spark.SparkSessionExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Small studies on the real data through the shared local SparkSession. */
@ExtendWith(SparkSessionExtension.class)
@SuppressWarnings("unchecked")
class SweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path study(Path dir, String optimizer, int partitions) {
        Path f = dir.resolve("study-" + optimizer + "-" + partitions + ".yaml");
        Fixtures.write(f, """
                study: tiny
                seed: 7
                optimizer: %s
                optimizer_settings: {elites: 1, tournament: 2, crossover: 0.9, mutation_rate: 0.3, mutation_sigma: 0.2,
                                     tpe_gamma: 0.25, tpe_candidates: 16, tpe_startup: 4}
                population: 4
                generations: 2
                partitions: %d
                # Every row feasible (SPEC §4 limits opened): this test is about the sweep's mechanics, not the seed's lines.
                max_drawdown: 100
                min_trades_per_year: 0
                train_years: [2020, 2021]
                test_years: [2022, 2022]
                top_n: 10
                strategies:
                  - name: credit_spread
                    fixed: {symbol: SPY, entry_every: 10}
                    search: [short_delta, dte]
                    bounds: {dte: [20, 50]}
                  - name: momentum
                    optional: true
                    weight: 0.5
                    search: [lookback]
                """.formatted(optimizer, partitions));
        return f;
    }

    private static SweepJob.StudyResult run(SparkSession spark, Study s, Path out, boolean resume) {
        return new SweepJob(Engines.context(spark), s, Location.of(out),
                new PrintStream(new ByteArrayOutputStream())).run(resume);
    }

    @Test
    void sameStudyAndSeedGiveTheSameLeaderboardOnAnyPartitionCount(SparkSession spark, @TempDir Path tmp) throws Exception {
        SweepJob.StudyResult two = run(spark, Study.load(study(tmp, "ga", 2)), tmp.resolve("p2"), false);
        SweepJob.StudyResult three = run(spark, Study.load(study(tmp, "ga", 3)), tmp.resolve("p3"), false);
        assertEquals(8, two.evaluations());
        assertEquals(JSON.writeValueAsString(two.leaderboard()), JSON.writeValueAsString(three.leaderboard()));
        Map<?, ?> top = (Map<?, ?>) JSON.readValue(tmp.resolve("p2/leaderboard.json").toFile(), List.class).get(0);
        for (String k : List.of("id", "score", "params", "years", "fitness", "test_score")) assertTrue(top.containsKey(k), k);
        assertFalse(top.containsKey("study"), "a study's own leaderboard does not repeat its name");
        List<?> log = JSON.readValue(tmp.resolve("p2/optimization_log.json").toFile(), List.class);
        assertEquals(4, log.size(), "a hypothesis and an outcome per generation");
    }

    @Test
    void aStudyRunsOnTheLocalBackendWithoutSparkAndGivesSparksLeaderboard(SparkSession spark, @TempDir Path tmp) throws Exception {
        Study s = Study.load(study(tmp, "tpe", 2));
        SweepContext local = SweepContext.local(Engines.real(), Engines.CONF.pricing(), Engines.CONF.backtest(), Engines.CONF.regime());
        SweepJob.StudyResult here = new SweepJob(local, s, Location.of(tmp.resolve("local")),
                new PrintStream(new ByteArrayOutputStream()))
                .run(false);
        SweepJob.StudyResult onSpark = run(spark, s, tmp.resolve("spark"), false);
        assertEquals(8, here.evaluations());
        assertEquals(JSON.writeValueAsString(onSpark.leaderboard()), JSON.writeValueAsString(here.leaderboard()),
                "the seam decides nothing: the same trials give the same rows on either side of it");
        assertEquals(Files.readString(tmp.resolve("spark/leaderboard.json")), Files.readString(tmp.resolve("local/leaderboard.json")));
        assertFalse(Files.exists(tmp.resolve("local/leaderboard.parquet")), "the local backend keeps its rows in memory");
    }

    @Test
    void aKilledStudyResumesWithNothingLostOrRepeated(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path file = study(tmp, "tpe", 2);
        SweepJob.StudyResult whole = run(spark, Study.load(file), tmp.resolve("whole"), false);
        // Killed after generation 1: the second run resumes at generation 2.
        run(spark, Study.load(file).with(1, null), tmp.resolve("killed"), false);
        SweepJob.StudyResult resumed = run(spark, Study.load(file), tmp.resolve("killed"), true);
        assertEquals(JSON.writeValueAsString(whole.leaderboard()), JSON.writeValueAsString(resumed.leaderboard()));
        // Killed inside generation 2, after its rows were written but before the state was: the
        // resume finds them in the leaderboard and evaluates nothing again.
        Path state = tmp.resolve("whole/optimization_state.json");
        Map<String, Object> s = JSON.readValue(state.toFile(), Map.class);
        s.put("next_generation", 1);
        Files.writeString(state, JSON.writeValueAsString(s));
        SweepJob.StudyResult again = run(spark, Study.load(file), tmp.resolve("whole"), true);
        assertEquals(8, again.evaluations(), "no row added");
        assertEquals(8, spark.read().parquet(tmp.resolve("whole/leaderboard.parquet").toString()).count());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ga", "tpe", "cmaes", "random"})
    void aStudyKilledAndResumedOnAnotherPartitionCountIsTheUnbrokenStudy(String optimizer, SparkSession spark,
            @TempDir Path tmp) throws Exception {
        SweepJob.StudyResult unbroken = run(spark, Study.load(study(tmp, optimizer, 2)), tmp.resolve("p2"), false);
        // Killed after one generation on 3 partitions; the second generation is proposed from the history rebuilt from the leaderboard.
        run(spark, Study.load(study(tmp, optimizer, 3)).with(1, null), tmp.resolve("p3"), false);
        SweepJob.StudyResult resumed = run(spark, Study.load(study(tmp, optimizer, 3)), tmp.resolve("p3"), true);
        assertEquals(8, resumed.evaluations());
        assertEquals(JSON.writeValueAsString(unbroken.leaderboard()), JSON.writeValueAsString(resumed.leaderboard()));
        assertEquals(Files.readString(tmp.resolve("p2/leaderboard.json")), Files.readString(tmp.resolve("p3/leaderboard.json")));
        assertEquals(unbroken.bestId(), resumed.bestId());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDeflatedSharpeCountsTheTrialsOfOtherStudiesItIsGiven(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path other = tmp.resolve("other");
        run(spark, Study.load(study(tmp, "random", 0)), other, false);   // 8 trials elsewhere
        Path out = tmp.resolve("this");
        new SweepJob(Engines.context(spark), Study.load(study(tmp, "ga", 0)).with(1, null), Location.of(out),
                new PrintStream(new ByteArrayOutputStream()))
                .withGate(Engines.gate(spark))
                .withTrialsFrom(List.of(Location.of(other.resolve("leaderboard.parquet")),
                        Location.of(out.resolve("leaderboard.parquet")))).run(false);
        Map<String, Object> state = JSON.readValue(out.resolve("optimization_state.json").toFile(), Map.class);
        Map<String, Object> v = JSON.readValue(out.resolve("validations/" + state.get("best_id") + ".json").toFile(), Map.class);
        long failed = spark.read().parquet(out.resolve("leaderboard.parquet").toString()).where("error is not null").count()
                + spark.read().parquet(other.resolve("leaderboard.parquet").toString()).where("error is not null").count();
        assertEquals(8 + 4 - failed, ((Number) ((Map<String, Object>) v.get("statistics")).get("trials")).intValue(),
                "this study's 4 and the other's 8 (its own leaderboard is not counted twice)");
    }

    @Test
    void aStudyKilledInsideItsFirstWriteStartsCleanly(SparkSession spark, @TempDir Path tmp) throws Exception {
        // What kill -9 inside the first generation's Parquet commit leaves: Spark's staging folder,
        // no data file, no state (found by DaemonProcessTest). That is an empty study, not an error.
        Path out = tmp.resolve("o");
        Files.createDirectories(out.resolve("leaderboard.parquet/_temporary/0/_temporary"));
        assertEquals(8, run(spark, Study.load(study(tmp, "tpe", 2)), out, false).evaluations());
    }

    @Test
    void aStudySavedBeforeADefaultChangedResumesWithTheSettingsItRanWith(SparkSession spark, @TempDir Path tmp) {
        // The daemon's TPE studies went from 64 EI candidates (the code's default) to daemon.tpe_candidates:
        // one saved with 64 resumes with 64; a new one, or one saved with 24, runs with 24.
        Study old = Study.load(study(tmp, "tpe", 2)).with(1, null);
        Study now = old.toBuilder().optimizerSettings(old.optimizerSettings().withTpeCandidates(24)).build();
        Path out = tmp.resolve("o");
        assertSame(now, SweepJob.asSaved(now, Location.of(out), List.of(old)), "nothing saved yet");
        run(spark, old, out, false);
        Study resumed = SweepJob.asSaved(now, Location.of(out), List.of(old));
        assertEquals(16, resumed.optimizerSettings().tpeCandidates());
        assertEquals(8, run(spark, resumed.with(2, null), out, true).evaluations(), "it resumes where it stopped");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(spark, now.with(3, null), out, true));
        assertTrue(e.getMessage().contains("the study changed"), "without the saved settings --resume refuses: " + e.getMessage());
        assertSame(now, SweepJob.asSaved(now, Location.of(out), List.of()), "no earlier variant matches: the study as asked");
    }

    @Test
    void aStudySavedUnderAnotherOptionModelIsNotResumedIntoAMixedLeaderboard(SparkSession spark, @TempDir Path tmp) {
        Path file = study(tmp, "random", 0);
        Path out = tmp.resolve("o");
        run(spark, Study.load(file).with(1, null), out, false);
        // The same study and data, priced by a model whose QQQ short end sits elsewhere: its rows are other rows.
        var p = Engines.CONF.pricing();
        var moved = new sde.pricing.PricingSettings(p.listing(), p.surface().withLevels(sde.data.Symbol.QQQ, List.of(1.0, 1.0, 1.0, 1.0,
                1.0)), p.quotes(), p.fills(), p.liquidity());
        assertNotEquals(p.fingerprint(), moved.fingerprint());
        SweepContext other = SweepContext.local(Engines.real(), moved, Engines.CONF.backtest(), Engines.CONF.regime());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SweepJob(other, Study.load(file),
                Location.of(out), new PrintStream(new ByteArrayOutputStream())).run(true));
        assertTrue(e.getMessage().startsWith("--resume: the option model changed since ") && e.getMessage().contains("another --out"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        // Under its own model it resumes; and the same parameters on the two models are two ids (SPEC §4, §6).
        assertTrue(run(spark, Study.load(file), out, true).evaluations() > 0);
        var spec = new sde.backtest.RunSpec(List.of(new sde.backtest.RunSpec.SlotSpec("a", "credit_spread", 1.0, sde.param.Params.none())),
                Engines.CONF.backtest(), "2020-01-01", "2025-12-31");
        assertNotEquals(spec.id(Engines.real().fingerprint(), p.fingerprint()), spec.id(Engines.real().fingerprint(), moved.fingerprint()));
        assertEquals(p.fingerprint(), Engines.CONF.pricing().fingerprint(), "the same settings, the same fingerprint");
    }

    @Test
    void aStudyThatExistsIsNotOverwrittenWithoutResume(SparkSession spark, @TempDir Path tmp) {
        Path file = study(tmp, "random", 0);
        run(spark, Study.load(file).with(1, null), tmp.resolve("o"), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(spark, Study.load(file), tmp.resolve("o"),
                false));
        assertTrue(e.getMessage().contains("use --resume"), e.getMessage());
    }

    @Test
    void regimeThresholdsAndWeightsAreSearchedOnTheTrainYearsAndTravelWithTheResult(SparkSession spark,
            @TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("regime.yaml");
        Fixtures.write(f, Files.readString(study(tmp, "random", 0)).replace("study: tiny", "study: regimes") + """
                regime:
                  on_switch: close
                  fixed: {min_days: 2}
                  search: [crash_vix, bear_vix_min]
                  bounds: {crash_vix: [30, 60]}
                  search_weights: [credit_spread]
                """);
        SweepJob.StudyResult o = run(spark, Study.load(f).with(1, null), tmp.resolve("r"), false);
        Map<?, ?> params = JSON.convertValue(o.leaderboard().get(0).params(), Map.class);
        Map<?, ?> regime = (Map<?, ?>) params.get("regime");
        assertEquals("close", regime.get("on_switch"));
        Map<?, ?> settings = (Map<?, ?>) regime.get("settings");
        assertEquals(2, settings.get("min_days"));
        double crash = ((Number) settings.get("crash_vix")).doubleValue();
        assertTrue(crash >= 30 && crash <= 60, "searched inside its bounds: " + crash);
        assertTrue(((Map<?, ?>) regime.get("weights")).containsKey("credit_spread"));
    }

    @Test
    void anOutputFolderWithGlobCharactersIsTakenLiterally(SparkSession spark, @TempDir Path tmp) throws Exception {
        // Spark's readers glob: out/local[1] was read as a character class, and the sweep failed on PATH_NOT_FOUND.
        Path file = study(tmp, "random", 1), out = tmp.resolve("runs").resolve("local[1]");
        run(spark, Study.load(file).with(1, null), out, false);
        SweepJob.StudyResult resumed = run(spark, Study.load(file), out, true);
        assertTrue(resumed.evaluations() > 0);
        assertTrue(Files.isDirectory(out.resolve("leaderboard.parquet")) && Files.exists(out.resolve("leaderboard.json")));
    }

    @Test
    void theCurrentBestChangesOnlyThroughARobustVerdict(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("gated");
        new SweepJob(Engines.context(spark), Study.load(study(tmp, "ga", 0)), Location.of(out),
                new PrintStream(new ByteArrayOutputStream()))
                .withGate(Engines.gate(spark)).run(false);
        List<Map<String, Object>> log = JSON.readValue(out.resolve("optimization_log.json").toFile(), List.class);
        Map<String, Object> first = (Map<String, Object>) log.get(1).get("outcome");
        String leader = (String) first.get("best_id");
        assertTrue(Files.exists(out.resolve("validations/" + leader + ".json")), "the new leader was validated");
        Map<String, Object> verdict = JSON.readValue(out.resolve("validations/" + leader + ".json").toFile(), Map.class);
        for (String k : List.of("overfit_score", "verdict", "components", "seed", "statistics")) assertTrue(verdict.containsKey(k), k);
        Map<String, Object> state = JSON.readValue(out.resolve("optimization_state.json").toFile(), Map.class);
        assertTrue(state.containsKey("best_robust_id"));
        Object robust = state.get("best_robust_id");
        if (robust != null) {
            Map<String, Object> v = JSON.readValue(out.resolve("validations/" + robust + ".json").toFile(), Map.class);
            assertEquals("ROBUST", v.get("verdict"), "only a ROBUST verdict makes the current best");
        } else {
            // The gate runs beside the search: the first leader's verdict is logged after a later generation, or at the end.
            Map<String, Object> judged = log.stream().map(e -> (Map<String, Object>) e.get("verdict")).filter(v ->
                    v != null && leader.equals(v.get("id")))
                    .findFirst().orElseThrow();
            assertTrue(String.valueOf(judged.get("note")).startsWith("promising but fragile"), judged.toString());
        }
    }

    @Test
    void walkForwardRefitsEachWindowOnItsPastAndStitchesTheTestYears(SparkSession spark, @TempDir Path tmp) throws Exception {
        // Years 2020-2023: windows fit 2020-21 -> test 2022 and fit 2020-22 -> test 2023.
        Study s = Study.load(study(tmp, "random", 0)).with(1, null);
        s = new Study(s.name(), s.seed(), s.optimizer(), s.optimizerSettings(), s.population(), 1, 0, List.of(2020, 2021), List.of(2022,
                2023),
                s.topN(), s.strategies(), null, null, s.objective(), s.maxDrawdown(), s.minTradesPerYear());
        WalkForward.Result r = WalkForward.run(SparkBackend.context(spark, Engines.real(), Engines.CONF.pricing(),
                Engines.CONF.backtest(), Engines.CONF.regime()), s,
                Location.of(tmp.resolve("wf")), new PrintStream(new ByteArrayOutputStream()));
        List<WalkForward.Window> windows = r.windows();
        assertEquals(2, windows.size());
        assertEquals(List.of(2020, 2021), windows.get(0).fitYears());
        assertEquals(2023, windows.get(1).testYear());
        Map<String, Object> leader = JSON.readValue(tmp.resolve("wf/tiny_wf2022/leaderboard.json").toFile(),
                List.class).get(0) instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
        assertEquals(leader.get("id"), windows.get(0).chosenId(), "the window's own leader, chosen on 2020-21 only");
        List<String> curve = Files.readAllLines(tmp.resolve("wf/walkforward_equity.csv"));
        assertEquals("2021-12-31,100000.00", curve.get(1), "starts at the capital on the last session before the first test year");
        assertEquals(1 + 1 + 251 + 250, curve.size(), "header, start, then every session of 2022 and 2023");
    }

    @Test
    void badStudiesNameTheKey(@TempDir Path tmp) throws Exception {
        Path good = study(tmp, "ga", 0);
        String text = Files.readString(good);
        Object[][] cases = {
                {text.replace("optimizer: ga", "optimizer: sgd"), "unknown 'sgd'"},
                {text.replace("search: [short_delta, dte]", "search: [short_delta, dtee]"),
                        "key 'strategies[0].search': unknown parameter 'dtee'"},
                {text.replace("bounds: {dte: [20, 50]}", "bounds: {dte: [5, 50]}"), "key 'strategies[0].bounds.dte'"},
                {text.replace("population: 4", "populaton: 4"), "key 'population': missing"},
                {text.replace("seed: 7", "seed: 7\ncolour: red"), "key 'colour'"},
                {text.replace("test_years: [2022, 2022]", "test_years: [2021, 2022]"), "must come after train_years"},
                {text + "regime:\n  search: [crash_vixx]\n", "key 'regime.search': unknown threshold 'crash_vixx'"},
                {text + "regime:\n  weights: {credit_spread: {BULL: 2.0}}\n", "must be in [0, 1]"},
                {text.replace("max_drawdown: 100", "max_drawdown: 0"), "key 'max_drawdown': must be in (0, 100]"},
                {text.replace("max_drawdown: 100", "max_drawdown: 120"), "key 'max_drawdown': must be in (0, 100]"},
                {text.replace("min_trades_per_year: 0", "min_trades_per_year: -1"), "key 'min_trades_per_year': must be >= 0"},
                {text + "objective: sharpe\n", "key 'objective': unknown objective 'sharpe' (score, worst_year)"},
        };
        for (Object[] c : cases) {
            Path f = tmp.resolve("bad.yaml");
            Files.writeString(f, (String) c[0]);
            ConfigException e = assertThrows(ConfigException.class, () -> Study.load(f));
            assertTrue(e.getMessage().contains((String) c[1]), e.getMessage());
        }
    }

    @Test
    void anInfeasibleRowNeverLeadsAndAStudyWithoutOneNamesTheLeastViolating(SparkSession spark, @TempDir Path tmp) throws Exception {
        // The seed's lines: entry_every 10 gives about 25 closed trades a year, under rule D's 30, so rows that trade
        // less than that are infeasible whatever they earned.
        String seed = Files.readString(study(tmp, "random", 0)).replace("max_drawdown: 100\n", "").replace("min_trades_per_year: 0\n", "")
                .replace("fixed: {symbol: SPY, entry_every: 10}", "fixed: {symbol: SPY}").replace("search: [short_delta, dte]",
                        "search: [short_delta, dte, entry_every]").replace("population: 4", "population: 12");
        Path f = tmp.resolve("seed.yaml");
        Files.writeString(f, seed);
        run(spark, Study.load(f), tmp.resolve("seed"), false);
        List<Map<String, Object>> rows = JSON.readValue(tmp.resolve("seed/leaderboard.json").toFile(), List.class);
        List<Map<String, Object>> all = new ArrayList<>();
        for (Row r : spark.read().parquet(tmp.resolve("seed/leaderboard.parquet").toString())
                .select("id", "feasible", "violation", "fitness").collectAsList()) {
            all.add(Map.of("id", r.getString(0), "feasible", r.getBoolean(1), "violation", r.getDouble(2), "fitness", r.getDouble(3)));
        }
        assertTrue(all.stream().anyMatch(r -> !(Boolean) r.get("feasible")), "some rows break the seed's lines");
        assertTrue(all.stream().allMatch(r -> (Boolean) r.get("feasible") == ((Double) r.get("violation") == 0)),
                "feasible is violation 0");
        assertEquals(all.stream().filter(r -> (Boolean) r.get("feasible")).count(), rows.size(),
                "leaderboard.json lists the feasible rows only");
        for (Map<String, Object> r : rows) assertEquals(true, r.get("feasible"), r.get("id").toString());
        double bestInfeasible = all.stream().filter(r -> !(Boolean) r.get("feasible")).mapToDouble(r -> (Double) r.get("fitness"))
                .max().orElseThrow();
        Map<String, Object> state = JSON.readValue(tmp.resolve("seed/optimization_state.json").toFile(), Map.class);
        assertFalse(rows.isEmpty(), "some rows meet the seed's lines");
        assertEquals(rows.get(0).get("id"), state.get("best_id"), "the best is the first feasible row");
        assertTrue(bestInfeasible > (Double) rows.get(0).get("fitness"), "an infeasible row scored higher and still does not lead");

        // Lines no row can meet: no best, and the console names the row closest to them.
        Path none = tmp.resolve("none.yaml");
        Files.writeString(none, seed.replace("study: tiny", "study: tiny\nmin_trades_per_year: 100000"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new SweepJob(Engines.context(spark),
                Study.load(none), Location.of(tmp.resolve("none")), new PrintStream(console)).run(false);
        assertEquals(List.of(), JSON.readValue(tmp.resolve("none/leaderboard.json").toFile(), List.class));
        Map<String, Object> noBest = JSON.readValue(tmp.resolve("none/optimization_state.json").toFile(), Map.class);
        assertNull(noBest.get("best_id"));
        String said = console.toString();
        assertTrue(said.contains("0 of them feasible"), said);
        assertTrue(said.matches("(?s).*no feasible row yet: the least violating is [0-9a-f]{12} \\(violation [0-9.]+.*"), said);
    }
}
