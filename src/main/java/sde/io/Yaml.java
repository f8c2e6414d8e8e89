package sde.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The configuration binder: YAML (or JSON) trees to records with snake_case keys, strictly (an
 * unknown key, a missing one or a wrong type is a ConfigException naming the file and the key's
 * path). A bottom-level piece, so a study file (sweep) and conf/sde.yaml (config) bind the same way
 * without the sweep importing the top-level assembly.
 */
public final class Yaml {
    private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);

    private static final ObjectMapper LENIENT = STRICT.copy()
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private Yaml() {}

    /** Binds a tree to a record; an unknown key, a missing one or a wrong type is a ConfigException naming {@code name} and the key. */
    public static <T> T bind(JsonNode tree, Class<T> type, String name) {
        return bind(STRICT, tree, type, name);
    }

    /** As {@link #bind} but absent properties are null (the caller checks what it requires). */
    public static <T> T bindAllowingMissing(JsonNode tree, Class<T> type, String name) {
        return bind(LENIENT, tree, type, name);
    }

    private static <T> T bind(ObjectMapper mapper, JsonNode tree, Class<T> type, String name) {
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            String key = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            Throwable cause = e.getCause();
            String why = cause instanceof IllegalArgumentException ? cause.getMessage() : firstLine(e.getOriginalMessage());
            throw new ConfigException(name + ": key '" + key + "': " + why);
        } catch (IOException e) {
            throw new ConfigException(name + ": " + firstLine(e.getMessage()));
        }
    }

    /** Reads a YAML (or JSON) file into a tree; a missing file or bad YAML is a ConfigException. */
    public static JsonNode readTree(Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigException(file + ": file not found");
        try {
            return STRICT.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    /** Reads YAML from a stream (a resource in the jar); bad YAML is a ConfigException naming {@code name}. */
    public static JsonNode readTree(InputStream in, String name) {
        try {
            return STRICT.readTree(in);
        } catch (IOException e) {
            throw new ConfigException(name + ": not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    /** A YAML scalar or structure from text (a --set value). */
    public static JsonNode readValue(String text, String name) {
        try {
            return STRICT.readTree(text);
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read value: " + firstLine(e.getMessage()));
        }
    }

    public static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
