package sde.data;

/**
 * How series are put on the trading-day axis (SPEC §1).
 *
 * @param maxCarryDays an index or rate series is carried forward over at most this many missing trading days
 * @param allowGaps    when true a longer gap, or a missing underlying bar, is carried forward and reported
 *                     instead of refusing the data (the "unless told to skip it" of SPEC §1)
 */
public record AlignmentRules(int maxCarryDays, boolean allowGaps) {
    public AlignmentRules {
        if (maxCarryDays < 0) throw new IllegalArgumentException("data.max_carry_forward_days must be >= 0, got " + maxCarryDays);
    }

    public static AlignmentRules spec() { return new AlignmentRules(3, false); }
}
