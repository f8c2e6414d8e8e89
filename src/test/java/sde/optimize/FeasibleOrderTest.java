package sde.optimize;

import org.junit.jupiter.api.Test;
import sde.results.Feasibility;
import sde.results.Objective;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * SPEC §4's ranking (Deb 2000) in every optimizer: an infeasible row with a higher objective never
 * wins over a feasible one, and between two infeasible rows the smaller violation wins.
 */
class FeasibleOrderTest {
    private static final double[] HIGH = {0.9, 0.9}, LOW = {0.1, 0.1};

    @Test
    void theViolationIsTheSummedRelativeShortfallAndZeroExactlyWhenFeasible() {
        Feasibility f = Feasibility.DEFAULT;
        assertEquals(0.0, f.violation(35, 30, false), "on both lines: feasible");
        assertEquals(0.2, f.violation(42, 30, false), 1e-12, "(42 - 35) / 35");
        assertEquals(0.5, f.violation(20, 15, false), 1e-12, "(30 - 15) / 30");
        assertEquals(1 + 65 / 35.0 + 1, f.violation(100, 0, true), 1e-12, "ruin: 100 % drawdown, no trades, and the ruin itself");
        assertEquals(0.0, new Feasibility(Objective.SCORE, 35, 0).violation(10, 0, false), "no trade minimum");
        assertThrows(IllegalArgumentException.class, () -> new Feasibility(Objective.SCORE, 0, 30));
        assertThrows(IllegalArgumentException.class, () -> new Feasibility(Objective.SCORE, 101, 30));
        assertThrows(IllegalArgumentException.class, () -> new Feasibility(Objective.SCORE, 35, -1));
    }

    @Test
    void debsOrderPutsFeasibleFirstThenSmallerViolationsThenFailures() {
        assertTrue(Feasibility.compare(0.1, 0, 50, 0.01) < 0, "feasible 0.1 above infeasible 50");
        assertTrue(Feasibility.compare(2, 0, 1, 0) < 0, "feasible rows by objective");
        assertTrue(Feasibility.compare(-5, 0.1, 50, 0.2) < 0, "infeasible rows by violation, whatever the objective");
        assertTrue(Feasibility.compare(-5, 3, Double.NaN, 0) < 0, "a failed evaluation ranks last");
        assertTrue(Feasibility.compare(1, 5, 1, Double.NaN) < 0, "an unknown violation ranks below every known one");
        assertEquals(0, Feasibility.compare(1, 0.3, 7, 0.3), "equal violations tie (the history's order breaks it)");
    }

    @Test
    void worstYearIsTheSmallestYearlyScore() {
        assertEquals(-0.4, Objective.WORST_YEAR.of(2.0, new double[]{1.5, -0.4, 3.0}));
        assertEquals(2.0, Objective.SCORE.of(2.0, new double[]{1.5, -0.4, 3.0}));
        assertEquals(Objective.WORST_YEAR, Objective.parse("worst_year"));
        assertThrows(IllegalArgumentException.class, () -> Objective.parse("sharpe"));
    }

    /** A GA that copies its parents exactly: no mutation, no crossover, a large tournament. */
    private static GeneticAlgorithm copyingGa() {
        return new GeneticAlgorithm(new OptimizerSettings(1, 24, 0, 0, 0.1, 0.25, 8, 4));
    }

    @Test
    void gaElitesAndTournamentsPreferTheFeasibleRowOverAHigherInfeasibleOne() {
        List<Optimizer.Evaluated> h = List.of(new Optimizer.Evaluated(HIGH, 100, 0.01), new Optimizer.Evaluated(LOW, 0.5, 0));
        for (double[] x : copyingGa().propose(12, 2, h, new SplittableRandom(3))) assertArrayEquals(LOW, x, "only the feasible row breeds");
    }

    @Test
    void gaPrefersTheSmallerViolationBetweenInfeasibleRows() {
        List<Optimizer.Evaluated> h = List.of(new Optimizer.Evaluated(HIGH, 100, 0.8), new Optimizer.Evaluated(LOW, -3, 0.1));
        for (double[] x : copyingGa().propose(12, 2, h, new SplittableRandom(4))) assertArrayEquals(LOW, x);
    }

    @Test
    void tpePutsInfeasibleTrialsInTheBadGroup() {
        List<Optimizer.Evaluated> h = new ArrayList<>();
        for (int k = 0; k < 30; k++) h.add(new Optimizer.Evaluated(new double[]{0.9, k / 30.0}, 1000 + k, 0.05 + k / 100.0));
        for (int k = 0; k < 10; k++) h.add(new Optimizer.Evaluated(new double[]{0.1, k / 10.0}, k / 10.0, 0));
        List<Optimizer.Evaluated> ranked = Tpe.ranked(h);
        int good = Tpe.goodCount(ranked.size(), 0.25);
        assertEquals(10, good);
        assertTrue(ranked.subList(0, good).stream().allMatch(Optimizer.Evaluated::feasible), "the good group is the 10 feasible trials");
        assertEquals(0.9, ranked.get(0).fitness(), "best feasible first");
        assertEquals(0.05, ranked.get(good).violation(), 1e-12, "the bad group starts with the least violating");
        // With γ large enough to take infeasible trials in, they come in by smaller violation.
        List<Optimizer.Evaluated> wide = Tpe.ranked(h).subList(0, Tpe.goodCount(h.size(), 0.3));
        assertEquals(12, wide.size());
        assertEquals(0.06, wide.get(11).violation(), 1e-12);
        // And the proposals follow the good group: TPE draws around the feasible x0 = 0.1, not the infeasible 0.9.
        List<double[]> next = new Tpe(new OptimizerSettings(1, 2, 0.9, 0.2, 0.1, 0.25, 24, 4)).propose(40, 2, h, new SplittableRandom(5));
        assertTrue(next.stream().mapToDouble(x -> x[0]).average().orElseThrow() < 0.4, "proposals sit by the feasible trials");
    }

    @Test
    void cmaEsClimbsToTheConstraintBoundaryRatherThanPastIt() {
        // Objective grows with x0 and x1; feasible only for x0 <= 0.5 (violation = how far past). The best
        // feasible point is on the boundary: CMA-ES, ranking by Deb's order, ends there.
        CmaEs cma = new CmaEs();
        List<Optimizer.Evaluated> h = new ArrayList<>();
        for (int g = 0; g < 30; g++) {
            for (double[] x : cma.propose(8, 2, h, new SplittableRandom(100 + g))) {
                h.add(new Optimizer.Evaluated(x, x[0] + x[1], Math.max(0, x[0] - 0.5)));
            }
        }
        Optimizer.Evaluated best = h.stream().sorted(Optimizer.BEST_FIRST).findFirst().orElseThrow();
        assertTrue(best.feasible());
        assertTrue(best.genome()[0] > 0.45 && best.genome()[0] <= 0.5, "on the boundary: " + best.genome()[0]);
        assertTrue(best.genome()[1] > 0.9, "and at the top of the free gene: " + best.genome()[1]);
        List<Optimizer.Evaluated> last = h.subList(h.size() - 8, h.size());
        assertTrue(last.stream().filter(Optimizer.Evaluated::feasible).count() >= 2, "the last generation still samples the feasible side");
    }
}
