package sde.strategy;

import java.util.List;

/**
 * Exits shared by the premium-selling strategies (issue 4 item 2): take profit at
 * {@code profit_target} × the entry credit, stop at a loss of {@code stop_loss} × the credit, close
 * when {@code exit_dte} calendar days or fewer remain (0: hold to the expiry settlement).
 */
public record OptionExits(double profitTarget, double stopLoss, int exitDte) {
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.dbl("profit_target", 0.1, 1.0, 0.5, 0.05),
            ParamSpec.dbl("stop_loss", 0.5, 5.0, 2.0, 0.25),
            ParamSpec.integer("exit_dte", 0, 30, 5));

    public static OptionExits of(Params p) {
        return new OptionExits(p.d("profit_target"), p.d("stop_loss"), p.i("exit_dte"));
    }

    public Action decide(PositionView pos) {
        double credit = pos.entryCash();
        if (credit > 0) {
            double pnl = pos.openPnl();
            if (profitTarget < 1.0 && pnl >= profitTarget * credit) return Action.CLOSE;
            if (-pnl >= stopLoss * credit) return Action.CLOSE;
        }
        if (exitDte > 0 && pos.daysToExpiry() <= exitDte) return Action.CLOSE;
        return Action.HOLD;
    }
}
