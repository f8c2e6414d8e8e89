package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import sde.data.Symbol;

import java.util.ArrayList;
import java.util.List;

/**
 * Long straddle (or strangle, below {@code delta} 0.5) bought {@code lead} sessions before a
 * scheduled FOMC, CPI or NFP day and sold {@code exit_after} sessions after it: a bet that the
 * event moves the underlying more than the implied volatility already prices.
 */
public final class EventStraddle implements Strategy<EventStraddle.P> {
    public record P(Symbol symbol, EventTiming timing, int dte, double delta, Sizing.Rule sizing) {}

    @Override
    public String name() { return "event_straddle"; }

    @Override
    public ParamSpace space() {
        List<ParamSpec> s = new ArrayList<>(List.of(ParamSpec.choice("symbol", "SPY", "SPY", "QQQ", "IWM")));
        s.addAll(EventTiming.specs(10, 3, 3, 1));
        s.add(ParamSpec.integer("dte", 3, 45, 14));
        s.add(ParamSpec.dbl("delta", 0.15, 0.50, 0.50, 0.01));
        s.addAll(Sizing.SPECS);
        return new ParamSpace(s);
    }

    @Override
    public P configure(Params p) {
        return new P(Symbol.parse(p.text("symbol")), EventTiming.of(p, p.integer("lead"), p.integer("exit_after")), p.integer("dte"),
                p.dbl("delta"),
                Sizing.Rule.of(p));
    }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        int e = p.timing().upcoming(v);
        if (e < 0) return;
        int min = p.timing().minDays(v, e) + 1;
        int expiry = v.expiry(p.symbol(), Math.max(p.dte(), min), min, Math.max(p.dte(), min) + 14);
        if (expiry < 0) return;
        double put, call;
        if (p.delta() >= 0.5) {
            put = call = v.strike(p.symbol(), v.close(p.symbol(), 0));
        } else {
            put = v.strikeForDelta(p.symbol(), expiry, false, -p.delta());
            call = v.strikeForDelta(p.symbol(), expiry, true, p.delta());
        }
        out.add(new Signal("event_straddle", List.of(Leg.option(p.symbol(), expiry, put, false, 1),
                Leg.option(p.symbol(), expiry, call, true, 1))));
    }

    @Override
    public long sizePosition(PricedSignal s, PortfolioView pf, P p) {
        return s.entryCash() < 0 ? Sizing.units(s, pf, p.sizing()) : 0;
    }

    @Override
    public Action managePosition(PositionView pos, MarketView v, P p) {
        return p.timing().over(pos.entryDay(), v) ? Action.CLOSE : Action.HOLD;
    }
}
