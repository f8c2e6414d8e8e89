package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import sde.data.Symbol;

import java.util.ArrayList;
import java.util.List;

/**
 * Momentum swing on the underlying's shares: long when the return over {@code lookback} sessions
 * exceeds {@code threshold}, short (if {@code allow_short}) below −threshold, flat otherwise;
 * re-decided every {@code rebalance_days}. A position is closed when the signal no longer agrees.
 */
public final class Momentum implements Strategy<Momentum.P> {
    public record P(Symbol symbol, int lookback, double threshold, boolean allowShort, int rebalanceDays, double investPct) {}

    @Override
    public String name() { return "momentum"; }

    @Override
    public ParamSpace space() {
        List<ParamSpec> s = new ArrayList<>(List.of(
                ParamSpec.choice("symbol", "SPY", "SPY", "QQQ", "IWM"),
                ParamSpec.integer("lookback", 10, 250, 126),
                ParamSpec.dbl("threshold", 0.0, 0.20, 0.02, 0.005),
                ParamSpec.bool("allow_short", false),
                ParamSpec.integer("rebalance_days", 1, 21, 5),
                // Shares are sized by the fraction of the capital base held, not by capital at risk.
                ParamSpec.dbl("invest_pct", 0.1, 1.0, 1.0, 0.05)));
        return new ParamSpace(s);
    }

    @Override
    public P configure(Params p) {
        return new P(Symbol.parse(p.text("symbol")), p.integer("lookback"), p.dbl("threshold"), p.bool("allow_short"),
                p.integer("rebalance_days"),
                p.dbl("invest_pct"));
    }

    /** +1 long, −1 short, 0 flat, as of the view's day. */
    int direction(MarketView v, P p) {
        if (v.available() <= p.lookback()) return 0;
        double r = v.adjClose(p.symbol(), 0) / v.adjClose(p.symbol(), p.lookback()) - 1;
        if (r > p.threshold()) return 1;
        return r < -p.threshold() && p.allowShort() ? -1 : 0;
    }

    private static boolean rebalanceDay(MarketView v, P p) {
        return v.available() % p.rebalanceDays() == 0;
    }

    @Override
    public void generateSignals(MarketView view, P p, List<Signal> out) {
        if (!rebalanceDay(view, p)) return;
        int dir = direction(view, p);
        if (dir != 0) out.add(new Signal(dir > 0 ? "long" : "short", List.of(Leg.shares(p.symbol(), dir))));
    }

    @Override
    public boolean wantsEntry(PortfolioView pf, P p) {
        return pf.openPositions() == 0;   // one position at a time
    }

    @Override
    public long sizePosition(PricedSignal s, PortfolioView pf, P p) {
        if (pf.openPositions() > 0) return 0;   // one position at a time
        double invest = Math.min(pf.capitalBase() * p.investPct(), pf.freeBuyingPower());
        return Sizing.whole(invest / s.requirement());
    }

    @Override
    public Action managePosition(PositionView pos, MarketView view, P p) {
        if (!rebalanceDay(view, p)) return Action.HOLD;
        int held = Integer.signum(pos.legs().get(0).ratio());
        return direction(view, p) == held ? Action.HOLD : Action.CLOSE;
    }
}
