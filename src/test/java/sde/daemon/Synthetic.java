package sde.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import sde.io.Json;
import sde.pricing.ModelCell;
import sde.results.LeaderboardRow;
import sde.results.StudyState;
import sde.results.Verdict;
import sde.results.VerdictFile;
import sde.results.YearFigures;
import sde.sweep.SweepJob;
import sde.backtest.RunResult;
import sde.sweep.Study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;

/**
 * A synthetic objective for the daemon: generation g of a study scores {@code score(study, g)};
 * its best is the running maximum. No Spark, no files: the ladder and the loop alone.
 */
final class Synthetic implements GenerationRunner {
    final Map<String, Integer> generations = new HashMap<>();
    final Map<String, Double> best = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    final int population;
    final ToDoubleBiFunction<String, Integer> score;
    /** Studies whose best turns ROBUST, with the per-year figures of their robust row. */
    final Map<String, List<YearFigures>> robust = new HashMap<>();
    /** Studies whose ROBUST result the gate flags MODEL_UNVERIFIED (SPEC §5 coverage). */
    final Set<String> unverified = new HashSet<>();

    /** The params a study's best row reports (none by default). */
    Function<String, Map<String, Object>> paramsOf = study -> Map.of();

    Synthetic(int population, ToDoubleBiFunction<String, Integer> score) {
        this.population = population;
        this.score = score;
    }

    static DaemonSettings settings(List<String> strategies, int plateau, int exploreEvery, int reportEvery) {
        return settings(strategies, plateau, exploreEvery, reportEvery, 0);
    }

    static DaemonSettings settings(List<String> strategies, int plateau, int exploreEvery, int reportEvery, int restarts) {
        return new DaemonSettings(strategies, "tpe", 4, plateau, 0.001, 12, 2, exploreEvery, reportEvery, 0, restarts, 1, List.of(2020,
                2022),
                List.of(2023, 2025), "http://127.0.0.1:1", 2, 0, 2, 1.0, null, 3, 0.25, 24);
    }

    /** Every study the daemon asked for, in order (the last generation's study for each name). */
    final Map<String, Study> asked = new LinkedHashMap<>();

    @Override
    public SweepJob.StudyResult next(Study study) {
        String name = study.name();
        calls.add(name);
        asked.put(name, study);
        int g = generations.merge(name, 1, Integer::sum);
        double s = score.applyAsDouble(name, g - 1);
        double b = Math.max(best.getOrDefault(name, Double.NEGATIVE_INFINITY), s);
        best.put(name, b);
        String id = name + "#" + (b == s ? g - 1 : "best");
        JsonNode params = Json.MAPPER.valueToTree(Map.of("strategies",
                List.of(Map.of("name", study.strategies().get(0).name(), "params", paramsOf.apply(name)))));
        List<YearFigures> years = robust.get(name);
        LeaderboardRow best = row(id, b, params, years == null ? List.of() : years);
        // The study as its state file would say: g generations of the population, its best, its ROBUST best when it has one.
        StudyState state = new StudyState(name, "synthetic", 0, study.optimizer(), g, g, g * population, id, b,
                "fp", years == null ? null : id, null, "model");
        return new SweepJob.StudyResult(state, List.of(best),
                years == null ? null : new VerdictFile(id, 0.8, Verdict.ROBUST, false,
                        unverified.contains(name) ? List.of("MODEL_UNVERIFIED") : List.of(), Double.NaN, List.of(), Map.of(), Map.of(),
                        Json.MAPPER.valueToTree(Map.of("coverage",
                                unverified.contains(name) ? "MODEL_UNVERIFIED: …" : "0 % …")), null));
    }

    static LeaderboardRow row(String id, double fitness, JsonNode params,
            List<YearFigures> years) {
        return new LeaderboardRow(1, id, fitness, true, 0, fitness, fitness, fitness, 0, 0, 0, 0, 0, 0, 0, 0, 0, "Below", 0,
                "tpe", years, params,
                "fp", "dev", null, fitness, "centre");
    }

    /** A flat-equity run with a given daily return per day of 2020–2021 (for the ceiling). */
    static RunResult run(double daily) {
        int n = 500;
        int[] days = new int[n];
        double[] eq = new double[n];
        int d0 = (int) LocalDate.parse("2019-12-31").toEpochDay();
        double e = 100_000;
        for (int i = 0; i < n; i++) {
            days[i] = d0 + i;
            eq[i] = e;
            e *= 1 + daily * (i % 2 == 0 ? 1 : -0.5);
        }
        return new RunResult(new String[]{"x"}, days, eq, new double[][]{new double[n]}, new double[n], new double[n], List.of(), 0,
                100_000, 0, true, new int[0], new double[ModelCell.COUNT]);
    }
}
