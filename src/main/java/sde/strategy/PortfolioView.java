package sde.strategy;

/** What sizing may know about the shared account and the strategy's own history. */
public interface PortfolioView {
    /** Net liquidation value at today's marks. */
    double equity();

    /** The capital this strategy sizes against: its weight × (equity when compounding, else starting capital). */
    double capitalBase();

    /** Buying power still free (docs/backtest.md). */
    double freeBuyingPower();

    /** This strategy's open positions. */
    int openPositions();

    /** What this strategy's open positions are worth at today's marks. */
    double openValue();

    /** Epoch day of the decision being made. */
    int today();

    /** Epoch day this strategy last opened a position, or Integer.MIN_VALUE / 2 when never. */
    int lastEntryDay();

    /** Closed trades of this strategy so far, with wins and their sums (for Kelly sizing). */
    int closedTrades();

    int wins();

    double sumWins();

    double sumLosses();
}
