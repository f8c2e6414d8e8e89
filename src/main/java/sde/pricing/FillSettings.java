package sde.pricing;

import java.io.Serializable;

/** The pricing.fills keys of conf/sde.yaml. */
public record FillSettings(double slippagePerShare, double commissionPerContract, double feesPerContract,
                           double assignmentFee, double putAssignmentExtrinsic, double shareHalfSpread, double shareCommission,
                           double comboSpreadShare) implements Serializable {
    /** Single-leg settings: every leg of a multi-leg order crosses its whole spread (combo_spread_share 1). */
    public FillSettings(double slippagePerShare, double commissionPerContract, double feesPerContract, double assignmentFee,
                        double putAssignmentExtrinsic, double shareHalfSpread, double shareCommission) {
        this(slippagePerShare, commissionPerContract, feesPerContract, assignmentFee, putAssignmentExtrinsic, shareHalfSpread,
                shareCommission, 1.0);
    }

    public FillSettings {
        if (!(comboSpreadShare >= 0 && comboSpreadShare <= 1)) {
            throw new IllegalArgumentException("pricing.fills.combo_spread_share must be in [0, 1]");
        }
        if (slippagePerShare < 0 || commissionPerContract < 0 || feesPerContract < 0 || assignmentFee < 0 || putAssignmentExtrinsic < 0
                || shareHalfSpread < 0 || shareCommission < 0) {
            throw new IllegalArgumentException("pricing.fills: slippage, commission, fees and thresholds must be >= 0");
        }
    }
}
