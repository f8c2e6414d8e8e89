package sde.daemon;

import java.util.Locale;

/** The escalation ladder's rungs, in order. */
public enum Rung {
    SINGLE("single strategies"), BLEND("blends of the top singles"), REGIME("regime-switching blends");

    public final String label;

    Rung(String label) { this.label = label; }

    /** The rung a daemon study's name says it is on (single_, blend_, regime_ and their restarts), null for any other name. */
    public static Rung ofStudy(String name) {
        for (Rung r : values()) if (name.startsWith(r.name().toLowerCase(Locale.ROOT) + "_")) return r;
        return null;
    }
}
