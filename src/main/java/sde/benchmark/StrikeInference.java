package sde.benchmark;

import sde.data.Dates;
import sde.data.MarketData;
import sde.data.RawSeries;
import sde.data.Symbol;

import java.util.Locale;

/**
 * A daily fund's strike rule, which no fund publishes, read off its own daily returns (SPEC §1: the
 * replica states the rule it inferred and how). On a session the fund earns its index's price return
 * from the last close, plus the premium it wrote, less what the written calls pay at the close:
 * <pre>  fund − index = α + β·σ/√252 − max(0, C − K) / C₋₁,   K = O × (1 + m)</pre>
 * with σ the vol index at the open scaled to the symbol. On a quiet day the fund follows the index
 * plus a premium; on a day that rallies from the open past K it stops following: that kink is K. For
 * each candidate m (otm_pct: m fixed; sigma: m = z·σ/√252) the premium terms α, β are the least
 * squares fit given the kink, and the rule is the m with the smallest sum of squares. Only the fund's
 * and the bars' returns enter, never an option price, so the rule does not depend on the model's level.
 */
public final class StrikeInference {
    private StrikeInference() {}

    /** The rule of one kind with its fit: the sum of squares per session (in bp²) and the premium terms. */
    public record Fit(DailyFund.StrikeRule rule, int sessions, double rmsBp, double alphaBp, double beta, String from, String to) {
        public String line() {
            return String.format(Locale.ROOT, "%s %.4f: rms %.2f bp over %d sessions %s..%s (premium %.2f bp + %.3f × σ/√252)",
                    rule.kind(), rule.level(), rmsBp, sessions, from, to, alphaBp, beta);
        }
    }

    /**
     * The best rule of {@code kind} over the sessions from {@code fromDay} to {@code toDay} (epoch days, inclusive)
     * where the fund has levels on the session and the one before.
     */
    public static Fit infer(MarketData md, DailyFundReplica replica, DailyFund fund, RawSeries levels, String kind, int fromDay,
                            int toDay) {
        Symbol sym = fund.underlying();
        int a = Math.max(1, md.indexOnOrAfter(fromDay)), b = md.indexOnOrBefore(toDay);
        int n = 0;
        double[] y = new double[b - a + 1], s = new double[y.length], gain = new double[y.length], sig = new double[y.length];
        double yield = md.adjustedOnly(sym) ? fund.longSideYieldPct() / 100 / 252 : 0;
        for (int i = a; i <= b; i++) {
            int k = levels.indexOf(md.day(i)), k0 = levels.indexOf(md.day(i - 1));
            if (k < 0 || k0 < 0) continue;
            double c0 = md.close(sym, i - 1), o = md.open(sym, i), c = md.close(sym, i);
            y[n] = levels.close()[k] / levels.close()[k0] - 1 - (c / c0 - 1 - yield);
            sig[n] = replica.sigmaAtOpen(sym, i) / Math.sqrt(252);
            s[n] = o / c0;
            gain[n] = c / o - 1;
            n++;
        }
        if (n < 20) throw new IllegalArgumentException("strike inference: " + n + " sessions with the fund's levels; need 20 or more");
        boolean sigma = kind.equals("sigma");
        double hi = sigma ? 3.0 : 0.03, step = sigma ? 0.01 : 0.0002;
        Fit best = null;
        for (double m = 0; m <= hi + 1e-12; m += step) {
            // Given the kink, regress y + paid on [1, σ/√252].
            double s1 = 0, sx = 0, sxx = 0, sy = 0, sxy = 0;
            double[] z = new double[n];
            for (int j = 0; j < n; j++) {
                double otm = sigma ? m * sig[j] : m;
                z[j] = y[j] + s[j] * Math.max(0, gain[j] - otm);
                s1++; sx += sig[j]; sxx += sig[j] * sig[j]; sy += z[j]; sxy += sig[j] * z[j];
            }
            double det = s1 * sxx - sx * sx;
            double beta = det > 0 ? (s1 * sxy - sx * sy) / det : 0, alpha = (sy - beta * sx) / s1;
            double sse = 0;
            for (int j = 0; j < n; j++) {
                double r = z[j] - alpha - beta * sig[j];
                sse += r * r;
            }
            double rms = 1e4 * Math.sqrt(sse / n);
            if (best == null || rms < best.rmsBp()) {
                best = new Fit(new DailyFund.StrikeRule(kind, Math.rint(m * 1e4) / 1e4), n, rms, 1e4 * alpha, beta,
                        Dates.format(md.day(a)), Dates.format(md.day(b)));
            }
        }
        return best;
    }
}
