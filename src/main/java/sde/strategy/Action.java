package sde.strategy;

/** What managePosition decides for an open position at today's close. */
public enum Action {
    HOLD, CLOSE,
    /** Close now; the strategy's signals of the same day may open the replacement. */
    ROLL
}
