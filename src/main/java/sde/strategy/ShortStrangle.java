package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * Short strangle (a put and a call at ±{@code short_delta}) or, with {@code straddle}, a short
 * straddle at the money. Undefined risk: margined by the naked rule, sized by that margin.
 */
public final class ShortStrangle implements PremiumSelling<ShortStrangle.P> {
    public record P(PremiumEntry entry, boolean straddle, OptionExits exits, Sizing.Rule sizing) implements PremiumSelling.Rules {}

    @Override
    public String name() { return "short_strangle"; }

    @Override
    public ParamSpace space() {
        List<ParamSpec> s = new ArrayList<>(PremiumEntry.specsWithout("width", "min_credit_pct"));
        s.add(ParamSpec.bool("straddle", false));
        s.addAll(OptionExits.SPECS);
        s.addAll(Sizing.marginSpecs(0.25));
        return new ParamSpace(s);
    }

    @Override
    public P configure(Params p) { return new P(PremiumEntry.of(p), p.bool("straddle"), OptionExits.of(p), Sizing.Rule.ofMargin(p)); }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        int expiry = p.entry().openExpiry(v);
        if (expiry < 0) return;
        var sym = p.entry().symbol();
        double put, call;
        if (p.straddle()) {
            put = call = v.strike(sym, v.close(sym, 0));
        } else {
            put = v.strikeForDelta(sym, expiry, false, -p.entry().shortDelta());
            call = v.strikeForDelta(sym, expiry, true, p.entry().shortDelta());
            if (put >= call) return;
        }
        out.add(new Signal(p.straddle() ? "short_straddle" : "short_strangle", List.of(
                Leg.option(sym, expiry, put, false, -1), Leg.option(sym, expiry, call, true, -1))));
    }

    @Override
    public long sizePosition(PricedSignal s, PortfolioView pf, P p) {
        return p.entry().roomFor(pf) ? Sizing.units(s, pf, p.sizing()) : 0;
    }
}
