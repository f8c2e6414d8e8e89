package sde.pricing;

import sde.data.EventSchedule;
import sde.data.EventType;
import sde.data.MarketData;
import sde.data.SeriesId;
import sde.data.Symbol;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Per-day pricing inputs derived from {@link MarketData} once, causally: every value of day i uses
 * data of days ≤ i only, so a run on data cut after day T sees the same inputs up to T.
 * <ul>
 *   <li>{@code rate(i)}: DTB3 converted from a 91-day discount rate to a continuous rate; the last
 *       covered value is kept past the series' end (0 before any).</li>
 *   <li>{@code divYield(s, i)}: cash dividends with ex-date in the trailing window over the close.</li>
 *   <li>{@code volRatio(s, i)}: the symbol's vol relative to SPY's VIX family: 1 for SPY, VXN/VIX or
 *       RVX/VIX where covered, else the fallback (below), clamped, times symbol_atm_scale (fitted on the
 *       symbol's fund replica and chains, docs/pricing.md).</li>
 *   <li>{@code termVol(k, i)}: VIX1D, VIX9D, VIX, VIX3M as fractions (NaN where not covered).</li>
 *   <li>{@code eventVariance(i, today, expiry)}: SPY variance of the scheduled events in (today,
 *       expiry], from pricing.surface.event_move; VolSurface takes it out of the vol indices' variance
 *       and adds it back where a contract spans the event, so it is counted once.</li>
 * </ul>
 */
public final class PricingInputs implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Calendar days of each term point: VIX1D, VIX9D, VIX, VIX3M. */
    static final double[] TERM_DAYS = {1, 9, 30, 93};
    private static final SeriesId[] TERM = {SeriesId.VIX1D, SeriesId.VIX9D, SeriesId.VIX, SeriesId.VIX3M};
    private static final double TBILL_DAYS = 91;

    private final int[] days;
    private final double[] skewIndex;
    private final double[] rate;
    /** Per session, what a positive cash balance earns since the previous one (expm1 is not intrinsic: once, not per run). */
    private final double[] accrual;
    private final double[][] divYield, volRatio, termVol;
    private final int[] eventDays;
    private final double[] cumEventVar;
    /**
     * cumEventVar by epoch day from the first session to EVENT_TABLE_DAYS past the last: the backtest
     * asks it twice per modeled price, and a binary search over the events was a fifth of a run's
     * time (JMH stack profile). The same values, so the same prices to the bit.
     */
    private final double[] cumEventVarByDay;
    private final int eventTableFrom;
    /** Past the last session: the longest listing horizon (LEAPS, pricing.listing.leaps_horizon_days) with room to spare. */
    private static final int EVENT_TABLE_DAYS = 1200;

    public PricingInputs(MarketData md, SurfaceSettings s) {
        int n = md.size();
        days = new int[n];
        skewIndex = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = md.day(i);
            skewIndex[i] = md.value(SeriesId.SKEW, i);
        }
        rate = new double[n];
        double last = 0;
        for (int i = 0; i < n; i++) {
            double d = md.value(SeriesId.DTB3, i);
            if (!Double.isNaN(d)) last = -Math.log(1 - d / 100 * TBILL_DAYS / 360) * 365 / TBILL_DAYS;
            rate[i] = last;
        }
        accrual = new double[n];
        for (int i = 1; i < n; i++) accrual[i] = Math.expm1(rate[i - 1] * (days[i] - days[i - 1]) / 365.0);
        divYield = new double[Symbol.values().length][n];
        for (Symbol sym : Symbol.values()) {
            double sum = 0;
            int tail = 0;
            for (int i = 0; i < n; i++) {
                sum += md.dividend(sym, i);
                while (md.day(i) - md.day(tail) >= s.dividendWindowDays()) sum -= md.dividend(sym, tail++);
                divYield[sym.ordinal()][i] = md.hasDividends(sym) ? sum / md.close(sym, i) : 0;
            }
        }
        termVol = new double[TERM.length][n];
        for (int k = 0; k < TERM.length; k++) for (int i = 0; i < n; i++) termVol[k][i] = md.value(TERM[k], i) / 100;
        double[] move2 = new double[EventType.values().length];
        s.eventMove().forEach((name, m) -> move2[EventType.find(name).ordinal()] = m * m);
        EventSchedule sch = md.schedule();
        eventDays = sch.days().clone();
        cumEventVar = new double[eventDays.length];
        for (int e = 0; e < eventDays.length; e++) {
            double v = 0;
            for (EventType t : EventType.values()) if ((sch.masks()[e] & t.bit()) != 0) v = Math.max(v,
                    move2[t.ordinal()]);
            cumEventVar[e] = (e == 0 ? 0 : cumEventVar[e - 1]) + v;   // one move per day, the largest of its events
        }
        eventTableFrom = n == 0 ? 0 : days[0];
        cumEventVarByDay = new double[n == 0 ? 0 : days[n - 1] - days[0] + 1 + EVENT_TABLE_DAYS];
        for (int d = 0; d < cumEventVarByDay.length; d++) cumEventVarByDay[d] = searchCumEventVar(eventTableFrom + d);
        volRatio = new double[Symbol.values().length][n];
        Arrays.fill(volRatio[Symbol.SPY.ordinal()], 1.0);
        fillRatio(md, s, Symbol.QQQ, SeriesId.VXN);
        fillRatio(md, s, Symbol.IWM, SeriesId.RVX);
    }

    /**
     * The symbol's ratio to SPY's vol. Where its vol index is missing (RVX is never loaded; VXN ends
     * 2026-01-27) the fallback is the trailing realized-vol ratio to SPY over ratio_window_days sessions,
     * one mechanism for both; default_ratio until the window has filled. All causal: day i reads days ≤ i.
     * Its error where VXN tells (2019–2026) and on QQQ's real chains is in docs/pricing.md.
     */
    private void fillRatio(MarketData md, SurfaceSettings s, Symbol sym, SeriesId index) {
        int n = md.size(), w = s.ratioWindowDays();
        double scale = s.symbolAtmScale().get(sym.name());
        Double dflt = s.defaultRatio().get(sym.name());
        if (dflt == null) throw new IllegalArgumentException("pricing.surface.default_ratio." + sym + ": missing");
        double[] out = volRatio[sym.ordinal()];
        // Rolling sums of squared log returns over the last w sessions, for the symbol and for SPY.
        double sumSym = 0, sumSpy = 0;
        double[] rs = new double[n], rp = new double[n];
        for (int i = 1; i < n; i++) {
            rs[i] = sq(Math.log(md.adjClose(sym, i) / md.adjClose(sym, i - 1)));
            rp[i] = sq(Math.log(md.adjClose(Symbol.SPY, i) / md.adjClose(Symbol.SPY, i - 1)));
        }
        for (int i = 0; i < n; i++) {
            sumSym += rs[i];
            sumSpy += rp[i];
            if (i >= w) { sumSym -= rs[i - w]; sumSpy -= rp[i - w]; }
            double vix = md.value(SeriesId.VIX, i), idx = md.value(index, i);
            double r;
            if (!Double.isNaN(idx) && !Double.isNaN(vix) && vix > 0) {
                r = idx / vix;
            } else if (i >= w && sumSpy > 0) {
                r = Math.sqrt(sumSym / sumSpy);
            } else {
                r = dflt;
            }
            out[i] = Math.max(s.ratioFloor(), Math.min(s.ratioCap(), r)) * scale;
        }
    }

    private static double sq(double x) { return x * x; }

    public double rate(int i) { return rate[i]; }

    /**
     * e^{r·Δ/365} − 1 with r the previous session's rate and Δ the calendar days since it: a positive cash balance's
     * growth on session i.
     * 
     */
    public double accrual(int i) { return accrual[i]; }

    /**
     * Event variance (SPY units) of the scheduled events in (today, expiry]: the sum of event_move²,
     * one move per day. Day i is not read: the schedule is published in advance (EventSchedule).
     */
    public double eventVariance(int i, int today, int expiry) {
        if (eventDays.length == 0) return 0;
        return cumEventVar(expiry) - cumEventVar(today);
    }

    /** The Cboe SKEW index on day i (NaN where not loaded). */
    public double skewIndex(int i) { return skewIndex[i]; }

    /** Epoch day of session i. */
    public int day(int i) { return days[i]; }

    /** Σ move² over scheduled events on or before {@code day}. */
    private double cumEventVar(int day) {
        int d = day - eventTableFrom;
        return d >= 0 && d < cumEventVarByDay.length ? cumEventVarByDay[d] : searchCumEventVar(day);
    }

    private double searchCumEventVar(int day) {
        int k = Arrays.binarySearch(eventDays, day);
        int upto = k >= 0 ? k + 1 : -k - 1;
        return upto == 0 ? 0 : cumEventVar[upto - 1];
    }

    public double divYield(Symbol s, int i) { return divYield[s.ordinal()][i]; }

    public double volRatio(Symbol s, int i) { return volRatio[s.ordinal()][i]; }

    double termVol(int k, int i) { return termVol[k][i]; }

    public int size() { return rate.length; }
}
