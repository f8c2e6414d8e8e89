package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import sde.data.SeriesId;

import java.util.ArrayList;
import java.util.List;

/**
 * VIX-level plays through the underlyings' options (no VIX futures or options are in the data):
 * when VIX closes at or above {@code vix_high}, premium is rich, so sell a put spread; at or below
 * {@code vix_low} it is cheap, so buy an at-the-money straddle. {@code mode} can keep one side.
 */
public final class VixPlay implements Strategy<VixPlay.P> {
    public record P(PremiumEntry entry, double vixHigh, double vixLow, Mode mode, OptionExits exits, Sizing.Rule sizing) {
        /** Which extreme it trades: a high VIX (sell premium), a low one (buy it), or both. */
        public enum Mode { BOTH, SELL_HIGH, BUY_LOW }
    }

    @Override
    public String name() { return "vix_play"; }

    @Override
    public ParamSpace space() {
        List<ParamSpec> s = new ArrayList<>(PremiumEntry.specsWithout("vix_max"));
        s.add(ParamSpec.dbl("vix_high", 18, 60, 28, 1));
        s.add(ParamSpec.dbl("vix_low", 9, 20, 14, 0.5));
        s.add(ParamSpec.choice("mode", "both", "both", "sell_high", "buy_low"));
        s.addAll(OptionExits.SPECS);
        s.addAll(Sizing.SPECS);
        return new ParamSpace(s);
    }

    @Override
    public P configure(Params p) {
        if (p.dbl("vix_low") >= p.dbl("vix_high")) throw new IllegalArgumentException("vix_low: must be below vix_high");
        // PremiumEntry's vix_max is not declared here: the VIX bands replace it.
        return new P(PremiumEntry.of(p), p.dbl("vix_high"), p.dbl("vix_low"), p.choice("mode", P.Mode.class), OptionExits.of(p),
                Sizing.Rule.of(p));
    }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        if (!p.entry().entryDay(v)) return;
        double vix = v.value(SeriesId.VIX, 0);
        if (Double.isNaN(vix)) return;
        var sym = p.entry().symbol();
        if (vix >= p.vixHigh() && p.mode() != P.Mode.BUY_LOW) {
            int expiry = p.entry().expiry(v);
            if (expiry < 0) return;
            double[] k = p.entry().vertical(v, expiry, false);
            if (k == null) return;
            out.add(new Signal("high_vix_put_spread", List.of(Leg.option(sym, expiry, k[0], false, -1), Leg.option(sym, expiry, k[1],
                    false, 1))));
        } else if (vix <= p.vixLow() && p.mode() != P.Mode.SELL_HIGH) {
            int expiry = p.entry().expiry(v);
            if (expiry < 0) return;
            double atm = v.strike(sym, v.close(sym, 0));
            out.add(new Signal("low_vix_straddle", List.of(Leg.option(sym, expiry, atm, false, 1), Leg.option(sym, expiry, atm, true, 1))));
        }
    }

    @Override
    public boolean wantsEntry(PortfolioView pf, P p) {
        return p.entry().roomFor(pf);
    }

    @Override
    public long sizePosition(PricedSignal s, PortfolioView pf, P p) {
        if (s.entryCash() > 0) return p.entry().unitsOfCredit(s, pf, p.sizing());   // the put spread
        return p.entry().roomFor(pf) ? Sizing.units(s, pf, p.sizing()) : 0;           // the straddle
    }

    @Override
    public Action managePosition(PositionView pos, MarketView v, P p) { return p.exits().decide(pos); }
}
