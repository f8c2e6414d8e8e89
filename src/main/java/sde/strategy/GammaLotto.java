package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import sde.data.Symbol;

import java.util.ArrayList;
import java.util.List;

/**
 * Gamma lotto: cheap out-of-the-money options bought at the close of the session before a
 * scheduled FOMC, CPI or NFP day, on the expiry of the event day itself (1 DTE; no trade where that
 * expiry was not listed, as before daily SPY expiries), held to the expiry close and settled at
 * intrinsic value. Most expire worthless; the premium is the whole risk, sized by risk_pct.
 */
public final class GammaLotto implements Strategy<GammaLotto.P> {
    public record P(Symbol symbol, EventTiming timing, double otmDelta, Wings side, Sizing.Rule sizing) {
        /** Which wings a ticket buys. */
        public enum Wings { BOTH, CALL, PUT }
    }

    @Override
    public String name() { return "gamma_lotto"; }

    @Override
    public ParamSpace space() {
        List<ParamSpec> s = new ArrayList<>(List.of(
                ParamSpec.choice("symbol", "SPY", "SPY", "QQQ", "IWM"),
                EventTiming.EVENTS,
                ParamSpec.dbl("otm_delta", 0.03, 0.30, 0.10, 0.01),
                ParamSpec.choice("side", "both", "both", "call", "put")));
        // Premium is the whole risk and most tickets expire worthless: 1 % per event, ~60 events a year.
        s.addAll(Sizing.specs(0.002, 0.05, 0.01, 0.001));
        return new ParamSpace(s);
    }

    @Override
    public P configure(Params p) {
        return new P(Symbol.parse(p.text("symbol")), EventTiming.of(p, 1, 0), p.dbl("otm_delta"), p.choice("side", P.Wings.class),
                Sizing.Rule.of(p));
    }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        int e = p.timing().upcoming(v);
        if (e < 0) return;
        int days = e - v.day();
        if (v.expiry(p.symbol(), days, days, days) != e) return;
        List<Leg> legs = new ArrayList<>(2);
        if (p.side() != P.Wings.CALL) legs.add(Leg.option(p.symbol(), e, v.strikeForDelta(p.symbol(), e, false, -p.otmDelta()), false, 1));
        if (p.side() != P.Wings.PUT) legs.add(Leg.option(p.symbol(), e, v.strikeForDelta(p.symbol(), e, true, p.otmDelta()), true, 1));
        out.add(new Signal("gamma_lotto", legs));
    }

    @Override
    public long sizePosition(PricedSignal s, PortfolioView pf, P p) {
        return s.entryCash() < 0 ? Sizing.units(s, pf, p.sizing()) : 0;
    }

    /** Held to the event day's expiry, where the engine settles it: never longer. */
    @Override
    public Action managePosition(PositionView pos, MarketView v, P p) { return Action.HOLD; }
}
