package sde.results;

/**
 * The gate's verdict on a candidate (SPEC §5): the grade its composite overfit score earns, unless a
 * reality check rejects it, which overrides every grade. The thresholds live here and only here: the
 * gate grades with {@link #of}, the daemon's victory test and the report's chart line read
 * {@link #threshold()}.
 */
public enum Verdict {
    /** overfit_score ≥ 0.70: believable, if not also rejected by a reality check. */
    ROBUST(0.70),
    /** 0.50 ≤ overfit_score < 0.70. */
    SUSPECT(0.50),
    /** overfit_score < 0.50. */
    OVERFIT(Double.NEGATIVE_INFINITY),
    /**
     * A year with too few closed trades or a drawdown over the limit (SPEC §5): whatever the score. No score earns it,
     * so {@link #of} never returns it; the grade the score alone gives stays beside it as {@code overfit_verdict}.
     */
    REJECTED(Double.NaN);

    private final double threshold;

    Verdict(double threshold) {
        this.threshold = threshold;
    }

    /** The lowest overfit score that earns this verdict. */
    public double threshold() {
        return threshold;
    }

    /** SPEC §5: the grade an overfit score earns (NaN earns OVERFIT). */
    public static Verdict of(double overfitScore) {
        for (Verdict v : values()) if (overfitScore >= v.threshold) return v;
        return OVERFIT;
    }

    /** SPEC §5: the verdict a result gets, REJECTED overriding its grade. */
    public static Verdict of(Verdict grade, boolean rejected) {
        return rejected ? REJECTED : grade;
    }
}
