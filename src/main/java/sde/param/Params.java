package sde.param;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Checked parameter values of one strategy, sorted by name (a canonical form for ids and files). */
public record Params(Map<String, Object> values) implements Serializable {
    public Params {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** A {@code ParamSpec.dbl} parameter (any number, as a double). */
    public double dbl(String name) { return ((Number) get(name)).doubleValue(); }

    /** A {@code ParamSpec.integer} parameter. */
    public int integer(String name) { return ((Number) get(name)).intValue(); }

    /** A {@code ParamSpec.bool} parameter. */
    public boolean bool(String name) { return (Boolean) get(name); }

    /** A {@code ParamSpec.choice} parameter as its text ("SPY", "put"); {@link #choice} gives the enum constant. */
    public String text(String name) { return (String) get(name); }

    /**
     * A choice parameter as the enum constant of the same name (upper case: "kelly_half" is
     * KELLY_HALF), so a strategy decodes its choices once in {@code configure} and its daily loop
     * compares constants, not strings.
     */
    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        String v = text(name);
        try {
            return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": '" + v + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT));
        }
    }

    public boolean has(String name) { return values.containsKey(name); }

    /** The value, or {@code dflt} for a parameter the strategy does not declare. */
    public double dbl(String name, double dflt) { return has(name) ? dbl(name) : dflt; }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no parameter '" + name + "'");
        return v;
    }
}
