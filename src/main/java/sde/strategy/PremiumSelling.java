package sde.strategy;

/**
 * A premium seller's three decisions, made the same way by every one of them: room for a new
 * position by its {@link PremiumEntry} (position cap and entry cadence), size by the credit taken in
 * against the sizing rule, and exits by its {@link OptionExits}. A seller that sizes otherwise
 * overrides {@link #sizePosition}.
 */
public interface PremiumSelling<P extends PremiumSelling.Rules> extends Strategy<P> {
    /** What a premium seller's typed parameters hold: its entry, its exits and its sizing rule (a record's accessors implement it). */
    interface Rules {
        PremiumEntry entry();

        OptionExits exits();

        Sizing.Rule sizing();
    }

    @Override
    default boolean wantsEntry(PortfolioView pf, P p) {
        return p.entry().roomFor(pf);
    }

    @Override
    default long sizePosition(PricedSignal s, PortfolioView pf, P p) {
        return p.entry().unitsOfCredit(s, pf, p.sizing());
    }

    @Override
    default Action managePosition(PositionView pos, MarketView v, P p) {
        return p.exits().decide(pos);
    }
}
