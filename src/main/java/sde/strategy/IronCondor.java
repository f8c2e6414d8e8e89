package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import java.util.ArrayList;
import java.util.List;

/** A short put spread and a short call spread on one expiry, opened and closed as one position. */
public final class IronCondor implements PremiumSelling<IronCondor.P> {
    public record P(PremiumEntry entry, OptionExits exits, Sizing.Rule sizing) implements PremiumSelling.Rules {}

    @Override
    public String name() { return "iron_condor"; }

    @Override
    public ParamSpace space() {
        List<ParamSpec> s = new ArrayList<>(PremiumEntry.SPECS);
        s.addAll(OptionExits.SPECS);
        s.addAll(Sizing.SPECS);
        return new ParamSpace(s);
    }

    @Override
    public P configure(Params p) {
        return new P(PremiumEntry.of(p), OptionExits.of(p), Sizing.Rule.of(p));
    }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        int expiry = p.entry().openExpiry(v);
        if (expiry < 0) return;
        double[] put = p.entry().vertical(v, expiry, false), call = p.entry().vertical(v, expiry, true);
        if (put == null || call == null || put[0] >= call[0]) return;
        var sym = p.entry().symbol();
        out.add(new Signal("iron_condor", List.of(
                Leg.option(sym, expiry, put[0], false, -1), Leg.option(sym, expiry, put[1], false, 1),
                Leg.option(sym, expiry, call[0], true, -1), Leg.option(sym, expiry, call[1], true, 1))));
    }
}
