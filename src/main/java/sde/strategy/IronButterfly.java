package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * Iron butterfly: a short straddle at the money with long wings {@code width} dollars away, opened
 * and closed as one position. More credit than a condor, a narrower profit tent.
 */
public final class IronButterfly implements PremiumSelling<IronButterfly.P> {
    public record P(PremiumEntry entry, OptionExits exits, Sizing.Rule sizing) implements PremiumSelling.Rules {}

    @Override
    public String name() { return "iron_butterfly"; }

    @Override
    public ParamSpace space() {
        List<ParamSpec> s = new ArrayList<>(PremiumEntry.specsWithout("short_delta", "min_credit_pct", "width"));
        // Wider wings than a vertical's: a 5-dollar fly on a 35-day SPY straddle worth ~10 dollars is
        // nearly all credit and all loss once SPY moves 5 dollars (its default lost ~90 % a year).
        s.add(ParamSpec.dbl("width", 2, 60, 20, 1));
        // The credit of a butterfly is a large share of its width: the floor sits higher than a condor's.
        s.add(ParamSpec.dbl("min_credit_pct", 0.1, 0.9, 0.3, 0.01));
        s.addAll(OptionExits.SPECS);
        s.addAll(Sizing.SPECS);
        return new ParamSpace(s);
    }

    @Override
    public P configure(Params p) { return new P(PremiumEntry.of(p), OptionExits.of(p), Sizing.Rule.of(p)); }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        int expiry = p.entry().openExpiry(v);
        if (expiry < 0) return;
        var sym = p.entry().symbol();
        double atm = v.strike(sym, v.close(sym, 0));
        double lo = v.strike(sym, atm - p.entry().width()), hi = v.strike(sym, atm + p.entry().width());
        if (lo >= atm || hi <= atm) return;
        out.add(new Signal("iron_butterfly", List.of(
                Leg.option(sym, expiry, atm, false, -1), Leg.option(sym, expiry, lo, false, 1),
                Leg.option(sym, expiry, atm, true, -1), Leg.option(sym, expiry, hi, true, 1))));
    }
}
