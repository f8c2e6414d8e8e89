package sde.strategy;

import sde.data.Symbol;
import sde.param.ParamSpace;
import sde.param.ParamSpec;
import sde.param.Params;

import java.util.ArrayList;
import java.util.List;

/**
 * High-conviction directional options (the seed's "naked calls/puts"): a long
 * call when the chosen signal says up, a long put when it says down. The signals read only the
 * past:
 * <ul>
 *   <li>{@code trend}: today's close above or below its {@code lookback}-session average;</li>
 *   <li>{@code momentum}: the return over {@code lookback} sessions beyond ±{@code min_move_pct};</li>
 *   <li>{@code breakout}: today's close above the highest, or below the lowest, close of the
 *       {@code lookback} sessions before it.</li>
 * </ul>
 * The option is the one of about {@code dte} days at {@code delta}. It is sized by premium at risk:
 * a long option's worst loss is its premium, so the sizing rule's {@code risk_pct} of the capital
 * base is the premium paid per position. It exits on the debit exits (a gain of
 * {@code profit_target} × premium, a loss of {@code stop_loss} × premium, {@code exit_dte} days
 * before expiry), and, with {@code exit_on_reversal}, on the day its signal turns against it.
 */
public final class LongOption implements DebitBuying<LongOption.P> {
    /** Which signal decides the direction. */
    public enum Trigger { TREND, MOMENTUM, BREAKOUT }

    /** Which directions it may take. */
    public enum Direction { BOTH, CALL, PUT }

    public record P(Symbol symbol, Trigger signal, int lookback, double minMovePct, Direction direction, int dte, int dteWindow,
                    double delta, int entryEvery, int maxPositions, boolean exitOnReversal, OptionExits exits,
                            Sizing.Rule sizing) implements DebitBuying.Rules {}

    @Override
    public String name() { return "long_option"; }

    @Override
    public ParamSpace space() {
        List<ParamSpec> s = new ArrayList<>(List.of(
                ParamSpec.choice("symbol", "SPY", "SPY", "QQQ", "IWM"),
                ParamSpec.choice("signal", "trend", "trend", "momentum", "breakout"),
                ParamSpec.integer("lookback", 5, 200, 50),
                ParamSpec.dbl("min_move_pct", 0, 20, 3, 0.5),
                ParamSpec.choice("direction", "both", "both", "call", "put"),
                ParamSpec.integer("dte", 7, 120, 30),
                ParamSpec.integer("dte_window", 2, 20, 10),
                ParamSpec.dbl("delta", 0.15, 0.70, 0.40, 0.01),
                ParamSpec.integer("entry_every", 1, 30, 5),
                ParamSpec.integer("max_positions", 1, 10, 2),
                ParamSpec.bool("exit_on_reversal", true)));
        s.addAll(OptionExits.DEBIT_SPECS);
        // Premium at risk per position: a lottery-sized default, up to a tenth of the capital base.
        s.addAll(Sizing.specs(0.002, 0.10, 0.01, 0.001));
        return new ParamSpace(s);
    }

    @Override
    public P configure(Params p) {
        return new P(Symbol.parse(p.text("symbol")), p.choice("signal", Trigger.class), p.integer("lookback"), p.dbl("min_move_pct"),
                p.choice("direction", Direction.class), p.integer("dte"), p.integer("dte_window"), p.dbl("delta"), p.integer("entry_every"),
                        p.integer("max_positions"),
                p.bool("exit_on_reversal"), OptionExits.of(p), Sizing.Rule.of(p));
    }

    /** +1 (up), -1 (down) or 0 (no view) today. */
    static int view(MarketView v, P p) {
        double close = v.close(p.symbol(), 0);
        switch (p.signal()) {
            case TREND -> {
                double sma = v.sma(p.symbol(), p.lookback());
                if (Double.isNaN(sma)) return 0;
                return close > sma ? 1 : close < sma ? -1 : 0;
            }
            case MOMENTUM -> {
                if (v.available() <= p.lookback()) return 0;
                double move = 100 * (close / v.close(p.symbol(), p.lookback()) - 1);
                return move > p.minMovePct() ? 1 : move < -p.minMovePct() ? -1 : 0;
            }
            default -> {
                if (v.available() <= p.lookback()) return 0;
                double hi = Double.NEGATIVE_INFINITY, lo = Double.POSITIVE_INFINITY;
                for (int lag = 1; lag <= p.lookback(); lag++) {
                    double c = v.close(p.symbol(), lag);
                    hi = Math.max(hi, c);
                    lo = Math.min(lo, c);
                }
                return close > hi ? 1 : close < lo ? -1 : 0;
            }
        }
    }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        if (v.available() % p.entryEvery() != 0) return;
        int view = view(v, p);
        if (view == 0 || view > 0 && p.direction() == Direction.PUT || view < 0 && p.direction() == Direction.CALL) return;
        boolean call = view > 0;
        int expiry = v.expiry(p.symbol(), p.dte(), Math.max(1, p.dte() - p.dteWindow()), p.dte() + p.dteWindow());
        if (expiry < 0) return;
        double k = v.strikeForDelta(p.symbol(), expiry, call, call ? p.delta() : -p.delta());
        out.add(new Signal(call ? "long_call" : "long_put", List.of(Leg.option(p.symbol(), expiry, k, call, 1))));
    }

    @Override
    public Action managePosition(PositionView pos, MarketView v, P p) {
        Action a = p.exits().decide(pos);
        if (a != Action.HOLD || !p.exitOnReversal()) return a;
        int view = view(v, p);
        boolean call = pos.legs().get(0).call();
        return call && view < 0 || !call && view > 0 ? Action.CLOSE : Action.HOLD;
    }
}
