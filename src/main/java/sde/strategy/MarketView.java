package sde.strategy;

import sde.data.SeriesId;
import sde.data.Symbol;
import sde.pricing.Quote;

/**
 * The market as of the close of the current decision day t, and before it (SPEC §2): every
 * accessor takes a lag ≥ 0 counted back from t, and quotes exist for day t only. Strategies see
 * this interface, never the arrays or the cursor behind it.
 */
public interface MarketView {
    /** Epoch day of t. */
    int day();

    /** Sessions available up to and including t (lags 0 .. available()-1 are valid). */
    int available();

    double close(Symbol s, int lag);

    /** The session's opening price (day t's open is known at its close). */
    double open(Symbol s, int lag);

    double adjClose(Symbol s, int lag);

    /** An index or rate value (NaN when not covered that day). */
    double value(SeriesId id, int lag);

    /** EventType bit mask of day t − lag. */
    int events(int lag);

    /**
     * Epoch day of the first scheduled event after {@code afterDay} of a type in {@code mask}
     * (EventType bits), Integer.MAX_VALUE when none: the published calendar, known in advance, never
     * the emergency moves (EventSchedule).
     */
    int nextEvent(int afterDay, int mask);

    /** Mean of the last n closes ending at t (NaN when fewer than n sessions are available). */
    double sma(Symbol s, int n);

    /** Listed expiry nearest {@code targetDays} calendar days within [minDays, maxDays], or -1. */
    int expiry(Symbol s, int targetDays, int minDays, int maxDays);

    /** The listed strike whose delta on this day's surface is nearest {@code delta} (puts: negative). */
    double strikeForDelta(Symbol s, int expiry, boolean call, double delta);

    /** The listed strike nearest {@code target}. */
    double strike(Symbol s, double target);

    /** The highest listed strike at or below {@code target}. */
    double strikeAtOrBelow(Symbol s, double target);

    /** The lowest listed strike at or above {@code target}. */
    double strikeAtOrAbove(Symbol s, double target);

    /** Day t's quote, or null when the contract is not listed. */
    Quote quote(Symbol s, int expiry, double strike, boolean call);
}
