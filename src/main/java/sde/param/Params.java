package sde.param;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Checked parameter values of one strategy, sorted by name (a canonical form for ids and files). */
public record Params(Map<String, ParamValue> values) implements Serializable {
    public Params {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** No parameters: a strategy that declares none, or a test's fixture. */
    public static Params none() {
        return new Params(new TreeMap<>());
    }

    /** A {@code ParamSpec.dbl} parameter (any number, as a double). */
    public double dbl(String name) { return read(name, ParamValue::number); }

    /** A {@code ParamSpec.integer} parameter. */
    public int integer(String name) {
        return get(name) instanceof ParamValue.Whole w ? w.value() : (int) dbl(name);
    }

    /** A {@code ParamSpec.bool} parameter. */
    public boolean bool(String name) { return read(name, ParamValue::flag); }

    /** A {@code ParamSpec.choice} parameter as its text ("SPY", "put"); {@link #choice} gives the enum constant. */
    public String text(String name) { return read(name, ParamValue::text); }

    /**
     * A choice parameter as the enum constant of the same name (upper case: "kelly_half" is
     * KELLY_HALF), so a strategy decodes its choices once in {@code configure} and its daily loop
     * compares constants, not strings.
     */
    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        String v = text(name);
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": '" + v + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    public boolean has(String name) { return values.containsKey(name); }

    /** The value, or {@code dflt} for a parameter the strategy does not declare. */
    public double dbl(String name, double dflt) { return has(name) ? dbl(name) : dflt; }

    /** A value read as its type, a type error naming the parameter as every other error about a parameter does. */
    private <T> T read(String name, Function<ParamValue, T> as) {
        ParamValue v = get(name);
        try {
            return as.apply(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private ParamValue get(String name) {
        ParamValue v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no parameter '" + name + "'");
        return v;
    }
}
