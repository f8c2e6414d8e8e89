package sde.backtest;

/**
 * Why a position closed: what the trade log's {@code reason} column says ({@link #toString}, the words trades.csv has
 * always carried) and what the code decides on.
 */
public enum ExitReason {
    /** Every leg settled at its expiry. */
    EXPIRY("expiry"),
    /** The strategy's own exit rule. */
    STRATEGY("strategy exit"),
    /** The strategy rolled it: closed here, reopened as a new position. */
    ROLL("roll"),
    /** SPEC §3: the requirement exceeded the buying power at a close. */
    MARGIN_CALL("margin_call"),
    /** A regime blend switched the strategy off with on_switch close. */
    REGIME_SWITCH("regime switch"),
    /** A short call assigned early, the session before an ex-dividend date. */
    ASSIGNED_BEFORE_EX_DIVIDEND("assigned before ex-dividend"),
    /** A short put assigned early, deep in the money. */
    ASSIGNED_DEEP_ITM("assigned deep ITM"),
    /** Equity at or below zero: everything open is closed and the run ends. */
    RUIN("ruin");

    private final String text;

    ExitReason(String text) {
        this.text = text;
    }

    /** The reason a trade log names, or an error naming the reasons there are. */
    public static ExitReason of(String text) {
        for (ExitReason r : values()) if (r.text.equals(text)) return r;
        throw new IllegalArgumentException("exit reason: unknown '" + text + "'");
    }

    @Override
    public String toString() {
        return text;
    }
}
