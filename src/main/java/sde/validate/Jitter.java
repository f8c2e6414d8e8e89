package sde.validate;

import sde.backtest.RunSpec;
import sde.strategy.ParamSpec;
import sde.strategy.Params;
import sde.strategy.Strategies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * SPEC §5 sensitivity variants: each numeric parameter × (1 ± u), the sign at random and u uniform
 * in [jitter_min, jitter_max]; integers rounded; every value clamped to its declared bounds;
 * categorical and boolean values stay. Drawn from a seed that is recorded with the verdict.
 */
public final class Jitter {
    private Jitter() {}

    public static List<RunSpec> variants(RunSpec base, int count, double uMin, double uMax, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<RunSpec> out = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            List<RunSpec.SlotSpec> slots = new ArrayList<>();
            for (RunSpec.SlotSpec s : base.strategies()) {
                Map<String, Object> values = new TreeMap<>(s.params().values());
                for (ParamSpec p : Strategies.get(s.name()).space().specs()) {
                    if (p.type() != ParamSpec.Type.DOUBLE && p.type() != ParamSpec.Type.INT) continue;
                    double x = ((Number) values.get(p.name())).doubleValue();
                    double u = uMin + (uMax - uMin) * rng.nextDouble();
                    double y = x * (rng.nextBoolean() ? 1 + u : 1 - u);
                    if (p.type() == ParamSpec.Type.INT) y = Math.rint(y);
                    y = Math.max(p.lo(), Math.min(p.hi(), y));
                    values.put(p.name(), p.type() == ParamSpec.Type.INT ? (Object) (int) y : (Object) y);
                }
                slots.add(new RunSpec.SlotSpec(s.id(), s.name(), s.weight(), new Params(values)));
            }
            out.add(new RunSpec(slots, base.backtest(), base.from(), base.to(), base.regime()));
        }
        return out;
    }
}
