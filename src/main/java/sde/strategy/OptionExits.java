package sde.strategy;

import sde.param.ParamSpec;
import sde.param.Params;
import java.util.List;

/**
 * Exits shared by the option strategies. The basis is the entry cash:
 * the credit received or the debit paid. Take profit when the open P&L reaches
 * {@code profit_target} × basis (a credit position cannot gain more than its credit, so a target
 * of 1 or more there means hold), stop at a loss of {@code stop_loss} × basis, close when
 * {@code exit_dte} calendar days or fewer remain to the nearest expiry (0: hold to settlement).
 */
public record OptionExits(double profitTarget, double stopLoss, int exitDte) {
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.dbl("profit_target", 0.1, 1.0, 0.5, 0.05),
            ParamSpec.dbl("stop_loss", 0.5, 5.0, 2.0, 0.25),
            ParamSpec.integer("exit_dte", 0, 30, 5));

    /** For positions bought for a debit: a target is a gain on the debit, a stop a share of it (1 = all of it). */
    public static final List<ParamSpec> DEBIT_SPECS = List.of(
            ParamSpec.dbl("profit_target", 0.1, 3.0, 1.0, 0.05),
            ParamSpec.dbl("stop_loss", 0.2, 1.0, 0.5, 0.05),
            ParamSpec.integer("exit_dte", 0, 30, 5));

    public static OptionExits of(Params p) {
        return new OptionExits(p.dbl("profit_target"), p.dbl("stop_loss"), p.integer("exit_dte"));
    }

    public Action decide(PositionView pos) {
        double basis = Math.abs(pos.entryCash());
        if (basis > 0) {
            double pnl = pos.openPnl();
            boolean credit = pos.entryCash() > 0;
            if ((!credit || profitTarget < 1.0) && pnl >= profitTarget * basis) return Action.CLOSE;
            if (-pnl >= stopLoss * basis) return Action.CLOSE;
        }
        if (exitDte > 0 && pos.daysToExpiry() <= exitDte) return Action.CLOSE;
        return Action.HOLD;
    }
}
