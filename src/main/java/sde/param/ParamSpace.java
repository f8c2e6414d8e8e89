package sde.param;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A strategy's declared parameters; turns raw values (JSON, --set) into checked {@link Params}. */
public record ParamSpace(List<ParamSpec> specs) {

    public ParamSpace {
        specs = List.copyOf(specs);
        Set<String> seen = new HashSet<>();
        for (ParamSpec s : specs) {
            if (!seen.add(s.name())) throw new IllegalArgumentException("parameter declared twice: " + s.name());
            s.check(s.name(), s.dflt());   // a default outside its own bounds is a programming error
        }
    }

    /**
     * Defaults overlaid with {@code raw}; an unknown key or a bad value is an error naming
     * {@code prefix + key}. Numbers given as text (from --set) are parsed. The raw values come from
     * the edges (JSON, YAML, the command line) as plain objects, or typed, as a search decodes them.
     */
    public Params resolve(Map<String, ?> raw, String prefix) {
        Map<String, ParamValue> out = new TreeMap<>();
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            byName.put(s.name(), s);
            out.put(s.name(), s.check(prefix + s.name(), s.dflt()));
        }
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            ParamSpec s = byName.get(e.getKey());
            if (s == null) throw new IllegalArgumentException(prefix + e.getKey() + ": unknown parameter; known: " + byName.keySet());
            Object v = e.getValue();
            if (v instanceof String str && (s.type() == ParamSpec.Type.DOUBLE || s.type() == ParamSpec.Type.INT)) {
                try {
                    v = Double.parseDouble(str);
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(prefix + e.getKey() + ": expected a number, got '" + str + "'");
                }
            }
            out.put(s.name(), s.check(prefix + e.getKey(), v));
        }
        return new Params(out);
    }

    /** {@code base} with {@code changes} laid over it, each checked as {@link #resolve} checks a raw value. */
    public Params overlay(Params base, Map<String, ParamValue> changes, String prefix) {
        if (changes.isEmpty()) return base;
        Map<String, ParamValue> out = new TreeMap<>(base.values());
        for (Map.Entry<String, ParamValue> e : changes.entrySet()) {
            ParamSpec s = specs.stream().filter(x -> x.name().equals(e.getKey())).findFirst().orElseThrow(() ->
                    new IllegalArgumentException(prefix + e.getKey() + ": unknown parameter; known: "
                            + specs.stream().map(ParamSpec::name).toList()));
            out.put(s.name(), s.check(prefix + s.name(), e.getValue()));
        }
        return new Params(out);
    }
}
