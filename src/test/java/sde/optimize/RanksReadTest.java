package sde.optimize;

import org.junit.jupiter.api.Test;
import sde.optimize.Optimizer.Evaluated;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An optimizer's {@link Optimizer#ranksRead}: below its best rows, a row's value moves no proposal. That is what lets a
 * sweep record a row under its bar ({@link Optimizer#bar}) with an upper bound of its fitness and skip the worst case's
 * edges (SPEC §4). Shown on a history where rows below the bar are lowered or made infeasible, and, so that the test can
 * fail, where a row the optimizer does read is lowered.
 */
class RanksReadTest {
    private static final OptimizerSettings SETTINGS = new OptimizerSettings(2, 3, 0.9, 0.3, 0.15, 0.25, 16, 8);

    private static List<Evaluated> history(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Evaluated> h = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[] g = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            double violation = k % 7 == 3 ? 0.4 : 0;
            h.add(new Evaluated(g, -(g[0] - 0.3) * (g[0] - 0.3) - (g[1] - 0.6) * (g[1] - 0.6) + 0.1 * g[2], violation));
        }
        return h;
    }

    /** The history with every row whose fitness is below {@code bar} told as a lower fitness, or as infeasible. */
    private static List<Evaluated> boundedBelow(List<Evaluated> h, double bar) {
        List<Evaluated> out = new ArrayList<>();
        for (int k = 0; k < h.size(); k++) {
            Evaluated e = h.get(k);
            boolean below = e.fitness() < bar;
            out.add(!below ? e : k % 2 == 0 ? new Evaluated(e.genome(), e.fitness() - 0.05 * (k % 5 + 1), e.violation())
                    : new Evaluated(e.genome(), e.fitness(), 0.2 + e.violation()));
        }
        return out;
    }

    private static List<double[]> propose(Optimizer o, int batch, List<Evaluated> h) {
        return o.propose(batch, 3, h, new SplittableRandom(99));
    }

    private static void assertSameProposals(List<double[]> a, List<double[]> b) {
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) assertArrayEquals(a.get(k), b.get(k), "proposal " + k);
    }

    private static boolean same(List<double[]> a, List<double[]> b) {
        for (int k = 0; k < a.size(); k++) if (!java.util.Arrays.equals(a.get(k), b.get(k))) return false;
        return true;
    }

    @Test
    void tpeReadsNoValueBelowItsBestMaxKernelsRows() {
        Optimizer tpe = new Tpe(SETTINGS);
        List<Evaluated> h = history(900, 1);   // ⌈γ·n⌉ = 225: the good are not yet capped
        double bar = Optimizer.bar(h, tpe.ranksRead(40));
        assertFalse(Double.isNaN(bar));
        assertSameProposals(propose(tpe, 40, h), propose(tpe, 40, boundedBelow(h, bar)));
        List<Evaluated> longer = history(1_500, 2);   // capped at 256
        assertSameProposals(propose(tpe, 40, longer), propose(tpe, 40, boundedBelow(longer, Optimizer.bar(longer, 256))));
        // A row it reads: the 200th best told lower changes the good group, and the proposals with it.
        assertFalse(same(propose(tpe, 40, h), propose(tpe, 40, boundedBelow(h, Optimizer.bar(h, 200)))));
    }

    @Test
    void theGeneticAlgorithmReadsNoValueBelowItsParents() {
        Optimizer ga = new GeneticAlgorithm(SETTINGS);
        List<Evaluated> h = history(300, 3);
        int batch = 40;
        double bar = Optimizer.bar(h, ga.ranksRead(batch));
        assertSameProposals(propose(ga, batch, h), propose(ga, batch, boundedBelow(h, bar)));
        assertFalse(same(propose(ga, batch, h), propose(ga, batch, boundedBelow(h, Optimizer.bar(h, 5)))));
    }

    @Test
    void randomSearchReadsNoRowAndCmaEsReadsEvery() {
        assertEquals(0, new RandomSearch().ranksRead(40));
        assertEquals(Integer.MAX_VALUE, new CmaEs().ranksRead(40));
        assertTrue(Double.isNaN(Optimizer.bar(history(300, 4), Integer.MAX_VALUE)), "no bar: every trial runs its edges");
    }

    @Test
    void theBarIsTheRanksThBestWhenItIsFeasibleAndOnlyRises() {
        List<Evaluated> h = history(100, 5);
        List<Evaluated> sorted = h.stream().sorted(Optimizer.BEST_FIRST).toList();
        assertEquals(sorted.get(9).fitness(), Optimizer.bar(h, 10));
        assertTrue(Double.isNaN(Optimizer.bar(h, 101)), "fewer rows than the ranks read");
        assertTrue(Double.isNaN(Optimizer.bar(h, 95)), "an infeasible row among them: it may be feasible on another surface");
        List<Evaluated> more = new ArrayList<>(h);
        more.addAll(history(50, 6));
        assertTrue(Optimizer.bar(more, 10) >= Optimizer.bar(h, 10));
    }
}
