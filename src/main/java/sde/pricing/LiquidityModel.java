package sde.pricing;

import sde.data.MarketData;
import sde.data.Symbol;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the market traded (SPEC §2 market capacity): each option contract's modeled daily volume and
 * open interest, by symbol, session, DTE and |delta|, and each ETF's share volume. Built once per
 * engine; every lookup is two array reads and a product (the backtest asks on each entry and exit).
 *
 * <p>A symbol's option volume on session t is its contracts-per-share ratio × the mean share volume
 * of the {@code share_volume_window} sessions up to and including t (causal: nothing after t's close),
 * so it follows each symbol and year as its ETF's trading did; a contract's share of it is its cell
 * of the fitted tables ({@link LiquidityFit} fits them on the real chains, docs/pricing.md).
 */
public final class LiquidityModel implements Serializable {
    private static final long serialVersionUID = 1L;
    private final LiquiditySettings s;
    /** [symbol][session]: the ETF's mean share volume over the window up to the session. */
    private final double[][] meanShares;
    /** [symbol]: contracts traded, and open, per share traded. */
    private final double[] perShareVolume, perShareOpenInterest;
    /** [side·25 + dte·5 + delta]: per-contract shares (fractions, not basis points); side 0 call, 1 put. */
    private final double[] volumeShare, openInterestShare;
    private final long[] limits;
    private final MarketData md;

    public LiquidityModel(MarketData md, LiquiditySettings s) {
        this.s = s;
        this.md = md;
        int n = md.size(), syms = Symbol.values().length;
        meanShares = new double[syms][n];
        perShareVolume = new double[syms];
        perShareOpenInterest = new double[syms];
        limits = new long[syms];
        for (Symbol sym : Symbol.values()) {
            int k = sym.ordinal();
            limits[k] = s.positionLimits().get(sym.name());
            perShareVolume[k] = s.contractsPerShare().get(sym.name());
            perShareOpenInterest[k] = s.openInterestPerShare().get(sym.name());
            double sum = 0;
            int have = 0;
            for (int t = 0; t < n; t++) {
                double v = md.volume(sym, t);
                if (Double.isFinite(v)) { sum += v; have++; }
                if (t >= s.shareVolumeWindow()) {
                    double out = md.volume(sym, t - s.shareVolumeWindow());
                    if (Double.isFinite(out)) { sum -= out; have--; }
                }
                meanShares[k][t] = have > 0 ? Math.max(0, sum / have) : 0;
            }
        }
        volumeShare = flatten(s.volumeTable());
        openInterestShare = flatten(s.openInterestTable());
    }

    private static double[] flatten(Map<String, List<List<Double>>> t) {
        int per = LiquiditySettings.DTE_BUCKETS * LiquiditySettings.DELTA_BUCKETS;
        double[] out = new double[2 * per];
        for (int side = 0; side < 2; side++) {
            List<List<Double>> rows = t.get(side == 0 ? "call" : "put");
            for (int r = 0; r < LiquiditySettings.DTE_BUCKETS; r++) {
                for (int c = 0; c < LiquiditySettings.DELTA_BUCKETS; c++) {
                    out[side * per + r * LiquiditySettings.DELTA_BUCKETS + c] = rows.get(r).get(c) / 1e4;
                }
            }
        }
        return out;
    }

    private static int cell(int dte, double absDelta, boolean call) {
        return (call ? 0 : LiquiditySettings.DTE_BUCKETS * LiquiditySettings.DELTA_BUCKETS)
                + LiquiditySettings.dteBucket(dte) * LiquiditySettings.DELTA_BUCKETS + LiquiditySettings.deltaBucket(absDelta);
    }

    /** Modeled contracts of this option traded on session t. */
    public double volume(Symbol sym, int t, int dte, double absDelta, boolean call) {
        int k = sym.ordinal();
        return meanShares[k][t] * perShareVolume[k] * volumeShare[cell(dte, absDelta, call)];
    }

    /** Modeled open interest of this option at session t, in contracts. */
    public double openInterest(Symbol sym, int t, int dte, double absDelta, boolean call) {
        int k = sym.ordinal();
        return meanShares[k][t] * perShareOpenInterest[k] * openInterestShare[cell(dte, absDelta, call)];
    }

    /** The ETF's mean share volume over the window up to session t: what the chain's totals scale with. */
    public double meanShareVolume(Symbol sym, int t) {
        return meanShares[sym.ordinal()][t];
    }

    /** The ETF's shares traded on session t (its bar's volume, known at t's close). */
    public double shareVolume(Symbol sym, int t) {
        double v = md.volume(sym, t);
        return Double.isFinite(v) ? Math.max(0, v) : 0;
    }

    /** Contracts per side the exchanges allow on one underlying. */
    public long positionLimit(Symbol sym) {
        return limits[sym.ordinal()];
    }

    public LiquiditySettings settings() {
        return s;
    }
}
