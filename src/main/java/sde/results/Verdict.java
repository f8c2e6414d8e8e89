package sde.results;

/**
 * The gate's verdict on a candidate (SPEC §5), from its composite overfit score. The thresholds
 * live here and only here: the gate grades with {@link #of}, the daemon's victory test and the
 * report's chart line read {@link #threshold()}.
 */
public enum Verdict {
    /** overfit_score ≥ 0.70: believable, if not also rejected by a reality check. */
    ROBUST(0.70),
    /** 0.50 ≤ overfit_score < 0.70. */
    SUSPECT(0.50),
    /** overfit_score < 0.50. */
    OVERFIT(Double.NEGATIVE_INFINITY);

    private final double threshold;

    Verdict(double threshold) {
        this.threshold = threshold;
    }

    /** The lowest overfit score that earns this verdict. */
    public double threshold() {
        return threshold;
    }

    /** SPEC §5: the verdict an overfit score earns (NaN earns OVERFIT). */
    public static Verdict of(double overfitScore) {
        for (Verdict v : values()) if (overfitScore >= v.threshold) return v;
        return OVERFIT;
    }
}
