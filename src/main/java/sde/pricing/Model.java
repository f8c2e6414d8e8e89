package sde.pricing;

import java.util.Locale;

/** Which surface prices a run (SPEC §5 model risk): the fitted one, or the edges of its band. */
public enum Model {
    BASE, LOW, HIGH;

    public static Model parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--model " + s + ": expected base, low or high");
        }
    }
}
