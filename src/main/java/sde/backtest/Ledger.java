package sde.backtest;

import sde.data.MarketData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The account of one run: cash, each slot's cash flows, the open positions and the
 * closed trades, and the figures the limits read from them (equity, buying power, open risk, the
 * Reg-T requirement of {@link Risk#maintenance} at today's close). The session loop moves it to
 * each session ({@link #moveTo}); every cash flow goes through it.
 */
final class Ledger {
    private final MarketData md;
    private final BacktestSettings settings;
    private double cash;
    final double[] slotCash;
    /** The open positions, in the order they opened; changed only through {@link #add} and {@link #remove}. */
    final List<Position> open = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    private final int[] openCount;
    private final double[] openValue;
    private int t;

    Ledger(MarketData md, BacktestSettings settings, int slots) {
        this.md = md;
        this.settings = settings;
        this.slotCash = new double[slots];
        this.openCount = new int[slots];
        this.openValue = new double[slots];
        this.cash = settings.startingCapital();
    }

    double cash() { return cash; }

    /** Cash that is no position's (interest, a written-off balance); a position's goes through {@link #flow}. */
    void addCash(double amount) {
        cash += amount;
        changed();
    }

    /** A filled entry: its cash, and the position joins the open ones. */
    void add(Position pos, double entryCash) {
        cash += entryCash;
        slotCash[pos.slot] += entryCash;
        open.add(pos);
        openCount[pos.slot]++;
        changed();
    }

    void remove(Position pos) {
        if (open.remove(pos)) openCount[pos.slot]--;
        changed();
    }

    int openPositions(int slot) { return openCount[slot]; }

    /** The marks of a slot's open positions. */
    double openValue(int slot) {
        refresh();
        return openValue[slot];
    }

    void moveTo(int session) {
        t = session;
        changed();
    }

    /**
     * Says that the cash moved, or a position opened, closed a leg, closed, or was marked: what the
     * account's figures read. Every slot's entry and sizing asks for equity, buying power, open risk
     * and its own open value, and each answer walks every open position (Risk.maintenance, its legs);
     * between two changes they are the same numbers, computed once, in the same order.
     */
    void changed() {
        version++;
    }

    private long version, usedVersion = -1, figuresVersion = -1, riskVersion = -1;
    private double used, live, bp, risk;

    /** A position's cash flow: the account's cash, its slot's and the position's own. */
    void flow(Position pos, double amount) {
        cash += amount;
        slotCash[pos.slot] += amount;
        pos.laterCash += amount;
        changed();
    }

    /** Live and buying-power equity and each slot's open value, once per change. */
    private void refresh() {
        if (figuresVersion == version) return;
        double eq = cash;
        for (int p = 0; p < open.size(); p++) eq += open.get(p).mark;
        double b = eq;
        Arrays.fill(openValue, 0);
        for (int p = 0; p < open.size(); p++) {
            Position pos = open.get(p);
            if (pos.mark > pos.requirement && !hasShares(pos)) b -= pos.mark - pos.requirement;
            openValue[pos.slot] += pos.mark;
        }
        live = eq;
        bp = b;
        figuresVersion = version;
    }

    /** Buying power still free under the account's limit. */
    double freeBuyingPower() {
        return Math.max(0, settings.maxBuyingPower() * bpEquity() - usedBuyingPower());
    }

    /**
     * Equity as buying power sees it: an option-only position counts at no more than its entry
     * requirement, because options have no loan value (Reg-T). Without this a hedge's gain in a
     * crash lent buying power that was only a mark: a reinvesting buy-and-hold beside it bought
     * shares on it, stayed above its weight for years, and the hedge could not be rolled.
     */
    double bpEquity() {
        refresh();
        return bp;
    }

    double liveEquity() {
        refresh();
        return live;
    }

    /**
     * Open risk: an option position's risk at entry (max loss; its requirement when undefined or naked); a
     * position with share legs at today's requirement, which a price move changes.
     */
    double openRisk() {
        if (riskVersion == version) return risk;
        double r = 0;
        for (int p = 0; p < open.size(); p++) {
            Position pos = open.get(p);
            if (hasShares(pos)) r += currentRequirement(pos);
            else r += pos.risk;
        }
        risk = r;
        riskVersion = version;
        return r;
    }

    /**
     * Requirement of the open positions, recomputed at today's close by the Reg-T-like rule of
     * Risk.maintenance (SPEC §3: a daily fact, not an entry fact). Without it rising shares would
     * free buying power that is not there, and a naked put going into the money would keep its
     * entry requirement while the broker called for several times that.
     */
    double usedBuyingPower() {
        if (usedVersion == version) return used;
        double r = 0;
        for (int p = 0; p < open.size(); p++) r += currentRequirement(open.get(p));
        used = r;
        usedVersion = version;
        return r;
    }

    boolean hasShares(Position pos) {
        if (!pos.shareLegs) return false;
        for (int k = 0; k < pos.legs.size(); k++) if (pos.legOpen[k] && pos.legs.get(k).isShares()) return true;
        return false;
    }

    double currentRequirement(Position pos) {
        return Risk.maintenance(pos.legs, pos.legOpen, pos.legMid, pos.units, pos.requirement, pos.minRequirement, pos.maxLoss, md, t,
                settings);
    }
}
