package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import sde.data.Symbol;

import java.util.ArrayList;
import java.util.List;

/**
 * Vertical debit spreads: a bull call spread when the trend is up (close above its
 * {@code trend_sma}-session average), a bear put spread when down; {@code side} can force one.
 * The long leg sits at {@code long_delta}, the short leg {@code width} dollars further out.
 */
public final class DebitSpread implements DebitBuying<DebitSpread.P> {
    public record P(Symbol symbol, int dte, int dteWindow, double longDelta, double width, Side side, int trendSma, int entryEvery,
                    int maxPositions, OptionExits exits, Sizing.Rule sizing) implements DebitBuying.Rules {}

    @Override
    public String name() { return "debit_spread"; }

    @Override
    public ParamSpace space() {
        List<ParamSpec> s = new ArrayList<>(List.of(
                ParamSpec.choice("symbol", "SPY", "SPY", "QQQ", "IWM"),
                ParamSpec.integer("dte", 7, 120, 45),
                ParamSpec.integer("dte_window", 2, 20, 10),
                ParamSpec.dbl("long_delta", 0.25, 0.75, 0.50, 0.01),
                ParamSpec.dbl("width", 1, 30, 10, 1),
                ParamSpec.choice("side", "trend", "trend", "call", "put"),
                ParamSpec.integer("trend_sma", 10, 200, 50),
                ParamSpec.integer("entry_every", 1, 30, 10),
                ParamSpec.integer("max_positions", 1, 20, 3)));
        s.addAll(OptionExits.DEBIT_SPECS);
        s.addAll(Sizing.SPECS);
        return new ParamSpace(s);
    }

    @Override
    public P configure(Params p) {
        return new P(Symbol.parse(p.text("symbol")), p.integer("dte"), p.integer("dte_window"), p.dbl("long_delta"), p.dbl("width"),
                p.choice("side",
                Side.class),
                p.integer("trend_sma"), p.integer("entry_every"), p.integer("max_positions"), OptionExits.of(p), Sizing.Rule.of(p));
    }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        if (v.available() % p.entryEvery() != 0) return;
        boolean call;
        if (p.side() == Side.TREND) {
            double sma = v.sma(p.symbol(), p.trendSma());
            if (Double.isNaN(sma)) return;
            call = v.close(p.symbol(), 0) >= sma;
        } else {
            call = p.side() == Side.CALL;
        }
        int expiry = v.expiry(p.symbol(), p.dte(), Math.max(1, p.dte() - p.dteWindow()), p.dte() + p.dteWindow());
        if (expiry < 0) return;
        double longK = v.strikeForDelta(p.symbol(), expiry, call, call ? p.longDelta() : -p.longDelta());
        double shortK = v.strike(p.symbol(), call ? longK + p.width() : longK - p.width());
        if (call ? shortK <= longK : shortK >= longK) return;
        out.add(new Signal(call ? "bull_call" : "bear_put", List.of(
                Leg.option(p.symbol(), expiry, longK, call, 1), Leg.option(p.symbol(), expiry, shortK, call, -1))));
    }
}
