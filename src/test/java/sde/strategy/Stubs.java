package sde.strategy;

import sde.data.SeriesId;
import sde.data.Symbol;
import sde.pricing.Quote;

import java.util.List;
import java.util.Map;

/** Crafted market, account and position views for strategy unit tests: every answer is set by the test. */
final class Stubs {
    private Stubs() {}

    /** A market at one day: flat closes (or a given history), strikes on a 1-dollar grid, deltas linear in moneyness. */
    static final class View implements MarketView {
        int day = 20_000, available = 300;
        double[] closes = {400};          // lag 0 first
        double vix = 20;
        int nextEvent = Integer.MAX_VALUE;
        /** Expiries listed today (epoch days); expiry() picks the nearest to the target within the bounds. */
        int[] listed = {20_035};
        double mid = 2.0;

        @Override public int day() { return day; }
        @Override public int available() { return available; }
        @Override public double close(Symbol s, int lag) { return closes[Math.min(lag, closes.length - 1)]; }
        @Override public double adjClose(Symbol s, int lag) { return close(s, lag); }
        @Override public double open(Symbol s, int lag) { return close(s, lag); }
        @Override public double value(SeriesId id, int lag) { return id == SeriesId.VIX ? vix : Double.NaN; }
        @Override public int events(int lag) { return 0; }
        @Override public int nextEvent(int afterDay, int mask) { return nextEvent > afterDay ? nextEvent : Integer.MAX_VALUE; }

        @Override
        public double sma(Symbol s, int n) {
            double sum = 0;
            for (int k = 0; k < n; k++) sum += close(s, k);
            return sum / n;
        }

        @Override
        public int expiry(Symbol s, int target, int min, int max) {
            int best = -1;
            for (int e : listed) {
                int d = e - day;
                if (d < min || d > max) continue;
                if (best < 0 || Math.abs(d - target) <= Math.abs(best - day - target)) best = e;
            }
            return best;
        }

        /** 10 dollars of moneyness per 0.1 of delta from 0.5 at the money. */
        @Override
        public double strikeForDelta(Symbol s, int expiry, boolean call, double delta) {
            double spot = close(s, 0), d = Math.abs(delta);
            return Math.rint(call ? spot + (0.5 - d) * 100 : spot - (0.5 - d) * 100);
        }

        @Override public double strike(Symbol s, double target) { return Math.rint(target); }
        @Override public double strikeAtOrBelow(Symbol s, double target) { return Math.floor(target); }
        @Override public double strikeAtOrAbove(Symbol s, double target) { return Math.ceil(target); }

        @Override public Quote quote(Symbol s, int expiry, double strike, boolean call) { return new Quote(mid - 0.05, mid + 0.05, mid,
                0.2, 0.3); }
    }

    static final class Account implements PortfolioView {
        double equity = 100_000, capitalBase = 100_000, freeBp = 100_000;
        int open;

        @Override public double equity() { return equity; }
        @Override public double capitalBase() { return capitalBase; }
        @Override public double freeBuyingPower() { return freeBp; }
        @Override public int openPositions() { return open; }
        @Override public double openValue() { return 0; }
        @Override public int today() { return 20_000; }
        @Override public int lastEntryDay() { return Integer.MIN_VALUE / 2; }
        @Override public int closedTrades() { return 0; }
        @Override public int wins() { return 0; }
        @Override public double sumWins() { return 0; }
        @Override public double sumLosses() { return 0; }
    }

    record Pos(List<Leg> legs, int units, int entryDay, double entryCash, double mark, int daysToExpiry) implements PositionView {
        @Override public double maxLoss() { return Double.POSITIVE_INFINITY; }
    }

    @SuppressWarnings("unchecked")
    static <P> P configure(Strategy<P> s, Map<String, ?> params) {
        return s.configure(s.space().resolve(params, ""));
    }
}
