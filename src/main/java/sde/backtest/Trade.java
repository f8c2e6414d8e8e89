package sde.backtest;

import sde.data.Dates;
import sde.strategy.Leg;

import java.util.List;

/**
 * One closed position in the trade log. {@code entryCash} and {@code exitCash} are the account's
 * cash flows (negative when paying) with costs included; {@code pnl} = entryCash + exitCash. {@code capacityBound}: the market's
 * capacity (SPEC §2) cut its size.
 */
public record Trade(String strategy, String tag, int entryDay, int exitDay, List<Leg> contracts, int units, double entryCash,
                    double exitCash, double costs, double pnl, ExitReason reason, boolean capacityBound) {
    public Trade {
        contracts = List.copyOf(contracts);
    }

    /**
     * The legs as trades.csv writes them, "-1 SPY 2020-02-21 310P +1 SPY 2020-02-21 305P": built when read, not when the
     * trade closes, since a search reads no trade's text and building it was a twentieth of a backtest.
     */
    public String legs() {
        return describe(contracts);
    }

    /** {@code legs} per unit as text: "+100 SPY shares", "-1 SPY 2024-01-19 470P", separated by spaces. */
    static String describe(List<Leg> legs) {
        StringBuilder sb = new StringBuilder(32 * legs.size());   // "-1 SPY 2024-01-19 470P" and a separator, without regrowing
        for (Leg l : legs) {
            if (sb.length() > 0) sb.append(' ');
            if (l.isShares()) {
                sb.append(l.ratio() > 0 ? "+" : "").append(l.ratio()).append(' ').append(l.symbol()).append(" shares");
            } else {
                sb.append(l.ratio() > 0 ? "+" : "").append(l.ratio()).append(' ').append(l.symbol()).append(' ')
                        .append(Dates.format(l.expiry())).append(' ').append(strike(l.strike())).append(l.call() ? "C" : "P");
            }
        }
        return sb.toString();
    }

    private static String strike(double k) {
        return k == Math.rint(k) ? Long.toString((long) k) : Double.toString(k);
    }
}
