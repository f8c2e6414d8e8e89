package sde.backtest;

import java.util.Arrays;
import java.util.List;

/**
 * A finished run. Arrays are indexed from the first decision day (index 0, the last session
 * before the first evaluated year, SPEC §2) to the last evaluated day. {@code equity[t]} = cash +
 * marks at the close of t; {@code contribution[s][t]} is what strategy s has added to the starting
 * capital by then (its cash flows plus its open marks), and {@code interest[t]} the interest the
 * account's cash has earned (or, when negative, paid) by then (SPEC §3), so Σ contributions +
 * interest + capital = equity.
 *
 * <p>{@code openPnlAtEnd} is the P&L of the positions still open after the last day (their cash
 * flows plus marks), so capital + Σ trade P&L + openPnlAtEnd + interest = the final equity.
 * {@code pricings} counts the option prices the run computed: marks, strike searches, and the
 * quotes of entries and exits. {@code refusedOrderDays} are the sessions on which an order was cut to
 * nothing by the market's capacity (SPEC §2): it left no trade, and is counted with the trades capacity cut.
 * {@code cellGrossPnl[ModelCell.index]} is the gross option P&L of the legs that opened in each model cell:
 * Σ |a leg's fills and settlement|, a leg still open marked at the last close (SPEC §5 model coverage).
 */
public record RunResult(String[] slotIds, int[] days, double[] equity, double[][] contribution, double[] interest, double[] riskFree,
                        List<Trade> trades, double openPnlAtEnd, double startingCapital, long pricings, boolean synthetic,
                        int[] refusedOrderDays, double[] cellGrossPnl) {
    /** The exit days of the trades capacity cut, then the days of the orders it refused: what SPEC §7's capacity_bound_trades counts. */
    public int[] capacityBoundDays() {
        int[] cut = trades.stream().filter(Trade::capacityBound).mapToInt(Trade::exitDay).toArray();
        int[] out = Arrays.copyOf(cut, cut.length + refusedOrderDays.length);
        System.arraycopy(refusedOrderDays, 0, out, cut.length, refusedOrderDays.length);
        return out;
    }
}
