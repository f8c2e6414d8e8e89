package sde.backtest;

import sde.strategy.Leg;
import sde.strategy.PositionView;

import java.util.Arrays;
import java.util.List;

/** An open position: its legs per unit, how many units, and what it has paid and received so far. */
final class Position implements PositionView {
    final int slot;
    final String tag;
    final List<Leg> legs;
    final int units;
    final int entryDay;
    final double entryCash;
    final double maxLoss;
    final double requirement;
    /** The requirement the strategy asked to hold back for all units (a cash-secured put's strikes), 0 for none. */
    final double minRequirement;
    /** What the risk limit counts for all units: max loss, or the requirement when undefined or naked. */
    final double risk;
    final boolean[] legOpen;
    /** Last mark per leg, per share (options) or per share price (shares). */
    final double[] legMid;
    /** Cash flows after entry: closes, settlements, dividends. */
    double laterCash;
    double costs;
    double mark;
    int daysToExpiry;
    /** The market's capacity (SPEC §2) cut the opening order's size. */
    boolean capacityBound;
    /** Per leg: the model cell it opened in (ModelCell.index, SPEC §5 coverage), -1 for shares. */
    final int[] legCell;
    /** Per leg: its cash flows so far, fills and settlement (costs included; a share leg's dividends are not counted). */
    final double[] legCash;
    /** Whether any leg is shares: most positions hold none, and the ledger asks on every refresh. */
    final boolean shareLegs;
    /** The earliest expiry of its option legs (MAX_VALUE: none): no leg settles before it, so the daily settlement skips it. */
    final int firstExpiry;

    Position(int slot, String tag, List<Leg> legs, int units, int entryDay, double entryCash, double entryCosts,
             double maxLoss, double requirement, double minRequirement, double risk) {
        this.slot = slot;
        this.tag = tag;
        this.legs = legs;
        this.units = units;
        this.entryDay = entryDay;
        this.entryCash = entryCash;
        this.costs = entryCosts;
        this.maxLoss = maxLoss;
        this.requirement = requirement;
        this.minRequirement = minRequirement;
        this.risk = risk;
        this.legOpen = new boolean[legs.size()];
        Arrays.fill(legOpen, true);
        this.legMid = new double[legs.size()];
        this.legCell = new int[legs.size()];
        this.legCash = new double[legs.size()];
        boolean shares = false;
        int first = Integer.MAX_VALUE;
        for (Leg l : legs) {
            shares |= l.isShares();
            if (!l.isShares()) first = Math.min(first, l.expiry());
        }
        this.shareLegs = shares;
        this.firstExpiry = first;
    }

    boolean anyOpen() {
        for (boolean b : legOpen) if (b) return true;
        return false;
    }

    @Override public List<Leg> legs() { return legs; }
    @Override public int units() { return units; }
    @Override public int entryDay() { return entryDay; }
    @Override public double entryCash() { return entryCash; }
    @Override public double mark() { return mark; }
    @Override public double openPnl() { return entryCash + laterCash + mark; }
    @Override public int daysToExpiry() { return daysToExpiry; }
    @Override public double maxLoss() { return maxLoss; }

    String describe() {
        return Trade.describe(legs);
    }
}
