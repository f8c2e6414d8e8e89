package sde.backtest;

import sde.param.Params;
import sde.strategy.Strategy;

/** One strategy in a blend: its checked parameters, typed configuration and allocation weight. */
public record Slot<P>(String id, Strategy<P> strategy, Params params, P config, double weight) {
    public static <P> Slot<P> of(String id, Strategy<P> s, Params params, double weight) {
        if (!(weight >= 0 && weight <= 1)) throw new IllegalArgumentException(id + ".weight must be in [0, 1], got " + weight);
        return new Slot<>(id, s, params, s.configure(params), weight);
    }
}
