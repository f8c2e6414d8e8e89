package sde.pricing;

import sde.data.Symbol;

/**
 * The options a strategy can trade on day i: modeled ({@link ModelChain}) or historical
 * ({@link HistoricalChain}) behind one interface, so the same strategy and fill code runs on both.
 */
public interface OptionChain {
    /** The quote of one contract at day i's close, or null when that contract was not listed / not in the chain. */
    Quote quote(Symbol s, int i, int expiry, double strike, boolean call);
}
