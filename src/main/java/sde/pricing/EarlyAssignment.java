package sde.pricing;

/**
 * When a short American option is assigned before expiry (SPEC §2 "its rule is written down";
 * docs/pricing.md). Both rules only read the close of the day they act on, so they stay causal.
 * <ul>
 *   <li><b>Calls before ex-dividend.</b> A holder exercises an ITM call on the eve of the ex-date when
 *       the dividend exceeds the call's remaining extrinsic value. The engine learns the ex-date on
 *       the ex-date itself (the day the data shows the dividend), so on ex-date e it assigns every
 *       short ITM call whose extrinsic value at the close of e−1 was below the dividend, settling at
 *       intrinsic value with the e−1 close (cum-dividend), as the real overnight assignment would.</li>
 *   <li><b>Deep ITM puts.</b> A short ITM put whose extrinsic value at a close is below
 *       {@code put_assignment_extrinsic} is assigned at that close, at intrinsic value (holders
 *       exercise when the time value left is worth less than the interest on the strike).</li>
 * </ul>
 */
public final class EarlyAssignment {
    private EarlyAssignment() {}

    public static boolean callAssignedOnExDate(double strike, double spotBeforeEx, double midBeforeEx, double dividend) {
        double intrinsic = spotBeforeEx - strike;
        return intrinsic > 0 && dividend > 0 && midBeforeEx - intrinsic < dividend;
    }

    public static boolean putAssigned(double strike, double spot, double mid, FillSettings s) {
        double intrinsic = strike - spot;
        return intrinsic > 0 && mid - intrinsic < s.putAssignmentExtrinsic();
    }
}
