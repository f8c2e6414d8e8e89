package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * Vertical credit spreads: a bull put spread when the trend is up (close above its
 * {@code trend_sma}-session average), a bear call spread when it is down; {@code side} can force one.
 */
public final class CreditSpread implements PremiumSelling<CreditSpread.P> {
    public record P(PremiumEntry entry, OptionExits exits, Sizing.Rule sizing, Side side, int trendSma) implements PremiumSelling.Rules {}

    @Override
    public String name() { return "credit_spread"; }

    @Override
    public ParamSpace space() {
        List<ParamSpec> s = new ArrayList<>(PremiumEntry.SPECS);
        s.add(ParamSpec.choice("side", "trend", "trend", "put", "call"));
        s.add(ParamSpec.integer("trend_sma", 10, 200, 50));
        s.addAll(OptionExits.SPECS);
        s.addAll(Sizing.SPECS);
        return new ParamSpace(s);
    }

    @Override
    public P configure(Params p) {
        return new P(PremiumEntry.of(p), OptionExits.of(p), Sizing.Rule.of(p), p.choice("side", Side.class), p.integer("trend_sma"));
    }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        if (!p.entry().entryDay(v)) return;
        boolean call;
        if (p.side() == Side.TREND) {
            double sma = v.sma(p.entry().symbol(), p.trendSma());
            if (Double.isNaN(sma)) return;
            call = v.close(p.entry().symbol(), 0) < sma;
        } else {
            call = p.side() == Side.CALL;
        }
        int expiry = p.entry().expiry(v);
        if (expiry < 0) return;
        double[] k = p.entry().vertical(v, expiry, call);
        if (k == null) return;
        out.add(new Signal(call ? "bear_call" : "bull_put", List.of(
                Leg.option(p.entry().symbol(), expiry, k[0], call, -1),
                Leg.option(p.entry().symbol(), expiry, k[1], call, 1))));
    }
}
