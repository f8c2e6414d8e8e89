package sde.validate;

import sde.backtest.RegimeSpec;
import sde.backtest.RunSpec;
import sde.regime.RegimeSettings;
import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.ParamValue;
import sde.strategy.Strategies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * SPEC §5 sensitivity variants: each numeric parameter × (1 ± u), the sign at random and u uniform
 * in [jitter_min, jitter_max]; integers rounded; every value clamped to its declared bounds;
 * categorical and boolean values stay. Blend weights (with two or more strategies) and a regime
 * spec's thresholds and per-regime weight multipliers are numeric parameters too: they are what the
 * blend and regime rungs optimise. A variant that the strategies or the classifier refuse (bounds
 * that cross) is drawn again, up to {@link #MAX_DRAWS} times; one that is refused every time is the
 * base itself. Drawn from a seed that is recorded with the verdict.
 */
public final class Jitter {
    /** SPEC §5: a refused variant is drawn again, up to 20 times. */
    public static final int MAX_DRAWS = 20;

    private Jitter() {}

    public static List<RunSpec> variants(RunSpec base, int count, double uMin, double uMax, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<RunSpec> out = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            RunSpec variant = base;
            for (int draw = 0; draw < MAX_DRAWS; draw++) {
                try {
                    RunSpec candidate = draw(base, rng, uMin, uMax);
                    if (accepted(candidate)) {
                        variant = candidate;
                        break;
                    }
                } catch (IllegalArgumentException refused) {
                    // thresholds that cross (crash_vix under high_vol_vix): draw again
                }
            }
            out.add(variant);
        }
        return out;
    }

    private static RunSpec draw(RunSpec base, SplittableRandom rng, double uMin, double uMax) {
        boolean blend = base.strategies().size() > 1;
        List<RunSpec.SlotSpec> slots = new ArrayList<>();
        for (RunSpec.SlotSpec s : base.strategies()) {
            ParamSpace space = Strategies.get(s.name()).space();
            Map<String, ParamValue> moved = new TreeMap<>();
            for (ParamSpec p : space.specs()) {
                if (p.type() != ParamSpec.Type.DOUBLE && p.type() != ParamSpec.Type.INT) continue;
                moved.put(p.name(), jitter(p, s.params().dbl(p.name()), rng, uMin, uMax));
            }
            double w = blend ? Math.max(0, Math.min(1, s.weight() * factor(rng, uMin, uMax))) : s.weight();
            slots.add(new RunSpec.SlotSpec(s.id(), s.name(), w, space.overlay(s.params(), moved, s.id() + ".")));
        }
        return new RunSpec(slots, base.backtest(), base.from(), base.to(), regime(base.regime(), rng, uMin, uMax));
    }

    /** A regime spec's thresholds (within RegimeSettings.SPECS' bounds) and weight multipliers (within [0, 1]), jittered. */
    private static RegimeSpec regime(RegimeSpec r, SplittableRandom rng, double uMin, double uMax) {
        if (r == null) return null;
        Map<String, Number> thresholds = new LinkedHashMap<>();
        Map<String, Double> current = r.settings().thresholds();
        for (ParamSpec p : RegimeSettings.SPECS) {
            thresholds.put(p.name(), jitter(p, current.get(p.name()), rng, uMin, uMax).number());
        }
        Map<String, Map<String, Double>> weights = new TreeMap<>();
        r.weights().forEach((slot, byRegime) -> {
            Map<String, Double> m = new TreeMap<>();
            byRegime.forEach((regime, x) -> m.put(regime, Math.max(0, Math.min(1, x * factor(rng, uMin, uMax)))));
            weights.put(slot, m);
        });
        return new RegimeSpec(new RegimeSettings(r.settings().symbol(), thresholds.get("trend_window").intValue(),
                thresholds.get("trend_band").doubleValue(), thresholds.get("decline_window").intValue(),
                thresholds.get("crash_decline").doubleValue(), thresholds.get("crash_vix").doubleValue(),
                thresholds.get("high_vol_vix").doubleValue(), thresholds.get("bear_vix_min").doubleValue(),
                thresholds.get("bull_vix_max").doubleValue(), thresholds.get("low_vol_vix").doubleValue(),
                thresholds.get("min_days").intValue()), weights, r.onSwitch());
    }

    private static double factor(SplittableRandom rng, double uMin, double uMax) {
        double u = uMin + (uMax - uMin) * rng.nextDouble();
        return rng.nextBoolean() ? 1 + u : 1 - u;
    }

    private static ParamValue jitter(ParamSpec p, double x, SplittableRandom rng, double uMin, double uMax) {
        double y = x * factor(rng, uMin, uMax);
        if (p.type() == ParamSpec.Type.INT) y = Math.rint(y);
        y = Math.max(p.lo(), Math.min(p.hi(), y));
        return p.type() == ParamSpec.Type.INT ? new ParamValue.Whole((int) y) : new ParamValue.Real(y);
    }

    /** True when every strategy accepts its values and the regime classifier its thresholds. */
    private static boolean accepted(RunSpec s) {
        try {
            s.slots();
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }
}
