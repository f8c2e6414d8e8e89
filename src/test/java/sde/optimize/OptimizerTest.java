package sde.optimize;

import org.junit.jupiter.api.Test;
import sde.param.ParamSpec;
import sde.param.ParamValue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** GA and TPE beat random search at the same budget on an objective with a known optimum. */
class OptimizerTest {
    private static final int DIMS = 6, BATCH = 16, GENERATIONS = 12;

    /** Maximum 0 at x = (0.7, 0.2, 0.7, 0.2, ...). */
    private static double objective(double[] x) {
        double s = 0;
        for (int d = 0; d < x.length; d++) s -= Math.pow(x[d] - (d % 2 == 0 ? 0.7 : 0.2), 2);
        return s;
    }

    private static double best(Optimizer o, long seed) {
        List<Optimizer.Evaluated> history = new ArrayList<>();
        for (int g = 0; g < GENERATIONS; g++) {
            for (double[] x : o.propose(BATCH, DIMS, history, new SplittableRandom(seed * 1000 + g))) {
                history.add(new Optimizer.Evaluated(x, objective(x)));
            }
        }
        return history.stream().mapToDouble(Optimizer.Evaluated::fitness).max().orElseThrow();
    }

    private static double meanBest(Optimizer o) {
        double sum = 0;
        for (long seed = 1; seed <= 8; seed++) sum += best(o, seed);
        return sum / 8;
    }

    @Test
    void gaAndTpeBeatRandomSearch() {
        OptimizerSettings s = OptimizerSettings.defaults();
        double random = meanBest(new RandomSearch()), ga = meanBest(new GeneticAlgorithm(s)), tpe = meanBest(new Tpe(s));
        assertTrue(ga > random, "GA " + ga + " vs random " + random);
        assertTrue(tpe > random, "TPE " + tpe + " vs random " + random);
        System.out.printf("best of %d evaluations, mean of 8 seeds: random %.4f, GA %.4f, TPE %.4f%n", BATCH * GENERATIONS, random, ga,
                tpe);
    }

    @Test
    void proposalsAreDeterministicBySeed() {
        Optimizer ga = new GeneticAlgorithm(OptimizerSettings.defaults());
        List<Optimizer.Evaluated> h = List.of(new Optimizer.Evaluated(new double[]{0.1, 0.2}, 1), new Optimizer.Evaluated(new double[]{0.3,
                0.9}, 2));
        assertArrayEquals(ga.propose(4, 2, h, new SplittableRandom(9)).get(3), ga.propose(4, 2, h, new SplittableRandom(9)).get(3));
    }

    @Test
    void genesDecodeToTheParameterTypes() {
        assertEquals(new ParamValue.Real(0.25), new Gene(0, ParamSpec.dbl("x", 0.1, 0.4, 0.2, 0.05), 0.1, 0.4).decode(0.5));
        assertEquals(new ParamValue.Whole(30), new Gene(0, ParamSpec.integer("n", 10, 50, 20), 10, 50).decode(0.5));
        assertEquals(new ParamValue.Whole(50), new Gene(0, ParamSpec.integer("n", 10, 50, 20), 10, 50).decode(1.0));
        assertEquals(new ParamValue.Label("b"), new Gene(0, ParamSpec.choice("c", "a", "a", "b", "c"), 0, 2).decode(0.5));
        assertEquals(new ParamValue.Flag(true), new Gene(0, null, 0, 1).decode(0.7));
    }
}
