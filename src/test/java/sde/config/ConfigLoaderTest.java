package sde.config;

import sde.io.ConfigException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** conf/sde.yaml defaults with --set overrides; a bad key is named in the error. */
class ConfigLoaderTest {
    @Test
    void defaultsLoadFromConf() {
        SdeConfig c = ConfigLoader.load(null, List.of());
        assertEquals(3, c.data().maxCarryForwardDays(), "SPEC §1");
        assertFalse(c.data().allowGaps());
        assertEquals(List.of("VIX"), c.data().requiredSeries());
    }

    @Test
    void overridesKeepTheirType() {
        SdeConfig c = ConfigLoader.load(null, List.of("data.max_carry_forward_days=5", "data.allow_gaps=true",
                "data.required_series=[VIX, VIX3M]"));
        assertEquals(5, c.data().maxCarryForwardDays());
        assertTrue(c.data().allowGaps());
        assertEquals(List.of("VIX", "VIX3M"), c.data().requiredSeries());
    }

    @Test
    void unknownOverrideKeyIsNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, List.of("data.max_carry=5")));
        assertEquals("--set data.max_carry: unknown key 'data.max_carry'", e.getMessage());
    }

    @Test
    void wrongTypeIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, List.of("data.max_carry_forward_days=many")));
        assertTrue(e.getMessage().contains("key 'data.max_carry_forward_days'"), e.getMessage());
    }

    @Test
    void unknownKeyInAFileIsNamed(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("c.yaml");
        Files.writeString(f, Files.readString(Path.of("conf/sde.yaml")).replace("allow_gaps:", "allow_gapz:"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, List.of()));
        assertTrue(e.getMessage().startsWith(f + ": key 'data.allow_gapz'"), e.getMessage());
    }

    @Test
    void aUserFileNeedsOnlyTheKeysItChanges(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("mine.yaml");
        Files.writeString(f, "data:\n  max_carry_forward_days: 4\n");
        SdeConfig c = ConfigLoader.load(f, List.of("data.allow_gaps=true"));
        assertEquals(4, c.data().maxCarryForwardDays());
        assertTrue(c.data().allowGaps());
        assertEquals("2025-12-31", c.data().auditTo(), "the rest stays at the defaults");
    }

    @Test
    void impossibleValuesAreRefused() {
        assertThrows(ConfigException.class, () -> ConfigLoader.load(null, List.of("data.max_carry_forward_days=-1")));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, List.of("data.audit_from=2019-13-01")));
        assertTrue(e.getMessage().contains("key 'data.audit_from': expected a date YYYY-MM-DD"), e.getMessage());
    }
}
