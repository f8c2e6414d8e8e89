package sde.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** JSON output files: snake_case keys (SPEC §7 names such as cagr_pct), pretty printed, written atomically. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // A params object kept as a tree (LeaderboardRow.params) is written sorted like a map.
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {}

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** One line of snake_case JSON (a column of the Parquet leaderboard, a journal line). */
    public static String compact(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
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

    /**
     * Jackson's defaults: field names as the code spells them, one line. The form a trial's params text and the study's
     * hash are written in, which the ids and the golden recordings pin byte for byte, and how a fetched reply is read.
     */
    public static final ObjectMapper PLAIN = new ObjectMapper();

    /** A JSON file as {@code type}, or {@code absent} when there is no such file. */
    public static <T> T read(Location p, TypeReference<T> type, T absent) {
        String text = p.read().orElse(null);
        if (text == null) return absent;
        try {
            return PLAIN.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(p + ": not readable JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * A JSON object file as a tree with camelCase keys read as their snake_case names (overfitScore
     * → overfit_score, at every level), or null when there is no such file: files older versions
     * wrote with camelCase keys still resume and report (SPEC §7 wants snake_case). Only a key that is
     * an identifier is renamed: a key that is data (a coverage cell, "QQQ P d25-40 dte8-30") stays as written.
     */
    public static ObjectNode readSnake(Location p) {
        JsonNode n = read(p,
                new TypeReference<JsonNode>() {}, null);
        return n instanceof ObjectNode o ? snake(o) : null;
    }

    private static final Pattern CAMEL = Pattern.compile("[a-z][A-Za-z0-9]*");

    private static ObjectNode snake(ObjectNode m) {
        ObjectNode out = MAPPER.createObjectNode();
        m.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue() instanceof ObjectNode inner
                    ? snake(inner) : e.getValue();
            String k = CAMEL.matcher(e.getKey()).matches() ? PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(e.getKey())
                    : e.getKey();
            if (!out.has(k)) out.set(k, v);
        });
        return out;
    }

    /** A file of the results layer (snake_case keys) as {@code type}, or null when there is no such file. */
    public static <T> T readAs(Location p, Class<T> type) {
        String text = p.read().orElse(null);
        if (text == null) return null;
        try {
            return MAPPER.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(p + ": not a readable " + type.getSimpleName() + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** A list file of the results layer as {@code type}s, or an empty list when there is no such file. */
    public static <T> List<T> readListOf(Location p, Class<T> type) {
        String text = p.read().orElse(null);
        if (text == null) return List.of();
        try {
            return MAPPER.readValue(text, MAPPER.getTypeFactory().constructCollectionType(List.class, type));
        } catch (IOException e) {
            throw new IllegalArgumentException(p + ": not a readable list of " + type.getSimpleName() + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
