package sde.backtest;

import sde.data.MarketData;
import sde.data.SeriesId;
import sde.data.Symbol;
import sde.pricing.BlackScholes;
import sde.pricing.ModelChain;
import sde.pricing.Quote;
import sde.pricing.StrikeGrid;
import sde.pricing.VolSurface;
import sde.strategy.MarketView;

/**
 * What a strategy sees on session t: day t and before, nothing after. One view per run,
 * moved forward a session at a time ({@link #moveTo}), so seeing the market allocates nothing.
 * Every lag is checked against the past; a look at day t + 1 cannot be written.
 */
final class SessionView implements MarketView {
    private final MarketData md;
    private final ModelChain chain;
    private final VolSurface surface;
    private final StrikeGrid grid;
    private final double[] pd = new double[2];
    private final VolSurface.Slices slices;
    private int t;
    private long pricings;

    /** @param slices the run's pricing scratch, shared with its marks and fills (one thread) */
    SessionView(MarketData md, ModelChain chain, VolSurface surface, StrikeGrid grid, VolSurface.Slices slices) {
        this.slices = slices;
        this.md = md;
        this.chain = chain;
        this.surface = surface;
        this.grid = grid;
    }

    void moveTo(int session) {
        t = session;
    }

    /** Option prices the strike searches computed (RunResult.pricings). */
    long pricings() {
        return pricings;
    }

    private int at(int lag) {
        if (lag < 0 || lag > t) throw new IllegalArgumentException("lag " + lag + " outside the past (0.." + t + ")");
        return t - lag;
    }

    @Override public int day() { return md.day(t); }
    @Override public int available() { return t + 1; }
    @Override public double close(Symbol s, int lag) { return md.close(s, at(lag)); }
    @Override public double open(Symbol s, int lag) { return md.open(s, at(lag)); }
    @Override public double adjClose(Symbol s, int lag) { return md.adjClose(s, at(lag)); }
    @Override public double value(SeriesId id, int lag) { return md.value(id, at(lag)); }
    @Override public int events(int lag) { return md.events(at(lag)); }

    @Override
    public double sma(Symbol s, int len) {
        if (len > t + 1) return Double.NaN;
        double sum = 0;
        for (int k = 0; k < len; k++) sum += md.close(s, t - k);
        return sum / len;
    }

    @Override
    public int expiry(Symbol s, int targetDays, int minDays, int maxDays) {
        return chain.expiries().nearest(s, md.day(t), targetDays, minDays, maxDays);
    }

    @Override
    public double strikeForDelta(Symbol s, int expiry, boolean call, double delta) {
        // Fixed point on the skewed surface: a strike from the BSM inverse at the current strike's
        // vol, three times, then the nearest listed strike.
        double spot = md.close(s, t);
        double tYears = Math.max(expiry - md.day(t), 1) / 365.0;
        double k = spot;
        double r = surface.inputs().rate(t), q = surface.inputs().divYield(s, t);
        double d1 = BlackScholes.d1ForDelta(call, delta, tYears, q);   // the same in every iteration
        for (int it = 0; it < 3; it++) {
            double iv = chain.price(slices, s, t, expiry, k, call, pd);
            pricings++;
            k = BlackScholes.strikeAtD1(d1, spot, tYears, r, q, iv);
        }
        return grid.nearest(s, spot, k);
    }

    @Override public int nextEvent(int afterDay, int mask) { return md.schedule().next(afterDay, mask); }

    @Override public double strike(Symbol s, double target) { return grid.nearest(s, md.close(s, t), target); }
    @Override public double strikeAtOrBelow(Symbol s, double target) { return grid.atOrBelow(s, md.close(s, t), target); }
    @Override public double strikeAtOrAbove(Symbol s, double target) { return grid.atOrAbove(s, md.close(s, t), target); }

    @Override public Quote quote(Symbol s, int expiry, double strike, boolean call) { return chain.quote(slices, s, t, expiry, strike,
            call); }
}
