package sde.results;

import java.util.List;

/**
 * A flag the gate sets on a verdict (SPEC §5). Typed from the gate to the search; a verdict file (the edge) writes and
 * reads them by name, so a file keeps whatever an older version wrote.
 */
public enum Flag {
    /** A sensitivity variant scored under half the candidate's score. */
    FRAGILE,
    /** A year under the target trade count (a warning; the minimum is REJECT_TRADES). */
    BELOW_TARGET_TRADES,
    /** The whole run's max drawdown over the gate's limit: rejected whatever the score. */
    REJECT_DRAWDOWN,
    /** A year with fewer closed trades than the minimum (the seed's rule D): rejected whatever the score. */
    REJECT_TRADES,
    LOSING_STREAK,
    LONG_RECOVERY,
    /** A ROBUST verdict that does not hold on both edges of the model band. */
    MODEL_FRAGILE,
    /** Too much of the option P&L in cells real data has not verified (coverage). */
    MODEL_UNVERIFIED;

    /** The flags by name, as a verdict file writes them. */
    public static List<String> names(List<Flag> flags) {
        return flags.stream().map(Flag::name).toList();
    }

    /** Whether it is a model-risk flag: one that keeps a ROBUST result from being vouched for (SPEC §4 victory). */
    public boolean modelRisk() {
        return this == MODEL_FRAGILE || this == MODEL_UNVERIFIED;
    }
}
