package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import sde.data.Symbol;

import java.util.List;

/**
 * The baseline: buy as many whole shares as the capital base allows at the first decision and
 * hold; dividends arrive in cash and, with {@code reinvest}, buy more whole shares the same day.
 */
public final class BuyAndHold implements Strategy<BuyAndHold.P> {
    public record P(Symbol symbol, boolean reinvest) {}

    @Override
    public String name() { return "buy_and_hold"; }

    @Override
    public ParamSpace space() {
        return new ParamSpace(List.of(ParamSpec.choice("symbol", "SPY", "SPY", "QQQ", "IWM"), ParamSpec.bool("reinvest", true)));
    }

    @Override
    public P configure(Params p) { return new P(Symbol.parse(p.text("symbol")), p.bool("reinvest")); }

    @Override
    public void generateSignals(MarketView view, P p, List<Signal> out) {
        out.add(new Signal("hold", List.of(Leg.shares(p.symbol(), 1))));
    }

    @Override
    public boolean wantsEntry(PortfolioView pf, P p) {
        return p.reinvest() || pf.openPositions() == 0;
    }

    @Override
    public long sizePosition(PricedSignal s, PortfolioView pf, P p) {
        if (pf.openPositions() > 0 && !p.reinvest()) return 0;
        // Whole shares up to this strategy's capital base (its weight of equity) less what it holds,
        // within the free buying power: alone (weight 1) that is all the cash; in a blend, its share.
        double room = Math.min(pf.capitalBase() - pf.openValue(), pf.freeBuyingPower());
        return Sizing.whole(room / s.requirement());
    }

    @Override
    public Action managePosition(PositionView position, MarketView view, P p) { return Action.HOLD; }
}
