package sde.results;

import java.io.Serializable;

/**
 * SPEC §4 feasibility and ranking. A row is feasible over the train years when its max drawdown is at
 * most {@code maxDrawdownPct}, every year has at least {@code minTradesPerYear} closed trades and the
 * account was not ruined; its violation is the summed relative shortfall (0 exactly when feasible):
 * <pre>violation = max(0, max_dd − limit) / limit + max(0, min_trades − fewest) / min_trades + (1 if ruined)</pre>
 * Rows rank by Deb's rule (Deb 2000; what Optuna's {@code constraints_func} does to its samplers): a
 * feasible row above every infeasible one, feasible rows by objective, infeasible rows by smaller
 * violation. No death penalty: an infeasible row keeps its place among the infeasible, so a search that
 * starts there still climbs toward the boundary, where the best feasible rows probably lie.
 */
public record Feasibility(Objective objective, double maxDrawdownPct, int minTradesPerYear) implements Serializable {
    /** The seed's lines: its Reject drawdown and its rule D (SPEC §4, §5). */
    public static final Feasibility DEFAULT = new Feasibility(Objective.SCORE, 35, 30);

    public Feasibility {
        if (objective == null) throw new IllegalArgumentException("objective: missing");
        if (!(maxDrawdownPct > 0 && maxDrawdownPct <= 100)) {
            throw new IllegalArgumentException("max_drawdown: must be in (0, 100] percent, got " + maxDrawdownPct);
        }
        if (minTradesPerYear < 0) throw new IllegalArgumentException("min_trades_per_year: must be >= 0, got " + minTradesPerYear);
    }

    /** The violation of a train window with this max drawdown (percent), fewest closed trades in a year, and ruin. */
    public double violation(double maxDdPct, int fewestTradesInAYear, boolean ruined) {
        double v = Math.max(0, maxDdPct - maxDrawdownPct) / maxDrawdownPct;
        if (minTradesPerYear > 0) v += Math.max(0, minTradesPerYear - fewestTradesInAYear) / (double) minTradesPerYear;
        return ruined ? v + 1 : v;
    }

    /** Feasible exactly when nothing is violated. */
    public static boolean feasible(double violation) {
        return violation == 0;
    }

    /**
     * Deb's order, best first: negative when row a ranks above row b. A failed evaluation (NaN
     * objective) ranks below everything, as does a row whose violation is unknown (NaN: a row written
     * before feasibility was recorded).
     */
    public static int compare(double objectiveA, double violationA, double objectiveB, double violationB) {
        boolean failedA = Double.isNaN(objectiveA), failedB = Double.isNaN(objectiveB);
        if (failedA || failedB) return Boolean.compare(failedA, failedB);
        double va = Double.isNaN(violationA) ? Double.POSITIVE_INFINITY : violationA;
        double vb = Double.isNaN(violationB) ? Double.POSITIVE_INFINITY : violationB;
        boolean fa = va == 0, fb = vb == 0;
        if (fa != fb) return fa ? -1 : 1;
        return fa ? Double.compare(objectiveB, objectiveA) : Double.compare(va, vb);
    }
}
