package sde.strategy;

import sde.param.ParamSpace;
import sde.param.Params;
import java.util.List;

/**
 * A pluggable strategy. {@code P} is its typed, checked parameters, made once per
 * run by {@link #configure}, so the per-day calls read fields, not maps. Implementations hold no
 * state between days: everything they may remember lives in the portfolio and the positions.
 */
public interface Strategy<P> {
    String name();

    ParamSpace space();

    P configure(Params params);

    /**
     * The entry gate: whether the strategy would open anything today, given what it holds.
     * The engine asks before {@link #generateSignals}, so a signal the strategy would refuse is never
     * built, quoted or priced: a strategy that holds one position at a time allocates nothing while
     * it holds. It must agree with {@link #sizePosition}: false only where sizing would return 0.
     */
    default boolean wantsEntry(PortfolioView portfolio, P params) {
        return true;
    }

    /** Appends today's signals to {@code out} (the engine clears and reuses it: no allocation on quiet days). */
    void generateSignals(MarketView view, P params, List<Signal> out);

    /** Units to open of a priced signal (0 to skip). */
    long sizePosition(PricedSignal signal, PortfolioView portfolio, P params);

    Action managePosition(PositionView position, MarketView view, P params);
}
