package sde.backtest;

import sde.data.MarketData;

import java.util.ArrayList;
import java.util.List;

/**
 * The account of one run (issue 16): cash, each slot's cash flows, the open positions and the
 * closed trades, and the figures the limits read from them (equity, buying power, open risk, the
 * Reg-T requirement of {@link Risk#maintenance} at today's close). The session loop moves it to
 * each session ({@link #moveTo}); every cash flow goes through it.
 */
final class Ledger {
    private final MarketData md;
    private final BacktestSettings settings;
    double cash;
    final double[] slotCash;
    final List<Position> open = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    private int t;

    Ledger(MarketData md, BacktestSettings settings, int slots) {
        this.md = md;
        this.settings = settings;
        this.slotCash = new double[slots];
        this.cash = settings.startingCapital();
    }

    void moveTo(int session) {
        t = session;
        changed();
    }

    /**
     * Says that a position opened, closed a leg, closed, or was marked: what {@link #usedBuyingPower}
     * reads. Sizing asks it for every signal of every slot, and each answer walks every open
     * position's legs (Risk.maintenance); between two changes it is the same number (issue 17 item 3).
     */
    void changed() {
        version++;
    }

    private long version, usedVersion = -1;
    private double used;

    /** A position's cash flow: the account's cash, its slot's and the position's own. */
    void flow(Position pos, double amount) {
        cash += amount;
        slotCash[pos.slot] += amount;
        pos.laterCash += amount;
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
        double eq = liveEquity();
        for (int p = 0; p < open.size(); p++) {
            Position pos = open.get(p);
            if (pos.mark > pos.requirement && !hasShares(pos)) eq -= pos.mark - pos.requirement;
        }
        return eq;
    }

    double liveEquity() {
        double eq = cash;
        for (int p = 0; p < open.size(); p++) eq += open.get(p).mark;
        return eq;
    }

    /**
     * Open risk: an option position's risk at entry (max loss; its requirement when undefined or naked); a
     * position with share legs at today's requirement, which a price move changes.
     */
    double openRisk() {
        double r = 0;
        for (int p = 0; p < open.size(); p++) {
            Position pos = open.get(p);
            if (hasShares(pos)) r += currentRequirement(pos);
            else r += pos.risk;
        }
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
        for (int k = 0; k < pos.legs.size(); k++) if (pos.legOpen[k] && pos.legs.get(k).isShares()) return true;
        return false;
    }

    double currentRequirement(Position pos) {
        return Risk.maintenance(pos.legs, pos.legOpen, pos.legMid, pos.units, pos.requirement, pos.minRequirement, pos.maxLoss, md, t,
                settings);
    }
}
