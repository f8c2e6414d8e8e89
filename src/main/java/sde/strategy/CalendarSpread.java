package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import sde.data.Symbol;

import java.util.List;

/**
 * Calendar spread: sell the near expiry and buy the far one at the same strike (at the money, or
 * at {@code strike_delta} on the chosen side), both priced off the VIX term structure, so the
 * spread earns the near leg's faster decay and loses when the underlying runs away from the strike.
 * Both legs are managed together: the position closes on its profit target or stop (on the debit),
 * or {@code exit_dte} days before the near expiry, never leaving the far leg alone.
 */
public final class CalendarSpread implements DebitBuying<CalendarSpread.P> {
    public record P(Symbol symbol, int nearDte, int farDte, int dteWindow, boolean call, double strikeDelta, int entryEvery,
                    int maxPositions, OptionExits exits, Sizing.Rule sizing) implements DebitBuying.Rules {}

    @Override
    public String name() { return "calendar_spread"; }

    @Override
    public ParamSpace space() {
        return new ParamSpace(List.of(
                ParamSpec.choice("symbol", "SPY", "SPY", "QQQ", "IWM"),
                ParamSpec.integer("near_dte", 7, 45, 21),
                ParamSpec.integer("far_dte", 28, 120, 56),
                ParamSpec.integer("dte_window", 2, 15, 7),
                ParamSpec.choice("right", "call", "call", "put"),
                ParamSpec.dbl("strike_delta", 0.20, 0.50, 0.50, 0.01),
                ParamSpec.integer("entry_every", 1, 30, 5),
                ParamSpec.integer("max_positions", 1, 20, 4),
                ParamSpec.dbl("profit_target", 0.1, 2.0, 0.4, 0.05),
                ParamSpec.dbl("stop_loss", 0.2, 1.0, 0.5, 0.05),
                // At least a day: the near leg must never settle under the far one.
                ParamSpec.integer("exit_dte", 1, 20, 3),
                Sizing.SPECS.get(0), Sizing.SPECS.get(1), Sizing.SPECS.get(2)));
    }

    @Override
    public P configure(Params p) {
        if (p.integer("far_dte") <= p.integer("near_dte") + 7) {
            throw new IllegalArgumentException("far_dte: " + p.integer("far_dte") + " must exceed near_dte + 7 (" + p.integer("near_dte")
                    + " + 7)");
        }
        return new P(Symbol.parse(p.text("symbol")), p.integer("near_dte"), p.integer("far_dte"), p.integer("dte_window"),
                p.text("right").equals("call"),
                p.dbl("strike_delta"), p.integer("entry_every"), p.integer("max_positions"), OptionExits.of(p), Sizing.Rule.of(p));
    }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        if (v.available() % p.entryEvery() != 0) return;
        int near = v.expiry(p.symbol(), p.nearDte(), Math.max(p.exits().exitDte() + 1, p.nearDte() - p.dteWindow()),
                p.nearDte() + p.dteWindow());
        int far = v.expiry(p.symbol(), p.farDte(), Math.max(p.farDte() - p.dteWindow(), 1), p.farDte() + p.dteWindow());
        if (near < 0 || far <= near) return;
        double k = v.strikeForDelta(p.symbol(), near, p.call(), p.call() ? p.strikeDelta() : -p.strikeDelta());
        out.add(new Signal("calendar", List.of(Leg.option(p.symbol(), near, k, p.call(), -1), Leg.option(p.symbol(), far, k, p.call(),
                1))));
    }
}
