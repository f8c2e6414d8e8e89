package sde.strategy;

import java.util.List;

/**
 * A strategy's wish to open one position of these legs (per unit); the tag names it in the trade
 * log. {@code minRequirement} is buying power per unit the strategy asks to hold back beyond the
 * engine's rule (a cash-secured put reserves its strike × 100); 0 for none.
 */
public record Signal(String tag, List<Leg> legs, double minRequirement) {
    public Signal {
        legs = List.copyOf(legs);
        if (legs.isEmpty()) throw new IllegalArgumentException("a signal needs at least one leg");
        if (!(minRequirement >= 0)) throw new IllegalArgumentException("minRequirement must be >= 0");
    }

    public Signal(String tag, List<Leg> legs) {
        this(tag, legs, 0);
    }
}
