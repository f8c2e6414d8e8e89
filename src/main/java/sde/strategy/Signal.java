package sde.strategy;

import java.util.List;

/**
 * A strategy's wish to open one position of these legs (per unit); the tag names it in the trade
 * log. {@code minRequirement} is buying power per unit the strategy asks to hold back beyond the
 * engine's rule (a cash-secured put reserves its strike × 100); 0 for none.
 *
 * <p>{@code morning}: the option legs are priced at a late-morning level of the underlying
 * (backtest.morning_fraction of the way from the open to the close) instead of the close. Only an
 * index emulation may ask for it (a run whose expiries settle at the open, backtest.expiry_settlement
 * open: the benchmark replicas, whose indices write their options at a late-morning VWAP); the
 * engine refuses it anywhere else, so no searched strategy can fill at a price it saw beaten by the close.
 */
public record Signal(String tag, List<Leg> legs, double minRequirement, boolean morning) {
    public Signal {
        legs = List.copyOf(legs);
        if (legs.isEmpty()) throw new IllegalArgumentException("a signal needs at least one leg");
        if (!(minRequirement >= 0)) throw new IllegalArgumentException("minRequirement must be >= 0");
    }

    public Signal(String tag, List<Leg> legs) {
        this(tag, legs, 0);
    }

    public Signal(String tag, List<Leg> legs, double minRequirement) {
        this(tag, legs, minRequirement, false);
    }
}
