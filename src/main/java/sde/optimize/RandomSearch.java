package sde.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Uniform samples of the unit cube: the baseline every other optimizer must beat. */
public final class RandomSearch implements Optimizer {
    /** None: a uniform draw reads no row. */
    @Override
    public int ranksRead(int batch) {
        return 0;
    }

    @Override
    public List<double[]> propose(int batch, int dims, List<Evaluated> history, SplittableRandom rng) {
        List<double[]> out = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            double[] g = new double[dims];
            for (int d = 0; d < dims; d++) g[d] = rng.nextDouble();
            out.add(g);
        }
        return out;
    }
}
