package sde.pricing;

/** The pricing.fills keys of conf/sde.yaml. */
public record FillSettings(double slippagePerShare, double commissionPerContract, double feesPerContract,
                           double assignmentFee, double putAssignmentExtrinsic, double shareHalfSpread, double shareCommission) implements java.io.Serializable {
    public FillSettings {
        if (slippagePerShare < 0 || commissionPerContract < 0 || feesPerContract < 0 || assignmentFee < 0 || putAssignmentExtrinsic < 0
                || shareHalfSpread < 0 || shareCommission < 0) {
            throw new IllegalArgumentException("pricing.fills: slippage, commission, fees and thresholds must be >= 0");
        }
    }
}
