package sde.regime;

/** The market regimes, in order of precedence when several rules match (docs/regimes.md). */
public enum Regime {
    CRASH, HIGH_VOL, BEAR, BULL, LOW_VOL_SIDEWAYS,
    /** No rule matches (also before the trend window has filled). */
    NEUTRAL
}
