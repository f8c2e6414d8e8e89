package sde.param;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParamsTest {
    private final ParamSpace space = new ParamSpace(List.of(
            ParamSpec.dbl("delta", 0.05, 0.5, 0.2, 0.01),
            ParamSpec.integer("dte", 7, 60, 30),
            ParamSpec.bool("roll", false),
            ParamSpec.choice("right", "put", "put", "call")));

    @Test
    void rawValuesFromAFileBecomeValuesOfTheDeclaredType() {
        Params p = space.resolve(Map.of("delta", 0.3, "dte", 45.0, "roll", "true", "right", "call"), "s.");
        assertEquals(new ParamValue.Real(0.3), p.values().get("delta"));
        assertEquals(new ParamValue.Whole(45), p.values().get("dte"));   // 45.0 from JSON is a whole number
        assertEquals(new ParamValue.Flag(true), p.values().get("roll"));
        assertEquals(new ParamValue.Label("call"), p.values().get("right"));
        assertEquals(45, p.integer("dte"));
        assertEquals(45.0, p.dbl("dte"));
        assertTrue(p.bool("roll"));
        assertEquals("call", p.text("right"));
        assertEquals(List.of("delta", "dte", "right", "roll"), List.copyOf(p.values().keySet()));   // sorted: the canonical form
    }

    @Test
    void readingAValueAsAnotherTypeIsAnErrorThatShowsTheValue() {
        Params p = space.resolve(Map.of(), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.dbl("right"));
        assertEquals("right: expected a number, got 'put'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.bool("dte"));
        assertThrows(IllegalArgumentException.class, () -> p.text("delta"));
        assertEquals("no parameter 'width'", assertThrows(IllegalArgumentException.class, () -> p.dbl("width")).getMessage());
    }

    @Test
    void anOverlayIsCheckedAgainstTheSpecLikeARawValue() {
        Params base = space.resolve(Map.of(), "s.");
        Params moved = space.overlay(base, Map.of("dte", new ParamValue.Whole(10)), "s.");
        assertEquals(10, moved.integer("dte"));
        assertEquals(30, base.integer("dte"));   // the base is unchanged
        assertEquals("s.dte: 90 is outside [7, 60]", assertThrows(IllegalArgumentException.class,
                () -> space.overlay(base, Map.of("dte", new ParamValue.Whole(90)), "s.")).getMessage());
        assertEquals("s.dte: expected a whole number, got 10.5", assertThrows(IllegalArgumentException.class,
                () -> space.overlay(base, Map.of("dte", new ParamValue.Real(10.5)), "s.")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> space.overlay(base, Map.of("width", new ParamValue.Real(1)), "s."));
    }
}
