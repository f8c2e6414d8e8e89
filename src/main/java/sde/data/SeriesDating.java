package sde.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC §1 dating check: every series must be dated by the session whose close it is. A series whose
 * daily changes follow a reference's changes of the previous session (or of the next) better than
 * the same session's is misdated. The source VXN file was: its changes correlate +0.93 with the
 * previous day's VIX change and −0.19 with the same day's, so QQQ was priced off yesterday's vol.
 *
 * <p>References are SPY (log returns) and VIX (log changes); each series is judged against the one
 * it follows most strongly at any of the three lags. A series that follows neither by at least
 * {@code minCorrelation} (a rate, say) cannot be judged and is reported as such, not as an error. A
 * lag must beat the same session by {@code margin} to call a series misdated: smooth series (a
 * steady trend) correlate about equally at every lag and say nothing about their dating.
 */
public final class SeriesDating {

    /** How a series' dating looks. */
    public enum Verdict { OK, LATE, EARLY, UNJUDGED }

    /**
     * Correlations of the series' daily change with the reference's change of the previous
     * session ({@code previous}), the same session and the next.
     */
    public record Finding(String series, String reference, double previous, double same, double next, int pairs,
                          Verdict verdict) {
        public boolean misdated() { return verdict == Verdict.LATE || verdict == Verdict.EARLY; }

        /** One line for the audit's errors: names the series, the direction and the evidence. */
        public String message() {
            return String.format("%s: dated one session %s: its daily changes follow %s's of the %s session (corr %+.2f) better "
                            + "than the same session's (%+.2f); re-date the file (SPEC §1)", series,
                    verdict == Verdict.LATE ? "late" : "early", reference, verdict == Verdict.LATE ? "previous" : "next",
                    verdict == Verdict.LATE ? previous : next, same);
        }
    }

    private SeriesDating() {}

    /** Every underlying, scalar and benchmark series of {@code src} on the SPY days in [from, to]. */
    public static List<Finding> check(MarketSources src, int from, int to, double minCorrelation, double margin) {
        RawSeries spy = src.bars().get(Symbol.SPY);
        int[] axis = window(spy.days(), from, to);
        Map<String, double[]> refs = new LinkedHashMap<>();
        refs.put("SPY", changes(values(axis, spy)));
        RawSeries vix = src.scalars().get(SeriesId.VIX);
        if (vix != null) refs.put("VIX", changes(values(axis, vix)));

        Map<String, RawSeries> all = new LinkedHashMap<>();
        src.bars().forEach((s, r) -> all.put(s.name(), r));
        src.scalars().forEach((id, r) -> all.put(id.name(), r));
        all.putAll(src.benchmarks());
        List<Finding> out = new ArrayList<>();
        all.forEach((name, raw) -> {
            double[] dx = changes(values(axis, raw));
            Finding best = null;
            for (Map.Entry<String, double[]> ref : refs.entrySet()) {
                if (ref.getKey().equals(name)) continue;
                Finding f = judge(name, dx, ref.getKey(), ref.getValue(), minCorrelation, margin);
                if (best == null || strength(f) > strength(best)) best = f;
            }
            if (best != null) out.add(best);
        });
        return out;
    }

    /**
     * The verdict from the three lag correlations of {@code dx} against {@code dref}: LATE when the
     * previous session's reference change explains it better (by {@code margin} in absolute
     * correlation) than the same session's, EARLY for the next session's, UNJUDGED when no lag
     * reaches {@code minCorrelation} in absolute value.
     */
    static Finding judge(String name, double[] dx, String refName, double[] dref, double minCorrelation, double margin) {
        Corr prev = corr(dx, dref, 1), same = corr(dx, dref, 0), next = corr(dx, dref, -1);
        double p = Math.abs(prev.r), s = Math.abs(same.r), n = Math.abs(next.r);
        Verdict v;
        if (Math.max(p, Math.max(s, n)) < minCorrelation) v = Verdict.UNJUDGED;
        else if (p > s + margin && p >= n) v = Verdict.LATE;
        else if (n > s + margin) v = Verdict.EARLY;
        else v = Verdict.OK;
        return new Finding(name, refName, prev.r, same.r, next.r, same.pairs, v);
    }

    private static double strength(Finding f) {
        return Math.max(Math.abs(f.previous()), Math.max(Math.abs(f.same()), Math.abs(f.next())));
    }

    private record Corr(double r, int pairs) {}

    /** Pearson correlation of x[t] with y[t − lag] over the t where both are finite; 0 with too few pairs. */
    private static Corr corr(double[] x, double[] y, int lag) {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int t = Math.max(0, lag); t < x.length && t - lag < y.length; t++) {
            double a = x[t], b = y[t - lag];
            if (!Double.isFinite(a) || !Double.isFinite(b)) continue;
            sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b;
            n++;
        }
        if (n < 20) return new Corr(0, n);
        double cov = sxy - sx * sy / n, vx = sxx - sx * sx / n, vy = syy - sy * sy / n;
        return new Corr(vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : 0, n);
    }

    /** Day-over-day change on the axis: log ratio for positive values, difference otherwise; NaN where a day is missing. */
    static double[] changes(double[] v) {
        boolean positive = true;
        for (double x : v) if (Double.isFinite(x) && x <= 0) { positive = false; break; }
        double[] d = new double[v.length];
        d[0] = Double.NaN;
        for (int i = 1; i < v.length; i++) d[i] = positive ? Math.log(v[i] / v[i - 1]) : v[i] - v[i - 1];
        return d;
    }

    private static double[] values(int[] axis, RawSeries raw) {
        double[] out = new double[axis.length];
        Arrays.fill(out, Double.NaN);
        int[] map = MarketDataBuilder.mapToAxis(axis, raw);
        for (int k = 0; k < map.length; k++) if (map[k] >= 0) out[map[k]] = raw.close()[k];
        return out;
    }

    private static int[] window(int[] days, int from, int to) {
        int lo = Arrays.binarySearch(days, from), hi = Arrays.binarySearch(days, to);
        lo = lo >= 0 ? lo : -lo - 1;
        hi = hi >= 0 ? hi + 1 : -hi - 1;
        return Arrays.copyOfRange(days, lo, Math.max(lo, hi));
    }
}
