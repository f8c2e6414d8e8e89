package sde.pricing;

import sde.data.Dates;
import sde.data.MarketData;
import sde.data.SeriesId;
import sde.data.Symbol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits the liquidity model's tables and per-share ratios (conf pricing.liquidity) on the real chains
 * that carry volume and open interest, and measures the fitted model's error on each of them.
 *
 * <ul>
 *   <li>Each contract goes to its cell by |delta| from its own mid (Black–Scholes, no rate or dividend:
 *       a bucket, not a price; without a two-sided quote, at the day's VIX).</li>
 *   <li>A chain's per-contract share of a cell = the cell's volume / the chain's volume / the cell's
 *       contracts; a table cell is the median over the chains with at least {@link #MIN_CONTRACTS} contracts
 *       there; a cell no chain fills takes the table's smallest value (conservative: less capacity).</li>
 *   <li>A chain's contracts per share = its volume, scaled to a whole day by the U-shaped profile, over
 *       its ETF's mean share volume of the window; a symbol takes the smallest of its chains' (the
 *       conservative end). IWM has no chain here: it takes SPY's ratios (its options trade in proportion
 *       to its shares as SPY's do is the stated assumption).</li>
 * </ul>
 */
public final class LiquidityFit {
    static final int MIN_CONTRACTS = 3;
    private static final int CELLS = 2 * LiquiditySettings.DTE_BUCKETS * LiquiditySettings.DELTA_BUCKETS;
    /** A cell never goes under this (basis points per contract): the settings require every cell > 0. */
    private static final double FLOOR_BP = 0.001;

    private LiquidityFit() {}

    /** One chain's error under the fitted model: predicted over real totals, and the median |log10| error per contract. */
    public record ChainError(String source, Symbol symbol, int quoteDate, int contracts, double dayVolume, double modelVolume,
                             double medianLogErrorVolume, double openInterest, double modelOpenInterest, double medianLogErrorOpenInterest,
                             double contractsPerShare, double openInterestPerShare) {}

    public record Result(LiquiditySettings settings, List<ChainError> chains) {}

    private record Placed(ChainActivity row, int cell) {}

    private record Chain(String source, Symbol symbol, int t, double dayScale, List<Placed> rows, double[] volShare, double[] oiShare,
                         int[] count, double volume, double openInterest) {}

    public static Result fit(MarketData md, LiquiditySettings base, List<ChainActivity> activity) {
        LiquidityModel shares = new LiquidityModel(md, base);
        Map<String, List<ChainActivity>> bySource = new TreeMap<>();
        for (ChainActivity a : activity) bySource.computeIfAbsent(a.source(), k -> new ArrayList<>()).add(a);
        List<Chain> chains = new ArrayList<>();
        for (Map.Entry<String, List<ChainActivity>> e : bySource.entrySet()) chains.add(chain(md, base, e.getKey(), e.getValue()));
        if (chains.isEmpty()) throw new IllegalArgumentException("no chain with volume and open interest to fit the liquidity model on");

        Map<String, List<List<Double>>> vol = table(chains, true), oi = table(chains, false);
        Map<String, Double> cps = new LinkedHashMap<>(), oips = new LinkedHashMap<>();
        for (Chain c : chains) {
            double mean = shares.meanShareVolume(c.symbol, c.t);
            cps.merge(c.symbol.name(), c.volume * c.dayScale / mean, Math::min);
            oips.merge(c.symbol.name(), c.openInterest / mean, Math::min);
        }
        for (Symbol s : Symbol.values()) {
            cps.putIfAbsent(s.name(), cps.get(Symbol.SPY.name()));
            oips.putIfAbsent(s.name(), oips.get(Symbol.SPY.name()));
        }
        LiquiditySettings fitted = new LiquiditySettings(base.participation(), base.openInterestShare(), base.positionLimits(),
                base.impactCoefficient(), base.shareVolumeWindow(), base.intradayCurvature(), cps, oips, vol, oi);
        return new Result(fitted, errors(md, fitted, chains));
    }

    private static Chain chain(MarketData md, LiquiditySettings base, String source, List<ChainActivity> rows) {
        ChainActivity first = rows.get(0);
        int t = md.indexOf(first.quoteDate());
        if (t < 0) throw new IllegalArgumentException(source + ": " + Dates.format(first.quoteDate())
                + " is not a session of the loaded market");
        double vix = md.has(SeriesId.VIX) && md.covered(SeriesId.VIX, t) ? md.value(SeriesId.VIX, t) / 100 : 0.2;
        double[] vol = new double[CELLS], oi = new double[CELLS];
        int[] n = new int[CELLS];
        double totalVol = 0, totalOi = 0;
        List<Placed> placed = new ArrayList<>();
        for (ChainActivity a : rows) {
            double spot = Double.isFinite(a.spot()) ? a.spot() : md.close(a.symbol(), t);
            double years = Math.max(a.dte(), 0.5) / 365.0;
            double iv = Double.isNaN(a.mid()) ? Double.NaN : BlackScholes.impliedVol(a.call(), a.mid(), spot, a.strike(), years, 0, 0);
            if (!(iv > 0.01 && iv < 3)) iv = vix;
            double d = Math.abs(BlackScholes.delta(a.call(), spot, a.strike(), years, 0, 0, iv));
            int cell = (a.call() ? 0 : CELLS / 2) + LiquiditySettings.dteBucket(a.dte()) * LiquiditySettings.DELTA_BUCKETS
                    + LiquiditySettings.deltaBucket(d);
            placed.add(new Placed(a, cell));
            vol[cell] += a.volume();
            oi[cell] += a.openInterest();
            n[cell]++;
            totalVol += a.volume();
            totalOi += a.openInterest();
        }
        double[] volShare = new double[CELLS], oiShare = new double[CELLS];
        for (int c = 0; c < CELLS; c++) {
            volShare[c] = n[c] == 0 || totalVol == 0 ? Double.NaN : vol[c] / totalVol / n[c];
            oiShare[c] = n[c] == 0 || totalOi == 0 ? Double.NaN : oi[c] / totalOi / n[c];
        }
        return new Chain(source, first.symbol(), t, 1 / base.volumeShareAt(first.sessionElapsed()), placed, volShare, oiShare, n,
                totalVol, totalOi);
    }

    private static Map<String, List<List<Double>>> table(List<Chain> chains, boolean volume) {
        double[] med = new double[CELLS];
        double smallest = Double.POSITIVE_INFINITY;
        for (int c = 0; c < CELLS; c++) {
            List<Double> v = new ArrayList<>();
            for (Chain ch : chains) if (ch.count[c] >= MIN_CONTRACTS) v.add((volume ? ch.volShare : ch.oiShare)[c]);
            med[c] = v.isEmpty() ? Double.NaN : median(v) * 1e4;
            if (med[c] > 0) smallest = Math.min(smallest, med[c]);
        }
        Map<String, List<List<Double>>> out = new LinkedHashMap<>();
        for (int side = 0; side < 2; side++) {
            List<List<Double>> rows = new ArrayList<>();
            for (int r = 0; r < LiquiditySettings.DTE_BUCKETS; r++) {
                List<Double> row = new ArrayList<>();
                for (int c = 0; c < LiquiditySettings.DELTA_BUCKETS; c++) {
                    double v = med[side * CELLS / 2 + r * LiquiditySettings.DELTA_BUCKETS + c];
                    row.add(round(Math.max(FLOOR_BP, v > 0 ? v : smallest)));
                }
                rows.add(row);
            }
            out.put(side == 0 ? "call" : "put", rows);
        }
        return out;
    }

    /** Three significant digits: what conf carries. */
    public static double round(double v) {
        if (v == 0) return 0;
        double scale = Math.pow(10, 2 - Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }

    private static List<ChainError> errors(MarketData md, LiquiditySettings fitted, List<Chain> chains) {
        LiquidityModel m = new LiquidityModel(md, fitted);
        List<ChainError> out = new ArrayList<>();
        for (Chain c : chains) {
            double predV = 0, predOi = 0;
            List<Double> logV = new ArrayList<>(), logOi = new ArrayList<>();
            for (Placed p : c.rows) {
                ChainActivity a = p.row;
                int dte = a.dte();
                double d = representativeDelta(p.cell);
                double v = m.volume(a.symbol(), c.t, dte, d, a.call()), o = m.openInterest(a.symbol(), c.t, dte, d, a.call());
                predV += v;
                predOi += o;
                if (a.volume() > 0) logV.add(Math.abs(Math.log10(v / (a.volume() * c.dayScale))));
                if (a.openInterest() > 0) logOi.add(Math.abs(Math.log10(o / a.openInterest())));
            }
            double mean = m.meanShareVolume(c.symbol, c.t);
            out.add(new ChainError(c.source, c.symbol, md.day(c.t), c.rows.size(), c.volume * c.dayScale, predV, median(logV),
                    c.openInterest, predOi, median(logOi), c.volume * c.dayScale / mean, c.openInterest / mean));
        }
        return out;
    }

    /** A |delta| inside the cell's bucket, to ask the model for that cell. */
    private static double representativeDelta(int cell) {
        int b = cell % LiquiditySettings.DELTA_BUCKETS;
        double[] tops = LiquiditySettings.DELTA_TOPS;
        double lo = b == 0 ? 0 : tops[b - 1], hi = b == tops.length ? 1 : tops[b];
        return (lo + hi) / 2;
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) return Double.NaN;
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
