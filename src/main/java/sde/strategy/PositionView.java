package sde.strategy;

import java.util.List;

/** An open position as a strategy may inspect it in managePosition. */
public interface PositionView {
    List<Leg> legs();

    /** Units held (≥ 1): every leg's ratio times this. */
    int units();

    int entryDay();

    /** Cash received at entry for all units (negative when paid), costs included. */
    double entryCash();

    /** Value of all units at today's model mids (what equity counts). */
    double mark();

    /** Unrealised P&L = entryCash + mark, before exit costs. */
    default double openPnl() { return entryCash() + mark(); }

    /** Calendar days from today to the nearest option expiry of the position (MAX_VALUE for shares only). */
    int daysToExpiry();

    /** Worst loss of all units at expiry (Infinity when undefined). */
    double maxLoss();
}
