package sde.backtest;

import com.fasterxml.jackson.annotation.JsonValue;
import sde.regime.Regime;
import sde.regime.RegimeSettings;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Regime-conditional allocation of a blend (docs/regimes.md): the classifier's settings,
 * a multiplier in [0, 1] per strategy id and regime (absent: 1; 0 switches the strategy off in that
 * regime), and what happens to a strategy's open positions when its weight drops to 0
 * ({@code keep}: they run to their own exits; {@code close}: closed at that decision).
 *
 * <p>Weights: strategy s in regime r gets weight_s × multiplier(s, r); when the weights of a regime
 * add up to more than 1 they are all scaled down in proportion, so the blend never sizes against
 * more than the whole equity. The label of day t (data up to t's close) applies to the decisions of
 * day t's close: the first decision after the label changed.
 */
public record RegimeSpec(RegimeSettings settings, Map<String, Map<String, Double>> weights, OnSwitch onSwitch)
        implements Serializable {
    /** What a strategy's open positions do when a regime switches it off: {@link #of} from a params file, {@link #toString} back. */
    public enum OnSwitch {
        /** They run to their own exits. */
        KEEP,
        /** They are closed at that decision. */
        CLOSE;

        /** "keep" or "close"; null is keep, the default; anything else is an error naming the key. */
        public static OnSwitch of(String name) {
            if (name == null) return KEEP;
            for (OnSwitch o : values()) if (o.toString().equals(name)) return o;
            throw new IllegalArgumentException("regime.on_switch: keep or close, got '" + name + "'");
        }

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** From a params file or a study: {@code onSwitch} as written there ("keep", "close", or null for keep). */
    public RegimeSpec(RegimeSettings settings, Map<String, Map<String, Double>> weights, String onSwitch) {
        this(settings, weights, OnSwitch.of(onSwitch));
    }

    public RegimeSpec {
        weights = weights == null ? Map.of() : weights;
        onSwitch = onSwitch == null ? OnSwitch.KEEP : onSwitch;
        for (Map.Entry<String, Map<String, Double>> e : weights.entrySet()) {
            for (Map.Entry<String, Double> w : e.getValue().entrySet()) {
                try {
                    Regime.valueOf(w.getKey());
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("regime.weights." + e.getKey() + "." + w.getKey() + ": unknown regime; known: "
                            + Arrays.toString(Regime.values()));
                }
                if (w.getValue() == null || !(w.getValue() >= 0 && w.getValue() <= 1)) {
                    throw new IllegalArgumentException("regime.weights." + e.getKey() + "." + w.getKey() + ": must be in [0, 1], got "
                            + w.getValue());
                }
            }
        }
    }

    /** multiplier[slot][regime ordinal] for the slots in this order. */
    public double[][] multipliers(String[] slotIds) {
        double[][] m = new double[slotIds.length][Regime.values().length];
        for (int s = 0; s < slotIds.length; s++) {
            Map<String, Double> w = weights.getOrDefault(slotIds[s], Map.of());
            for (Regime r : Regime.values()) m[s][r.ordinal()] = w.getOrDefault(r.name(), 1.0);
        }
        return m;
    }

    /** Effective weights of one regime into {@code out}: base × multiplier, scaled down to sum ≤ 1. */
    public static void effective(double[] base, double[][] multipliers, int regime, double[] out) {
        double sum = 0;
        for (int s = 0; s < base.length; s++) {
            out[s] = base[s] * multipliers[s][regime];
            sum += out[s];
        }
        if (sum > 1) for (int s = 0; s < base.length; s++) out[s] /= sum;
    }
}
