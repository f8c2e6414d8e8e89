package sde.backtest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import sde.io.Json;
import sde.param.ParamValue;
import sde.param.Params;
import sde.regime.RegimeSettings;
import sde.strategy.Strategies;
import sde.strategy.Strategy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that defines a run (SPEC §7 "params file"): the strategies with their ids, weights
 * and every parameter value, the account settings and the window. Written as `params` in
 * summary.json; {@code backtest --params FILE} reads it back, so any result can be re-run.
 */
public record RunSpec(List<SlotSpec> strategies, BacktestSettings backtest, String from, String to, RegimeSpec regime) {

    public RunSpec(List<SlotSpec> strategies, BacktestSettings backtest, String from, String to) {
        this(strategies, backtest, from, to, null);
    }

    public record SlotSpec(String id, String name, double weight, Params params) {}

    /** The files' mapper: snake_case, sorted keys; {@link #id} hashes its one-line form. */
    private static final ObjectMapper JSON = Json.MAPPER;

    public List<Slot<?>> slots() {
        List<Slot<?>> out = new ArrayList<>();
        for (SlotSpec s : strategies) out.add(slot(s));
        return out;
    }

    private static Slot<?> slot(SlotSpec s) {
        Strategy<?> st = Strategies.get(s.name());
        return Slot.of(s.id(), st, s.params(), s.weight());
    }

    /** The canonical JSON object (written with sorted keys): what `params` holds in summary.json and the leaderboard. */
    public ObjectNode toJson() {
        ObjectNode m = JSON.createObjectNode();
        ArrayNode list = m.putArray("strategies");
        for (SlotSpec s : strategies) {
            ObjectNode x = list.addObject();
            x.put("id", s.id());
            x.put("name", s.name());
            x.put("weight", s.weight());
            ObjectNode p = x.putObject("params");
            s.params().values().forEach((name, v) -> {
                if (v instanceof ParamValue.Real r) p.put(name, r.value());
                else if (v instanceof ParamValue.Whole w) p.put(name, w.value());
                else if (v instanceof ParamValue.Flag f) p.put(name, f.value());
                else p.put(name, v.text());
            });
        }
        m.set("backtest", JSON.valueToTree(backtest));
        m.put("from", from);
        m.put("to", to);
        if (regime != null) {
            ObjectNode r = m.putObject("regime");
            r.set("settings", JSON.valueToTree(regime.settings()));
            r.set("weights", JSON.valueToTree(regime.weights()));
            r.put("on_switch", regime.onSwitch().toString());
        }
        return m;
    }

    /**
     * Reads a params object; unknown strategies, parameters or bad values are errors naming the key. A `regime`
     * object's settings overlay {@code regimeDefaults} (conf's regime section). Callers go through {@link SpecReader}.
     */
    static RunSpec fromJson(JsonNode root, BacktestSettings defaults, RegimeSettings regimeDefaults, String where) {
        if (root.has("params") && root.get("params").has("strategies")) root = root.get("params");   // a whole summary.json
        JsonNode list = root.get("strategies");
        if (list == null || !list.isArray() || list.isEmpty()) throw new IllegalArgumentException(where
                + ": needs a non-empty 'strategies' list");
        List<SlotSpec> specs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String key = where + ": strategies[" + i + "]";
            if (!s.hasNonNull("name")) throw new IllegalArgumentException(key + ".name is missing");
            String name = s.get("name").asText();
            Strategy<?> st = Strategies.get(name);
            String id = s.hasNonNull("id") ? s.get("id").asText() : name;
            double weight = s.hasNonNull("weight") ? s.get("weight").asDouble() : 1.0;
            Map<String, Object> raw = s.has("params") ? JSON.convertValue(s.get("params"), Map.class) : Map.of();
            specs.add(new SlotSpec(id, name, weight, st.space().resolve(raw, key + ".params.")));
        }
        BacktestSettings b = defaults;
        if (root.has("backtest")) {
            ObjectNode merged = JSON.valueToTree(defaults);
            root.get("backtest").fields().forEachRemaining(f -> {
                if (!merged.has(f.getKey())) throw new IllegalArgumentException(where + ": backtest." + f.getKey() + ": unknown key");
                merged.set(f.getKey(), f.getValue());
            });
            b = JSON.convertValue(merged, BacktestSettings.class);
        }
        String from = root.hasNonNull("from") ? root.get("from").asText() : b.firstYear() + "-01-01";
        String to = root.hasNonNull("to") ? root.get("to").asText() : b.lastYear() + "-12-31";
        RegimeSpec regime = null;
        if (root.hasNonNull("regime")) {
            JsonNode r = root.get("regime");
            ObjectNode settings = regimeDefaults != null ? JSON.valueToTree(regimeDefaults) : JSON.createObjectNode();
            if (r.has("settings")) {
                r.get("settings").fields().forEachRemaining(f -> {
                    if (regimeDefaults != null && !settings.has(f.getKey())) {
                        throw new IllegalArgumentException(where + ": regime.settings." + f.getKey() + ": unknown key");
                    }
                    settings.set(f.getKey(), f.getValue());
                });
            }
            try {
                regime = new RegimeSpec(JSON.convertValue(settings, RegimeSettings.class),
                        r.has("weights") ? JSON.convertValue(r.get("weights"),
                                new TypeReference<Map<String, Map<String, Double>>>() {}) : Map.of(),
                        r.hasNonNull("on_switch") ? r.get("on_switch").asText() : "keep");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            }
        }
        return new RunSpec(specs, b, from, to, regime);
    }

    /**
     * SPEC §4, §6: a stable id from the canonical parameters, the data fingerprint and the fingerprint of the
     * model that prices the run (PricingSettings.fingerprint): the same parameters on another model are another row.
     */
    public String id(String dataFingerprint, String modelFingerprint) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Json.compact(toJson()).getBytes(StandardCharsets.UTF_8));
            md.update(dataFingerprint.getBytes(StandardCharsets.UTF_8));
            md.update(modelFingerprint.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
