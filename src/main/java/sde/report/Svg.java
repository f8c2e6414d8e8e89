package sde.report;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sde.results.Verdict;

/**
 * Inline SVG charts for the self-contained HTML report. Hand-written because the report
 * must open with no network and no JavaScript library; these few chart kinds are a page of code,
 * and a JVM charting library (JFreeChart) would only give us raster images to embed.
 */
public final class Svg {
    static final int W = 960, H = 260, L = 70, R = 20, T = 30, B = 30;

    private Svg() {}

    /** One line of a chart. */
    public record Series(String name, double[] y, String color) {}

    /** A shaded band between two curves (Monte Carlo percentiles). */
    public record Band(double[] lo, double[] hi, String color, double opacity) {}

    private static String f(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static StringBuilder open(String id, String title, int h) {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"chart\" id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W)
                .append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(W).append(' ').append(h).append("\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
                .append("<text x=\"").append(L).append("\" y=\"18\" font-size=\"14\" font-weight=\"bold\">").append(esc(title))
                        .append("</text>");
        return sb;
    }

    /** Lines over trading days (epoch days), optional bands behind them, year ticks below. */
    public static String lines(String id, String title, int[] days, List<Series> series, List<Band> bands, String unit) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) for (double v : s.y()) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        for (Band b : bands) for (int i = 0; i < days.length; i++) { lo = Math.min(lo, b.lo()[i]); hi = Math.max(hi, b.hi()[i]); }
        if (!(hi > lo)) { hi = lo + 1; }
        StringBuilder sb = open(id, title, H);
        axes(sb, days, lo, hi, unit, H);
        for (Band b : bands) {
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < days.length; i++) p.append(i == 0 ? "M" : "L").append(f(x(i,
                    days.length))).append(',').append(f(y(b.hi()[i], lo, hi, H)));
            for (int i = days.length - 1; i >= 0; i--) p.append('L').append(f(x(i, days.length))).append(',').append(f(y(b.lo()[i], lo, hi,
                    H)));
            sb.append("<path d=\"").append(p).append("Z\" fill=\"").append(b.color()).append("\" fill-opacity=\"").append(b.opacity())
                    .append("\" stroke=\"none\"/>");
        }
        int lx = L + 10;
        for (Series s : series) {
            StringBuilder p = new StringBuilder();
            boolean pen = false;   // a NaN lifts the pen: the line resumes at the next finite value
            for (int i = 0; i < days.length; i++) {
                if (!Double.isFinite(s.y()[i])) { pen = false; continue; }
                p.append(pen ? "L" : "M").append(f(x(i, days.length))).append(',').append(f(y(s.y()[i], lo, hi, H)));
                pen = true;
            }
            sb.append("<path d=\"").append(p).append("\" fill=\"none\" stroke=\"").append(s.color()).append("\" stroke-width=\"1.6\"/>");
            sb.append("<text x=\"").append(lx).append("\" y=\"").append(T
                    + 14).append("\" font-size=\"11\" fill=\"").append(s.color()).append("\">")
                    .append(esc(s.name())).append("</text>");
            lx += 12 + 7 * s.name().length();
        }
        return sb.append("</svg>").toString();
    }

    /** Drawdown (≤ 0, percent) as a filled area. */
    public static String drawdown(String id, String title, int[] days, double[] ddPct) {
        double lo = 0;
        for (double v : ddPct) lo = Math.min(lo, v);
        if (lo == 0) lo = -1;
        StringBuilder sb = open(id, title, H);
        axes(sb, days, lo, 0, "%", H);
        StringBuilder p = new StringBuilder("M").append(f(x(0, days.length))).append(',').append(f(y(0, lo, 0, H)));
        for (int i = 0; i < days.length; i++) p.append('L').append(f(x(i, days.length))).append(',').append(f(y(ddPct[i], lo, 0, H)));
        p.append('L').append(f(x(days.length - 1, days.length))).append(',').append(f(y(0, lo, 0, H))).append('Z');
        sb.append("<path d=\"").append(p).append("\" fill=\"#d62728\" fill-opacity=\"0.55\" stroke=\"#d62728\" stroke-width=\"1\"/>");
        return sb.append("</svg>").toString();
    }

    /** Years × months of returns in percent, red to green, the value written in each cell. */
    public static String heatmap(String id, String title, int[] years, double[][] pct) {
        int cw = 66, ch = 24, h = T + 20 + years.length * ch + 10;
        double m = 1e-9;
        for (double[] row : pct) for (double v : row) if (Double.isFinite(v)) m = Math.max(m, Math.abs(v));
        StringBuilder sb = open(id, title, h);
        String[] names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int c = 0; c < 12; c++) {
            sb.append("<text x=\"").append(L + c * cw + cw / 2).append("\" y=\"").append(T
                    + 12).append("\" font-size=\"11\" text-anchor=\"middle\">")
                    .append(names[c]).append("</text>");
        }
        for (int r = 0; r < years.length; r++) {
            int yy = T + 20 + r * ch;
            sb.append("<text x=\"").append(L - 8).append("\" y=\"").append(yy
                    + 16).append("\" font-size=\"11\" text-anchor=\"end\">").append(years[r]).append("</text>");
            for (int c = 0; c < 12; c++) {
                double v = pct[r][c];
                String fill = Double.isFinite(v) ? heat(v / m) : "#eeeeee";
                sb.append("<rect class=\"cell\" x=\"").append(L + c * cw).append("\" y=\"").append(yy).append("\" width=\"").append(cw - 2)
                        .append("\" height=\"").append(ch - 2).append("\" fill=\"").append(fill).append("\"/>");
                if (Double.isFinite(v)) {
                    sb.append("<text x=\"").append(L + c * cw + cw / 2).append("\" y=\"").append(yy
                            + 16).append("\" font-size=\"10\" text-anchor=\"middle\">")
                            .append(String.format(Locale.ROOT, "%.1f", v)).append("</text>");
                }
            }
        }
        return sb.append("</svg>").toString();
    }

    private static String heat(double t) {
        t = Math.max(-1, Math.min(1, t));
        int r, g, b;
        if (t < 0) { r = 255; g = (int) (255 * (1 + t * 0.75)); b = (int) (255 * (1 + t * 0.85)); }
        else { r = (int) (255 * (1 - t * 0.75)); g = 255 - (int) (t * 60); b = (int) (255 * (1 - t * 0.8)); }
        return String.format("#%02x%02x%02x", r, g, b);
    }

    /** A colored band per day (regimes), with a legend. */
    public static String timeline(String id, String title, int[] days, int[] label, String[] names, String[] colors) {
        int h = 110;
        StringBuilder sb = open(id, title, h);
        int n = days.length;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && label[j + 1] == label[i]) j++;
            double x0 = x(i, n), x1 = x(j + 1, n);
            sb.append("<rect x=\"").append(f(x0)).append("\" y=\"").append(T).append("\" width=\"").append(f(Math.max(0.5, x1 - x0)))
                    .append("\" height=\"34\" fill=\"").append(colors[label[i]]).append("\"/>");
            i = j + 1;
        }
        yearTicks(sb, days, T + 34, T + 48);
        int lx = L;
        for (int k = 0; k < names.length; k++) {
            sb.append("<rect x=\"").append(lx).append("\" y=\"").append(h - 16).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(colors[k]).append("\"/>")
                    .append("<text x=\"").append(lx
                            + 16).append("\" y=\"").append(h - 6).append("\" font-size=\"11\">").append(esc(names[k])).append("</text>");
            lx += 30 + 7 * names[k].length();
        }
        return sb.append("</svg>").toString();
    }

    /** Horizontal bars (per-strategy contribution), negative to the left. */
    public static String bars(String id, String title, List<String> names, double[] values, String unit) {
        int bh = 22, h = T + 10 + names.size() * bh + 10;
        double m = 1e-9;
        for (double v : values) m = Math.max(m, Math.abs(v));
        int mid = L + 200 + (W - L - 200 - R) / 2, half = (W - L - 200 - R) / 2 - 60;
        StringBuilder sb = open(id, title, h);
        sb.append("<line x1=\"").append(mid).append("\" y1=\"").append(T).append("\" x2=\"").append(mid).append("\" y2=\"").append(h - 10)
                .append("\" stroke=\"#888\"/>");
        for (int k = 0; k < names.size(); k++) {
            int yy = T + 10 + k * bh;
            double w = half * Math.abs(values[k]) / m;
            double x0 = values[k] >= 0 ? mid : mid - w;
            sb.append("<text x=\"").append(L).append("\" y=\"").append(yy
                    + 15).append("\" font-size=\"11\">").append(esc(names.get(k))).append("</text>")
                    .append("<rect class=\"bar\" x=\"").append(f(x0)).append("\" y=\"").append(yy
                            + 3).append("\" width=\"").append(f(Math.max(1, w)))
                    .append("\" height=\"").append(bh - 6).append("\" fill=\"").append(values[k] >= 0 ? "#2ca02c"
                            : "#d62728").append("\"/>")
                    .append("<text x=\"").append(f(values[k] >= 0 ? mid + w + 4 : mid - w - 4)).append("\" y=\"").append(yy + 15)
                    .append("\" font-size=\"11\" text-anchor=\"").append(values[k] >= 0 ? "start" : "end").append("\">")
                    .append(String.format(Locale.ROOT, "%,.0f%s", values[k], unit)).append("</text>");
        }
        return sb.append("</svg>").toString();
    }

    /** Points (x, y) with their labels, axes from the data. */
    public static String scatter(String id, String title, double[] xs, double[] ys, List<String> labels, String xName, String yName) {
        double x0 = 0, x1 = 1e-9, y0 = 0, y1 = 1;
        for (double v : xs) { x0 = Math.min(x0, v); x1 = Math.max(x1, v); }
        for (double v : ys) { y0 = Math.min(y0, v); y1 = Math.max(y1, v); }
        StringBuilder sb = open(id, title, H);
        int plotW = W - L - R;
        sb.append("<line x1=\"").append(L).append("\" y1=\"").append(H - B).append("\" x2=\"").append(W - R).append("\" y2=\"")
                .append(H - B).append("\" stroke=\"#444\"/>")
                .append("<line x1=\"").append(L).append("\" y1=\"").append(T).append("\" x2=\"").append(L).append("\" y2=\"").append(H - B)
                        .append("\" stroke=\"#444\"/>")
                .append("<text x=\"").append(W - R).append("\" y=\"").append(H - 4).append("\" font-size=\"11\" text-anchor=\"end\">")
                        .append(esc(xName))
                .append(String.format(Locale.ROOT, " (%.3f … %.3f)", x0, x1)).append("</text>")
                .append("<text x=\"").append(L + 4).append("\" y=\"").append(T + 10).append("\" font-size=\"11\">").append(esc(yName))
                .append(String.format(Locale.ROOT, " (%.2f … %.2f)", y0, y1)).append("</text>");
        double y70 = y(Verdict.ROBUST.threshold(), y0, y1, H);
        sb.append("<line x1=\"").append(L).append("\" y1=\"").append(f(y70)).append("\" x2=\"").append(W - R).append("\" y2=\"")
                .append(f(y70))
                .append("\" stroke=\"#2ca02c\" stroke-dasharray=\"4 3\"/><text x=\"").append(W - R).append("\" y=\"").append(f(y70 - 3))
                .append("\" font-size=\"10\" text-anchor=\"end\" fill=\"#2ca02c\">ROBUST ≥ ").append(String.format(Locale.ROOT, "%.2f",
                        Verdict.ROBUST.threshold())).append("</text>");
        for (int i = 0; i < xs.length; i++) {
            double px = L + plotW * (xs[i] - x0) / (x1 - x0), py = y(ys[i], y0, y1, H);
            sb.append("<circle class=\"point\" cx=\"").append(f(px)).append("\" cy=\"").append(f(py))
                    .append("\" r=\"5\" fill=\"#1f77b4\"><title>")
                    .append(esc(labels.get(i))).append("</title></circle>");
        }
        return sb.append("</svg>").toString();
    }

    /** A set of points of one chart, drawn as a line ({@code line}) or as dots. */
    public record Points(String name, double[] x, double[] y, String color, boolean line) {}

    /** A horizontal reference line (a goal) at {@code y}. */
    public record Ref(double y, String label, String color) {}

    /**
     * Points and lines on numeric axes, the x axis optionally logarithmic (best-so-far curves against
     * evaluations), with reference lines such as the goal's 200 % and 15 %.
     */
    public static String xy(String id, String title, List<Points> sets, List<Ref> refs, boolean logX, String xName, String yName) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Points p : sets) {
            for (int i = 0; i < p.x().length; i++) {
                double xv = logX ? Math.log10(Math.max(1, p.x()[i])) : p.x()[i];
                if (!Double.isFinite(xv) || !Double.isFinite(p.y()[i])) continue;
                x0 = Math.min(x0, xv); x1 = Math.max(x1, xv); y0 = Math.min(y0, p.y()[i]); y1 = Math.max(y1, p.y()[i]);
            }
        }
        for (Ref r : refs) { y0 = Math.min(y0, r.y()); y1 = Math.max(y1, r.y()); }
        if (!(x1 > x0)) { x0 = Double.isFinite(x0) ? x0 - 0.5 : 0; x1 = x0 + 1; }
        if (!(y1 > y0)) { y0 = Double.isFinite(y0) ? y0 - 0.5 : 0; y1 = y0 + 1; }
        double pad = 0.05 * (y1 - y0);
        y0 -= pad; y1 += pad;
        StringBuilder sb = open(id, title, H);
        int plotW = W - L - R;
        sb.append("<line x1=\"").append(L).append("\" y1=\"").append(H - B).append("\" x2=\"").append(W - R).append("\" y2=\"")
                .append(H - B).append("\" stroke=\"#444\"/>");
        for (int k = 0; k <= 4; k++) {
            double v = y0 + (y1 - y0) * k / 4, yy = y(v, y0, y1, H);
            sb.append("<line x1=\"").append(L).append("\" y1=\"").append(f(yy)).append("\" x2=\"").append(W - R).append("\" y2=\"")
                    .append(f(yy))
                    .append("\" stroke=\"#e5e5e5\"/><text x=\"").append(L - 6).append("\" y=\"").append(f(yy
                            + 4)).append("\" font-size=\"10\" text-anchor=\"end\">")
                    .append(String.format(Locale.ROOT, Math.abs(y1 - y0) >= 100 ? "%,.0f" : "%.3g", v)).append("</text>");
        }
        for (int k = 0; k <= 4; k++) {
            double v = x0 + (x1 - x0) * k / 4, xx = L + plotW * (v - x0) / (x1 - x0);
            sb.append("<text x=\"").append(f(xx)).append("\" y=\"").append(H - B + 14).append("\" font-size=\"10\" text-anchor=\"middle\">")
                    .append(logX ? String.format(Locale.ROOT, "%,.0f", Math.pow(10, v)) : String.format(Locale.ROOT,
                            Math.abs(x1 - x0) >= 100 ? "%,.0f" : "%.3g", v))
                    .append("</text>");
        }
        sb.append("<text x=\"").append(W - R).append("\" y=\"").append(H - 2).append("\" font-size=\"11\" text-anchor=\"end\">")
                .append(esc(xName))
                .append(logX ? " (log scale)" : "").append("</text><text x=\"").append(L + 4).append("\" y=\"").append(T + 10)
                .append("\" font-size=\"11\">").append(esc(yName)).append("</text>");
        for (Ref r : refs) {
            double yy = y(r.y(), y0, y1, H);
            sb.append("<line class=\"goal\" x1=\"").append(L).append("\" y1=\"").append(f(yy)).append("\" x2=\"").append(W - R)
                    .append("\" y2=\"").append(f(yy))
                    .append("\" stroke=\"").append(r.color()).append("\" stroke-dasharray=\"4 3\"/><text x=\"").append(W - R)
                            .append("\" y=\"").append(f(yy - 3))
                    .append("\" font-size=\"10\" text-anchor=\"end\" fill=\"").append(r.color()).append("\">").append(esc(r.label()))
                            .append("</text>");
        }
        int lx = L + 10;
        for (Points p : sets) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < p.x().length; i++) {
                double xv = logX ? Math.log10(Math.max(1, p.x()[i])) : p.x()[i];
                if (!Double.isFinite(xv) || !Double.isFinite(p.y()[i])) continue;
                double px = L + plotW * (xv - x0) / (x1 - x0), py = y(p.y()[i], y0, y1, H);
                if (p.line()) {
                    path.append(path.length() == 0 ? "M" : "L").append(f(px)).append(',').append(f(py));
                } else {
                    sb.append("<circle class=\"point\" cx=\"").append(f(px)).append("\" cy=\"").append(f(py))
                            .append("\" r=\"2.5\" fill=\"").append(p.color())
                            .append("\" fill-opacity=\"0.6\"/>");
                }
            }
            if (p.line() && path.length() > 0) {
                sb.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(p.color())
                        .append("\" stroke-width=\"1.6\"/>");
            }
            if (p.name() != null && !p.name().isEmpty()) {
                sb.append("<text x=\"").append(lx).append("\" y=\"").append(T
                        + 24).append("\" font-size=\"11\" fill=\"").append(p.color()).append("\">")
                        .append(esc(p.name())).append("</text>");
                lx += 12 + 7 * p.name().length();
            }
        }
        return sb.append("</svg>").toString();
    }

    /**
     * Parallel coordinates: one vertical axis per parameter, each scaled to its own range, and one
     * line per row, darker the better its score (Optuna's dashboard view of the top trials).
     */
    public static String parallel(String id, String title, List<String> axes, double[][] rows, double[] score) {
        int h = 320;
        StringBuilder sb = open(id, title, h);
        int n = axes.size();
        double[] lo = new double[n], hi = new double[n];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] r : rows) for (int a = 0; a < n; a++) { lo[a] = Math.min(lo[a], r[a]); hi[a] = Math.max(hi[a], r[a]); }
        double s0 = Double.POSITIVE_INFINITY, s1 = Double.NEGATIVE_INFINITY;
        for (double v : score) { s0 = Math.min(s0, v); s1 = Math.max(s1, v); }
        double step = n <= 1 ? 0 : (double) (W - L - R - 40) / (n - 1);
        for (int a = 0; a < n; a++) {
            double xx = L + 20 + a * step;
            sb.append("<line x1=\"").append(f(xx)).append("\" y1=\"").append(T
                    + 10).append("\" x2=\"").append(f(xx)).append("\" y2=\"").append(h - B - 10)
                    .append("\" stroke=\"#444\"/><text x=\"").append(f(xx)).append("\" y=\"").append(h - B
                            + 6).append("\" font-size=\"10\" text-anchor=\"middle\">")
                    .append(esc(axes.get(a))).append("</text><text x=\"").append(f(xx + 3)).append("\" y=\"").append(T
                            + 8).append("\" font-size=\"9\">")
                    .append(String.format(Locale.ROOT, "%.3g",
                            hi[a])).append("</text><text x=\"").append(f(xx + 3)).append("\" y=\"").append(h - B - 2)
                    .append("\" font-size=\"9\">").append(String.format(Locale.ROOT, "%.3g", lo[a])).append("</text>");
        }
        for (int k = rows.length - 1; k >= 0; k--) {
            StringBuilder p = new StringBuilder();
            for (int a = 0; a < n; a++) {
                double t = hi[a] > lo[a] ? (rows[k][a] - lo[a]) / (hi[a] - lo[a]) : 0.5;
                p.append(a == 0 ? "M" : "L").append(f(L + 20 + a * step)).append(',').append(f(T + 10 + (h - B - 20 - T) * (1 - t)));
            }
            double q = s1 > s0 ? (score[k] - s0) / (s1 - s0) : 1;
            sb.append("<path class=\"trial\" d=\"").append(p).append("\" fill=\"none\" stroke=\"#1f77b4\" stroke-opacity=\"")
                    .append(String.format(Locale.ROOT, "%.2f", 0.15 + 0.85 * q)).append("\" stroke-width=\"1.2\"/>");
        }
        return sb.append("</svg>").toString();
    }

    // ---- axes ---------------------------------------------------------------------------------------

    private static double x(int i, int n) { return L + (W - L - R) * (n <= 1 ? 0 : (double) i / (n - 1)); }

    private static double y(double v, double lo, double hi, int h) { return T + (h - T - B) * (1 - (v - lo) / (hi - lo)); }

    private static void axes(StringBuilder sb, int[] days, double lo, double hi, String unit, int h) {
        sb.append("<line x1=\"").append(L).append("\" y1=\"").append(h - B).append("\" x2=\"").append(W - R).append("\" y2=\"")
                .append(h - B).append("\" stroke=\"#444\"/>");
        for (int k = 0; k <= 4; k++) {
            double v = lo + (hi - lo) * k / 4, yy = y(v, lo, hi, h);
            sb.append("<line x1=\"").append(L).append("\" y1=\"").append(f(yy)).append("\" x2=\"").append(W - R).append("\" y2=\"")
                    .append(f(yy))
                    .append("\" stroke=\"#e5e5e5\"/><text x=\"").append(L - 6).append("\" y=\"").append(f(yy
                            + 4)).append("\" font-size=\"10\" text-anchor=\"end\">")
                    .append(String.format(Locale.ROOT, Math.abs(hi - lo) >= 100 ? "%,.0f%s" : "%.1f%s", v, unit)).append("</text>");
        }
        yearTicks(sb, days, h - B, h - B + 14);
    }

    /** A tick and label where each year starts (the first session's own year only if it is not about to end). */
    private static void yearTicks(StringBuilder sb, int[] days, int y0, int yText) {
        for (int i = 0; i < days.length; i++) {
            int yr = LocalDate.ofEpochDay(days[i]).getYear();
            boolean starts = i == 0 ? days.length < 2 || LocalDate.ofEpochDay(days[Math.min(5, days.length - 1)]).getYear() == yr
                    : yr != LocalDate.ofEpochDay(days[i - 1]).getYear();
            if (!starts) continue;
            double xx = x(i, days.length);
            sb.append("<line x1=\"").append(f(xx)).append("\" y1=\"").append(y0).append("\" x2=\"").append(f(xx)).append("\" y2=\"")
                    .append(y0 + 4)
                    .append("\" stroke=\"#444\"/><text x=\"").append(f(xx
                            + 2)).append("\" y=\"").append(yText).append("\" font-size=\"10\">").append(yr).append("</text>");
        }
    }
}
