package sde.daemon;

import java.io.Serializable;
import java.util.List;
import sde.strategy.Strategies;

/** The daemon keys of conf/sde.yaml; see there for meanings. */
public record DaemonSettings(List<String> strategies, String optimizer, int population, int plateauGenerations, double minImprovement,
                             int maxGenerationsPerStudy, int blendTopK, int exploreEvery, int reportEveryRuns, double reportEveryMinutes,
                                     int restarts, long seed,
                             List<Integer> trainYears, List<Integer> testYears, String telegramApi, int telegramTimeoutSeconds,
                                     int telegramMinIntervalSeconds,
                             int blendPool, double blendMaxCorrelation, List<Double> blendLeverage,
                             int restartRotation, double restartWidth, int tpeCandidates)
        implements Serializable {
    public DaemonSettings {
        if (blendLeverage != null && !blendLeverage.isEmpty() && (blendLeverage.size() != 2 || !(blendLeverage.get(0) > 0
                && blendLeverage.get(0) < blendLeverage.get(1)))) {
            throw new IllegalArgumentException("daemon.blend_leverage: [lo, hi] with 0 < lo < hi, or [] for none");
        }
        if (blendPool < blendTopK) throw new IllegalArgumentException("daemon.blend_pool: must be >= blend_top_k");
        if (!(blendMaxCorrelation > -1
                && blendMaxCorrelation <= 1)) throw new IllegalArgumentException("daemon.blend_max_correlation: must be in (-1, 1]");
        if (strategies == null || strategies.isEmpty()) throw new IllegalArgumentException("daemon.strategies: at least one");
        for (String s : strategies) Strategies.get(s);
        if (population < 2) throw new IllegalArgumentException("daemon.population: must be >= 2");
        if (plateauGenerations < 1) throw new IllegalArgumentException("daemon.plateau_generations: must be >= 1");
        if (!(minImprovement >= 0)) throw new IllegalArgumentException("daemon.min_improvement: must be >= 0");
        if (maxGenerationsPerStudy < plateauGenerations) throw new IllegalArgumentException("daemon.max_generations_per_study: must be "
                + ">= plateau_generations");
        if (blendTopK < 2) throw new IllegalArgumentException("daemon.blend_top_k: must be >= 2");
        if (exploreEvery < 1) throw new IllegalArgumentException("daemon.explore_every: must be >= 1");
        if (reportEveryRuns < 1) throw new IllegalArgumentException("daemon.report_every_runs: must be >= 1");
        if (!(reportEveryMinutes >= 0)) throw new IllegalArgumentException("daemon.report_every_minutes: must be >= 0");
        if (telegramMinIntervalSeconds < 0) throw new IllegalArgumentException("daemon.telegram_min_interval_seconds: must be >= 0");
        if (restartRotation < 1) throw new IllegalArgumentException("daemon.restart_rotation: must be >= 1");
        if (!(restartWidth > 0 && restartWidth <= 1)) throw new IllegalArgumentException("daemon.restart_width: must be in (0, 1]");
        if (tpeCandidates < 1) throw new IllegalArgumentException("daemon.tpe_candidates: must be >= 1");
        if (restarts < 0) throw new IllegalArgumentException("daemon.restarts: must be >= 0");
        if (trainYears == null || trainYears.size() != 2 || testYears == null || testYears.size() != 2
                || testYears.get(0) <= trainYears.get(1)) {
            throw new IllegalArgumentException("daemon: train_years and test_years are [first, last], test after train");
        }
        strategies = List.copyOf(strategies);
    }
}
