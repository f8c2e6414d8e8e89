package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * A short put at {@code short_delta}: naked (margined by the naked rule, sized by that margin) or
 * cash-secured (each contract holds back its strike × 100 of buying power, so assignment is always
 * paid for). Two registry entries, one class: the difference is only what the account reserves.
 */
public final class ShortPut implements PremiumSelling<ShortPut.P> {
    public record P(PremiumEntry entry, OptionExits exits, Sizing.Rule sizing) implements PremiumSelling.Rules {}

    private final boolean secured;

    public ShortPut(boolean secured) { this.secured = secured; }

    @Override
    public String name() { return secured ? "cash_secured_put" : "naked_put"; }

    @Override
    public ParamSpace space() {
        List<ParamSpec> s = new ArrayList<>(PremiumEntry.specsWithout("width", "min_credit_pct"));
        s.addAll(OptionExits.SPECS);
        // A cash-secured SPY put ties up its strike × 100 (about 60 % of 100,000 in 2025): its default
        // share of the capital base per position must reach one contract.
        s.addAll(secured ? Sizing.marginSpecs(0.8) : Sizing.marginSpecs(0.25));
        return new ParamSpace(s);
    }

    @Override
    public P configure(Params p) { return new P(PremiumEntry.of(p), OptionExits.of(p), Sizing.Rule.ofMargin(p)); }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        int expiry = p.entry().openExpiry(v);
        if (expiry < 0) return;
        var sym = p.entry().symbol();
        double k = v.strikeForDelta(sym, expiry, false, -p.entry().shortDelta());
        out.add(new Signal(name(), List.of(Leg.option(sym, expiry, k, false, -1)), secured ? k * 100 : 0));
    }

    @Override
    public long sizePosition(PricedSignal s, PortfolioView pf, P p) {
        return p.entry().roomFor(pf) ? Sizing.units(s, pf, p.sizing()) : 0;
    }
}
