package sde.pricing;

import sde.data.Symbol;

/**
 * What one real contract traded on one day (SPEC §2 market capacity): its volume so far that day and
 * its open interest, read from a chain file that carries them. {@code spot} is the underlying at the
 * file's time (NaN where the file does not state it); {@code sessionElapsed} is the share of the
 * regular session's time elapsed when the file was taken (1 for an end-of-day file, less for an intraday
 * snapshot); how much of a day's volume that time holds is the liquidity model's business. {@code mid}
 * (NaN without a two-sided quote) only places the contract in its |delta| bucket: no price of these
 * files is ever fitted (SPEC §1).
 */
public record ChainActivity(int quoteDate, Symbol symbol, double spot, int expiry, double strike, boolean call,
                            double mid, long volume, long openInterest, double sessionElapsed, String source) {
    public ChainActivity {
        if (volume < 0 || openInterest < 0) throw new IllegalArgumentException("volume and open interest cannot be negative");
        if (!(sessionElapsed > 0 && sessionElapsed <= 1)) throw new IllegalArgumentException("elapsed session must be in (0, 1], got "
                + sessionElapsed);
    }

    public int dte() { return expiry - quoteDate; }
}
