package sde.daemon;

/** The escalation ladder's rungs, in order. */
public enum Rung {
    SINGLE("single strategies"), BLEND("blends of the top singles"), REGIME("regime-switching blends");

    public final String label;

    Rung(String label) { this.label = label; }
}
