package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import sde.data.NyseCalendar;
import sde.data.Symbol;

import java.util.List;

/**
 * Mean reversion on the underlying's shares: long when the close is {@code entry_z} standard
 * deviations below its {@code lookback}-session mean (short above it, if {@code allow_short});
 * out when the z-score is back to {@code exit_z} or after {@code max_hold} sessions. The
 * counterpart of {@link Momentum}: it buys weakness where momentum buys strength.
 */
public final class MeanReversion implements Strategy<MeanReversion.P> {
    public record P(Symbol symbol, int lookback, double entryZ, double exitZ, int maxHold, boolean allowShort, double investPct) {}

    @Override
    public String name() { return "mean_reversion"; }

    @Override
    public ParamSpace space() {
        return new ParamSpace(List.of(
                ParamSpec.choice("symbol", "SPY", "SPY", "QQQ", "IWM"),
                ParamSpec.integer("lookback", 5, 100, 20),
                ParamSpec.dbl("entry_z", 0.5, 3.5, 1.5, 0.1),
                ParamSpec.dbl("exit_z", -1.0, 1.0, 0.0, 0.1),
                ParamSpec.integer("max_hold", 2, 60, 10),
                ParamSpec.bool("allow_short", false),
                ParamSpec.dbl("invest_pct", 0.1, 1.0, 1.0, 0.05)));
    }

    @Override
    public P configure(Params p) {
        return new P(Symbol.parse(p.text("symbol")), p.integer("lookback"), p.dbl("entry_z"), p.dbl("exit_z"), p.integer("max_hold"),
                p.bool("allow_short"),
                p.dbl("invest_pct"));
    }

    /** z-score of today's close against the lookback window's closes (NaN before the window is full). */
    static double z(MarketView v, Symbol s, int n) {
        if (v.available() < n) return Double.NaN;
        double sum = 0, sq = 0;
        for (int k = 0; k < n; k++) {
            double c = v.close(s, k);
            sum += c;
            sq += c * c;
        }
        double mean = sum / n, var = Math.max(0, sq / n - mean * mean);
        return var == 0 ? 0 : (v.close(s, 0) - mean) / Math.sqrt(var);
    }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        double z = z(v, p.symbol(), p.lookback());
        if (z <= -p.entryZ()) out.add(new Signal("long", List.of(Leg.shares(p.symbol(), 1))));
        else if (z >= p.entryZ() && p.allowShort()) out.add(new Signal("short", List.of(Leg.shares(p.symbol(), -1))));
    }

    @Override
    public boolean wantsEntry(PortfolioView pf, P p) {
        return pf.openPositions() == 0;   // one position at a time
    }

    @Override
    public long sizePosition(PricedSignal s, PortfolioView pf, P p) {
        if (pf.openPositions() > 0) return 0;
        double invest = Math.min(pf.capitalBase() * p.investPct(), pf.freeBuyingPower());
        return Sizing.whole(invest / s.requirement());
    }

    @Override
    public Action managePosition(PositionView pos, MarketView v, P p) {
        if (NyseCalendar.sessionsBetween(pos.entryDay(), v.day()) >= p.maxHold()) return Action.CLOSE;
        double z = z(v, p.symbol(), p.lookback());
        boolean isLong = pos.legs().get(0).ratio() > 0;
        return (isLong ? z >= p.exitZ() : z <= -p.exitZ()) ? Action.CLOSE : Action.HOLD;
    }
}
