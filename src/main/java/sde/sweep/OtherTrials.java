package sde.sweep;

/**
 * The Sharpe ratios of trials run outside a study (the daemon's other studies), which the Deflated
 * Sharpe Ratio counts with the study's own: a search that ran N trials across studies must deflate
 * by all N, not only by one study's share of them.
 */
@FunctionalInterface
public interface OtherTrials {
    /** Every successful trial's Sharpe ratio outside {@code study}. */
    double[] sharpes(String study);

    OtherTrials NONE = study -> new double[0];
}
