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

    public double d(String name) { return ((Number) get(name)).doubleValue(); }

    public int i(String name) { return ((Number) get(name)).intValue(); }

    public boolean b(String name) { return (Boolean) get(name); }

    public String s(String name) { return (String) get(name); }

    public boolean has(String name) { return values.containsKey(name); }

    /** The value, or {@code dflt} for a parameter the strategy does not declare. */
    public double d(String name, double dflt) { return has(name) ? d(name) : dflt; }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no parameter '" + name + "'");
        return v;
    }
}
