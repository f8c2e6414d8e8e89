package sde.param;

import java.io.Serializable;
import java.util.List;

/**
 * One declared parameter: the optimizer reads name, type, bounds, default, step
 * and scale from here, and every run validates its values against it.
 */
public record ParamSpec(String name, Type type, double lo, double hi, Object dflt, double step, boolean log,
                        List<String> choices) implements Serializable {
    public enum Type { DOUBLE, INT, BOOL, CHOICE }

    public static ParamSpec dbl(String name, double lo, double hi, double dflt, double step) {
        return new ParamSpec(name, Type.DOUBLE, lo, hi, dflt, step, false, List.of());
    }

    public static ParamSpec integer(String name, int lo, int hi, int dflt) {
        return new ParamSpec(name, Type.INT, lo, hi, dflt, 1, false, List.of());
    }

    public static ParamSpec bool(String name, boolean dflt) {
        return new ParamSpec(name, Type.BOOL, 0, 1, dflt, 1, false, List.of());
    }

    public static ParamSpec choice(String name, String dflt, String... choices) {
        return new ParamSpec(name, Type.CHOICE, 0, choices.length - 1, dflt, 1, false, List.of(choices));
    }

    /** Searched on a log scale (for parameters spanning orders of magnitude). */
    public ParamSpec logScale() {
        return new ParamSpec(name, type, lo, hi, dflt, step, true, choices);
    }

    /**
     * A raw value (from JSON, YAML or --set, or a value already typed) checked against this spec, or
     * an IllegalArgumentException naming the key.
     */
    ParamValue check(String key, Object v) {
        if (v instanceof ParamValue typed) v = typed.plain();
        switch (type) {
            case DOUBLE, INT -> {
                if (!(v instanceof Number n)) throw new IllegalArgumentException(key + ": expected a number, got '" + v + "'");
                double d = n.doubleValue();
                if (!(d >= lo && d <= hi)) throw new IllegalArgumentException(key + ": " + v + " is outside [" + fmt(lo) + ", " + fmt(hi)
                        + "]");
                if (type == Type.INT) {
                    if (d != Math.rint(d)) throw new IllegalArgumentException(key + ": expected a whole number, got " + v);
                    return new ParamValue.Whole((int) d);
                }
                return new ParamValue.Real(d);
            }
            case BOOL -> {
                if (v instanceof Boolean b) return new ParamValue.Flag(b);
                if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    return new ParamValue.Flag(Boolean.parseBoolean(s));
                }
                throw new IllegalArgumentException(key + ": expected true or false, got '" + v + "'");
            }
            default -> {
                String s = String.valueOf(v);
                if (!choices.contains(s)) throw new IllegalArgumentException(key + ": '" + s + "' is not one of " + choices);
                return new ParamValue.Label(s);
            }
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
