package sde.validate;

/** The validate keys of conf/sde.yaml (SPEC §5 thresholds and the overfitting statistics' settings). */
public record GateSettings(java.util.List<Integer> trainYears, java.util.List<Integer> testYears, int sensitivityVariants, double jitterMin, double jitterMax, int minTradesPerYear, int targetTradesPerYear,
                           double maxDrawdownPct, int maxConsecutiveLosers, int maxRecoveryDays, int pboBlocks, int pboTop, long seed,
                           int mcPaths, double mcMeanBlock, String stressCrashDate, double stressGapPct, double stressVolFactor,
                           int stressVolDays, String stressHaltDate, int finalYear)
        implements java.io.Serializable {
    public GateSettings {
        if (trainYears == null || trainYears.size() != 2 || testYears == null || testYears.size() != 2 || testYears.get(0) <= trainYears.get(1)) {
            throw new IllegalArgumentException("validate: train_years and test_years are [first, last], test after train");
        }
        if (mcPaths < 1 || !(mcMeanBlock >= 1) || !(stressGapPct > 0 && stressGapPct < 100) || !(stressVolFactor > 0) || stressVolDays < 0) {
            throw new IllegalArgumentException("validate: mc_paths >= 1, mc_mean_block >= 1, stress_gap_pct in (0, 100), stress_vol_factor > 0");
        }
        if (sensitivityVariants < 1 || !(jitterMin >= 0 && jitterMax >= jitterMin) || pboBlocks < 2 || pboBlocks % 2 != 0 || pboTop < 2) {
            throw new IllegalArgumentException("validate: sensitivity_variants >= 1, 0 <= jitter_min <= jitter_max, pbo_blocks even >= 2, pbo_top >= 2");
        }
    }

    /** The same gate with another walk-forward split (a study's own train and test years). */
    public GateSettings withYears(java.util.List<Integer> train, java.util.List<Integer> test) {
        return new GateSettings(train, test, sensitivityVariants, jitterMin, jitterMax, minTradesPerYear, targetTradesPerYear,
                maxDrawdownPct, maxConsecutiveLosers, maxRecoveryDays, pboBlocks, pboTop, seed, mcPaths, mcMeanBlock, stressCrashDate,
                stressGapPct, stressVolFactor, stressVolDays, stressHaltDate, finalYear);
    }
}
