package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import sde.data.NyseCalendar;
import sde.data.Symbol;

import java.util.List;

/**
 * A hedging overlay for any blend: long puts {@code otm_pct} below the spot, protecting
 * {@code hedge_ratio} × the whole account's equity of notional at the strike (not this slot's
 * weight: it hedges the portfolio), rolled every {@code roll_days} sessions or when
 * {@code exit_dte} days remain. Its cost is the premium, a steady drag the blend must earn back.
 */
public final class HedgeOverlay implements Strategy<HedgeOverlay.P> {
    public record P(Symbol symbol, double hedgeRatio, double otmPct, int dte, int rollDays, int exitDte) {}

    @Override
    public String name() { return "hedge_overlay"; }

    @Override
    public ParamSpace space() {
        return new ParamSpace(List.of(
                ParamSpec.choice("symbol", "SPY", "SPY", "QQQ", "IWM"),
                ParamSpec.dbl("hedge_ratio", 0.1, 2.0, 1.0, 0.05),
                ParamSpec.dbl("otm_pct", 0.02, 0.30, 0.10, 0.01),
                ParamSpec.integer("dte", 30, 365, 90),
                ParamSpec.integer("roll_days", 5, 120, 42),
                ParamSpec.integer("exit_dte", 0, 60, 21)));
    }

    @Override
    public P configure(Params p) {
        if (p.integer("exit_dte") >= p.integer("dte")) throw new IllegalArgumentException("exit_dte: must be below dte");
        return new P(Symbol.parse(p.text("symbol")), p.dbl("hedge_ratio"), p.dbl("otm_pct"), p.integer("dte"), p.integer("roll_days"),
                p.integer("exit_dte"));
    }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        int expiry = v.expiry(p.symbol(), p.dte(), p.exitDte() + 1, p.dte() + 30);
        if (expiry < 0) return;
        double k = v.strike(p.symbol(), v.close(p.symbol(), 0) * (1 - p.otmPct()));
        out.add(new Signal("hedge_put", List.of(Leg.option(p.symbol(), expiry, k, false, 1))));
    }

    @Override
    public boolean wantsEntry(PortfolioView pf, P p) {
        return pf.openPositions() == 0;   // one hedge at a time
    }

    @Override
    public long sizePosition(PricedSignal s, PortfolioView pf, P p) {
        if (pf.openPositions() > 0) return 0;
        double strike = s.signal().legs().get(0).strike();
        return Sizing.whole(p.hedgeRatio() * pf.equity() / (strike * 100));
    }

    @Override
    public Action managePosition(PositionView pos, MarketView v, P p) {
        if (NyseCalendar.sessionsBetween(pos.entryDay(), v.day()) >= p.rollDays()) return Action.ROLL;
        return p.exitDte() > 0 && pos.daysToExpiry() <= p.exitDte() ? Action.ROLL : Action.HOLD;
    }
}
