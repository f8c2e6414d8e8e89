package sde.validate;

import java.io.Serializable;
import java.util.List;

/** The validate keys of conf/sde.yaml (SPEC §5 thresholds and the overfitting statistics' settings). */
public record GateSettings(List<Integer> trainYears, List<Integer> testYears, int sensitivityVariants,
        double jitterMin, double jitterMax, int minTradesPerYear, int targetTradesPerYear,
                           double maxDrawdownPct, int maxConsecutiveLosers, int maxRecoveryDays, int pboBlocks, int pboTop, long seed,
                           int mcPaths, double mcMeanBlock, String stressCrashDate, double stressGapPct, double stressVolFactor,
                           int stressVolDays, String stressHaltDate, int finalYear)
        implements Serializable {
    public GateSettings {
        if (trainYears == null || trainYears.size() != 2 || testYears == null || testYears.size() != 2
                || testYears.get(0) <= trainYears.get(1)) {
            throw new IllegalArgumentException("validate: train_years and test_years are [first, last], test after train");
        }
        if (mcPaths < 1 || !(mcMeanBlock >= 1) || !(stressGapPct > 0 && stressGapPct < 100) || !(stressVolFactor > 0)
                || stressVolDays < 0) {
            throw new IllegalArgumentException("validate: mc_paths >= 1, mc_mean_block >= 1, stress_gap_pct in (0, 100), "
                    + "stress_vol_factor > 0");
        }
        if (sensitivityVariants < 1 || !(jitterMin >= 0 && jitterMax >= jitterMin) || pboBlocks < 2 || pboBlocks % 2 != 0 || pboTop < 2) {
            throw new IllegalArgumentException("validate: sensitivity_variants >= 1, 0 <= jitter_min <= jitter_max, pbo_blocks even >= "
                    + "2, pbo_top >= 2");
        }
    }

    /** The same gate with another walk-forward split (a study's own train and test years). */
    public GateSettings withYears(List<Integer> train, List<Integer> test) {
        return toBuilder().trainYears(train).testYears(test).build();
    }

    /** A builder holding this record's values: set by name what changes, keep the rest (no positional copies). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Named setters for every component of {@link GateSettings}; {@link #build} checks them as the constructor does. */
    public static final class Builder {
        private List<Integer> trainYears;
        private List<Integer> testYears;
        private int sensitivityVariants;
        private double jitterMin;
        private double jitterMax;
        private int minTradesPerYear;
        private int targetTradesPerYear;
        private double maxDrawdownPct;
        private int maxConsecutiveLosers;
        private int maxRecoveryDays;
        private int pboBlocks;
        private int pboTop;
        private long seed;
        private int mcPaths;
        private double mcMeanBlock;
        private String stressCrashDate;
        private double stressGapPct;
        private double stressVolFactor;
        private int stressVolDays;
        private String stressHaltDate;
        private int finalYear;

        private Builder(GateSettings r) {
            trainYears = r.trainYears();
            testYears = r.testYears();
            sensitivityVariants = r.sensitivityVariants();
            jitterMin = r.jitterMin();
            jitterMax = r.jitterMax();
            minTradesPerYear = r.minTradesPerYear();
            targetTradesPerYear = r.targetTradesPerYear();
            maxDrawdownPct = r.maxDrawdownPct();
            maxConsecutiveLosers = r.maxConsecutiveLosers();
            maxRecoveryDays = r.maxRecoveryDays();
            pboBlocks = r.pboBlocks();
            pboTop = r.pboTop();
            seed = r.seed();
            mcPaths = r.mcPaths();
            mcMeanBlock = r.mcMeanBlock();
            stressCrashDate = r.stressCrashDate();
            stressGapPct = r.stressGapPct();
            stressVolFactor = r.stressVolFactor();
            stressVolDays = r.stressVolDays();
            stressHaltDate = r.stressHaltDate();
            finalYear = r.finalYear();
        }

        public Builder trainYears(List<Integer> v) {
            trainYears = v;
            return this;
        }

        public Builder testYears(List<Integer> v) {
            testYears = v;
            return this;
        }

        public Builder sensitivityVariants(int v) {
            sensitivityVariants = v;
            return this;
        }

        public Builder jitterMin(double v) {
            jitterMin = v;
            return this;
        }

        public Builder jitterMax(double v) {
            jitterMax = v;
            return this;
        }

        public Builder minTradesPerYear(int v) {
            minTradesPerYear = v;
            return this;
        }

        public Builder targetTradesPerYear(int v) {
            targetTradesPerYear = v;
            return this;
        }

        public Builder maxDrawdownPct(double v) {
            maxDrawdownPct = v;
            return this;
        }

        public Builder maxConsecutiveLosers(int v) {
            maxConsecutiveLosers = v;
            return this;
        }

        public Builder maxRecoveryDays(int v) {
            maxRecoveryDays = v;
            return this;
        }

        public Builder pboBlocks(int v) {
            pboBlocks = v;
            return this;
        }

        public Builder pboTop(int v) {
            pboTop = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder mcPaths(int v) {
            mcPaths = v;
            return this;
        }

        public Builder mcMeanBlock(double v) {
            mcMeanBlock = v;
            return this;
        }

        public Builder stressCrashDate(String v) {
            stressCrashDate = v;
            return this;
        }

        public Builder stressGapPct(double v) {
            stressGapPct = v;
            return this;
        }

        public Builder stressVolFactor(double v) {
            stressVolFactor = v;
            return this;
        }

        public Builder stressVolDays(int v) {
            stressVolDays = v;
            return this;
        }

        public Builder stressHaltDate(String v) {
            stressHaltDate = v;
            return this;
        }

        public Builder finalYear(int v) {
            finalYear = v;
            return this;
        }

        public GateSettings build() {
            return new GateSettings(trainYears, testYears, sensitivityVariants, jitterMin, jitterMax, minTradesPerYear,
                    targetTradesPerYear, maxDrawdownPct, maxConsecutiveLosers, maxRecoveryDays, pboBlocks, pboTop, seed, mcPaths,
                            mcMeanBlock, stressCrashDate, stressGapPct, stressVolFactor, stressVolDays, stressHaltDate, finalYear);
        }
    }
}
