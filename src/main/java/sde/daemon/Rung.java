package sde.daemon;

/** The escalation ladder's rungs, in order (issue 9 item 2). */
public enum Rung {
    SINGLE("single strategies"), BLEND("blends of the top singles"), REGIME("regime-switching blends");

    public final String label;

    Rung(String label) { this.label = label; }
}
