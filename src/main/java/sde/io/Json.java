package sde.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.file.Path;

/** JSON output files: snake_case keys (SPEC §7 names such as cagr_pct), pretty printed, written atomically. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // A params object kept as a tree (LeaderboardRow.params) is written sorted like a map.
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED, true)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {}

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    public static void write(Path target, Object value) {
        write(Location.of(target), value);
    }

    public static void write(Location target, Object value) {
        target.write(toJson(value) + "\n");
    }

    private static final ObjectMapper PLAIN = new ObjectMapper();

    /** A JSON object file as a map (keys as written), or null when there is no such file. */
    public static java.util.Map<String, Object> readMap(Path p) {
        return readMap(Location.of(p));
    }

    public static java.util.Map<String, Object> readMap(Location p) {
        return read(p, new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {}, null);
    }

    /** A JSON file as {@code type}, or {@code absent} when there is no such file. */
    public static <T> T read(Location p, com.fasterxml.jackson.core.type.TypeReference<T> type, T absent) {
        String text = p.read().orElse(null);
        if (text == null) return absent;
        try {
            return PLAIN.readValue(text, type);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(p + ": not readable JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * As {@link #readMap} with camelCase keys read as their snake_case names (overfitScore →
     * overfit_score, at every level), for files older versions wrote with camelCase keys: SPEC §7
     * wants snake_case, and an existing output folder must still resume and report.
     */
    public static java.util.Map<String, Object> readSnakeMap(Path p) {
        return readSnakeMap(Location.of(p));
    }

    public static java.util.Map<String, Object> readSnakeMap(Location p) {
        java.util.Map<String, Object> m = readMap(p);
        return m == null ? null : snake(m);
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> snake(java.util.Map<String, Object> m) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> {
            Object x = v instanceof java.util.Map<?, ?> inner ? snake((java.util.Map<String, Object>) inner) : v;
            out.putIfAbsent(PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(k), x);
        });
        return out;
    }

    /** A file of the results layer (snake_case keys) as {@code type}, or null when there is no such file. */
    public static <T> T readAs(Location p, Class<T> type) {
        String text = p.read().orElse(null);
        if (text == null) return null;
        try {
            return MAPPER.readValue(text, type);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(p + ": not a readable " + type.getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** A list file of the results layer as {@code type}s, or an empty list when there is no such file. */
    public static <T> java.util.List<T> readListOf(Location p, Class<T> type) {
        String text = p.read().orElse(null);
        if (text == null) return java.util.List.of();
        try {
            return MAPPER.readValue(text, MAPPER.getTypeFactory().constructCollectionType(java.util.List.class, type));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(p + ": not a readable list of " + type.getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** A JSON list-of-objects file, or an empty list when there is no such file. */
    public static java.util.List<java.util.Map<String, Object>> readList(Path p) {
        return readList(Location.of(p));
    }

    public static java.util.List<java.util.Map<String, Object>> readList(Location p) {
        return read(p, new com.fasterxml.jackson.core.type.TypeReference<java.util.List<java.util.Map<String, Object>>>() {}, java.util.List.of());
    }
}
