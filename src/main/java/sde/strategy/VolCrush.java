package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import sde.data.Symbol;

import java.util.ArrayList;
import java.util.List;

/**
 * Volatility crush: sell a strangle at ±{@code short_delta} at the close of the session before a
 * scheduled event (implied volatility is bid up into it) and buy it back {@code exit_after}
 * sessions after the event, once the uncertainty is gone. {@code wings} > 0 buys protection that
 * many dollars further out (an iron condor, defined risk); 0 leaves it naked.
 */
public final class VolCrush implements Strategy<VolCrush.P> {
    public record P(Symbol symbol, EventTiming timing, int dte, double shortDelta, double wings, Sizing.Rule sizing) {}

    @Override
    public String name() { return "vol_crush"; }

    @Override
    public ParamSpace space() {
        List<ParamSpec> s = new ArrayList<>(List.of(ParamSpec.choice("symbol", "SPY", "SPY", "QQQ", "IWM")));
        s.addAll(EventTiming.specs(1, 1, 3, 0));
        s.add(ParamSpec.integer("dte", 1, 30, 7));
        s.add(ParamSpec.dbl("short_delta", 0.05, 0.50, 0.20, 0.01));
        s.add(ParamSpec.dbl("wings", 0, 25, 5, 1));
        s.addAll(Sizing.SPECS);
        return new ParamSpace(s);
    }

    @Override
    public P configure(Params p) {
        return new P(Symbol.parse(p.text("symbol")), EventTiming.of(p, p.integer("lead"), p.integer("exit_after")), p.integer("dte"),
                p.dbl("short_delta"),
                p.dbl("wings"), Sizing.Rule.of(p));
    }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        int e = p.timing().upcoming(v);
        if (e < 0) return;
        int min = p.timing().minDays(v, e);
        int expiry = v.expiry(p.symbol(), Math.max(p.dte(), min), min, Math.max(p.dte(), min) + 10);
        if (expiry < 0) return;
        var sym = p.symbol();
        double put = v.strikeForDelta(sym, expiry, false, -p.shortDelta()), call = v.strikeForDelta(sym, expiry, true, p.shortDelta());
        if (put >= call) return;
        List<Leg> legs = new ArrayList<>(4);
        legs.add(Leg.option(sym, expiry, put, false, -1));
        legs.add(Leg.option(sym, expiry, call, true, -1));
        if (p.wings() > 0) {
            double lo = v.strike(sym, put - p.wings()), hi = v.strike(sym, call + p.wings());
            if (lo >= put || hi <= call) return;
            legs.add(Leg.option(sym, expiry, lo, false, 1));
            legs.add(Leg.option(sym, expiry, hi, true, 1));
        }
        out.add(new Signal("vol_crush", legs));
    }

    @Override
    public long sizePosition(PricedSignal s, PortfolioView pf, P p) {
        return s.entryCash() > 0 ? Sizing.units(s, pf, p.sizing()) : 0;
    }

    @Override
    public Action managePosition(PositionView pos, MarketView v, P p) {
        return p.timing().over(pos.entryDay(), v) ? Action.CLOSE : Action.HOLD;
    }
}
