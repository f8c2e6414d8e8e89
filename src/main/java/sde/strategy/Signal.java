package sde.strategy;

import java.util.List;

/** A strategy's wish to open one position of these legs (per unit); the tag names it in the trade log. */
public record Signal(String tag, List<Leg> legs) {
    public Signal {
        legs = List.copyOf(legs);
        if (legs.isEmpty()) throw new IllegalArgumentException("a signal needs at least one leg");
    }
}
