package sde.strategy;

/**
 * An option buyer's decisions, made the same way by each: room while fewer than {@code max_positions}
 * are open, a size only for an order that pays (a debit) against the sizing rule, and exits by its
 * {@link OptionExits}. A buyer with exits of its own overrides {@link #managePosition}.
 */
public interface DebitBuying<P extends DebitBuying.Rules> extends Strategy<P> {
    /** What an option buyer's typed parameters hold: its position cap, its exits and its sizing rule (a record's accessors). */
    interface Rules {
        int maxPositions();

        OptionExits exits();

        Sizing.Rule sizing();
    }

    @Override
    default boolean wantsEntry(PortfolioView pf, P p) {
        return pf.openPositions() < p.maxPositions();
    }

    @Override
    default long sizePosition(PricedSignal s, PortfolioView pf, P p) {
        if (pf.openPositions() >= p.maxPositions() || s.entryCash() >= 0) return 0;
        return Sizing.units(s, pf, p.sizing());
    }

    @Override
    default Action managePosition(PositionView pos, MarketView v, P p) {
        return p.exits().decide(pos);
    }
}
