package sde.config;

import sde.data.DataLocator;
import sde.io.ConfigException;
import sde.io.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads conf/sde.yaml (from the working directory, else the copy packed in the jar) and applies
 * {@code --set key=value} overrides to the YAML tree before binding, so an override is checked
 * exactly like the file: an unknown key or a wrong type is an error naming the key.
 */
public final class ConfigLoader {
    public static final String DEFAULT_FILE = "conf/sde.yaml";
    /** Maps whose entries a user's config may add to, not only change: a daily fund is declared there without code. */
    private static final java.util.Set<String> OPEN_MAPS = java.util.Set.of("benchmark.daily_funds.");

    private ConfigLoader() {}

    /**
     * @param file      a user config that overlays the defaults (only the keys it changes), or null
     * @param overrides {@code key=value} pairs applied last
     */
    public static SdeConfig load(Path file, List<String> overrides) {
        Path home = DataLocator.home();
        String name = Files.isRegularFile(home.resolve(DEFAULT_FILE)) ? DEFAULT_FILE : "classpath:" + DEFAULT_FILE;
        ObjectNode root = defaults(home);
        if (file != null) {
            name = file.toString();
            if (!Files.isRegularFile(file)) throw new ConfigException(name + ": config file not found");
            JsonNode user = Yaml.readTree(file);
            if (user != null && !user.isMissingNode() && !user.isNull()) {
                if (!(user instanceof ObjectNode u)) throw new ConfigException(name + ": expected a mapping at the top");
                overlay(name, root, u, "");
            }
        }
        for (String o : overrides == null ? List.<String>of() : overrides) apply(root, o);
        SdeConfig cfg = Yaml.bind(root, SdeConfig.class, name);   // the binder every configuration file shares
        validate(name, cfg);
        return cfg;
    }

    private static ObjectNode defaults(Path home) {
        Path local = home.resolve(DEFAULT_FILE);
        try {
            JsonNode tree;
            if (Files.isRegularFile(local)) {
                tree = Yaml.readTree(local);
            } else {
                try (InputStream in = ConfigLoader.class.getResourceAsStream("/" + DEFAULT_FILE)) {
                    if (in == null) throw new ConfigException(DEFAULT_FILE + ": not found in the checkout or the jar");
                    tree = Yaml.readTree(in, DEFAULT_FILE);
                }
            }
            if (!(tree instanceof ObjectNode root)) throw new ConfigException(DEFAULT_FILE + ": expected a mapping at the top");
            return root;
        } catch (IOException e) {
            throw new ConfigException(DEFAULT_FILE + ": " + Yaml.firstLine(e.getMessage()));
        }
    }

    /** Copies the user's keys onto the defaults; a key the defaults do not have is an error naming it. */
    private static void overlay(String name, ObjectNode base, ObjectNode user, String prefix) {
        var it = user.fields();
        while (it.hasNext()) {
            var e = it.next();
            String key = prefix + e.getKey();
            JsonNode have = base.get(e.getKey());
            if (have == null && OPEN_MAPS.contains(prefix)) {
                base.set(e.getKey(), e.getValue());
                continue;
            }
            if (have == null) throw new ConfigException(name + ": key '" + key + "': unknown key");
            if (have instanceof ObjectNode h && e.getValue() instanceof ObjectNode u) {
                overlay(name, h, u, key + ".");
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    /** key=value, with the value read as YAML (numbers, booleans and [lists] keep their type). */
    private static void apply(ObjectNode root, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) throw new ConfigException("--set " + override + ": expected key=value");
        String key = override.substring(0, eq).strip();
        String[] path = key.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            if (!(child instanceof ObjectNode obj)) throw new ConfigException("--set " + key + ": unknown key '" + key + "'");
            node = obj;
        }
        String leaf = path[path.length - 1];
        if (!node.has(leaf)) throw new ConfigException("--set " + key + ": unknown key '" + key + "'");
        node.set(leaf, Yaml.readValue(override.substring(eq + 1), "--set " + key));
    }

    private static void validate(String name, SdeConfig c) {
        LocalDate lf = date(name, "data.load_from", c.data().loadFrom());
        LocalDate lt = date(name, "data.load_to", c.data().loadTo());
        LocalDate af = date(name, "data.audit_from", c.data().auditFrom());
        LocalDate at = date(name, "data.audit_to", c.data().auditTo());
        if (!lf.isBefore(lt)) throw new ConfigException(name + ": key 'data.load_from' must be before data.load_to");
        if (!af.isBefore(at)) throw new ConfigException(name + ": key 'data.audit_from' must be before data.audit_to");
        if (c.data().maxCarryForwardDays() < 0) throw new ConfigException(name + ": key 'data.max_carry_forward_days' must be >= 0");
        if (!(c.data().splitJumpThreshold() > 0)) throw new ConfigException(name + ": key 'data.split_jump_threshold' must be > 0");
        double f = c.data().adjustedFractionThreshold();
        if (!(f > 0 && f < 1)) throw new ConfigException(name + ": key 'data.adjusted_fraction_threshold' must be in (0, 1)");
        double dc = c.data().datingMinCorrelation();
        if (!(dc > 0 && dc < 1)) throw new ConfigException(name + ": key 'data.dating_min_correlation' must be in (0, 1)");
        double dm = c.data().datingMargin();
        if (!(dm >= 0 && dm < 1)) throw new ConfigException(name + ": key 'data.dating_margin' must be in [0, 1)");
        if (c.fetch().timeoutSeconds() <= 0) throw new ConfigException(name + ": key 'fetch.timeout_seconds' must be > 0");
        date(name, "synthetic.from", c.synthetic().from());
        date(name, "synthetic.to", c.synthetic().to());
    }

    public static LocalDate date(String name, String key, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ConfigException(name + ": key '" + key + "': expected a date YYYY-MM-DD, got '" + value + "'");
        }
    }

}
