package sde.backtest;

/**
 * One closed position in the trade log. {@code entryCash} and {@code exitCash} are the account's
 * cash flows (negative when paying) with costs included; {@code pnl} = entryCash + exitCash. {@code capacityBound}: the market's
 * capacity (SPEC §2) cut its size.
 */
public record Trade(String strategy, String tag, int entryDay, int exitDay, String legs, int units, double entryCash,
                    double exitCash, double costs, double pnl, ExitReason reason, boolean capacityBound) {}
