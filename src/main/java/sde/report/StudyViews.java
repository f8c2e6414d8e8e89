package sde.report;

import com.fasterxml.jackson.databind.JsonNode;
import sde.io.Json;
import sde.results.CeilingFile;
import sde.results.LeaderboardRow;
import sde.results.YearFigures;
import sde.results.StudyTrial;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The study views of the report and the notebooks, with Optuna's dashboard as
 * the anchor: the optimization history (each trial's train score in the order it ran, and the best
 * so far), parameter importance, slice plots of the score against the most important parameters,
 * parallel coordinates of the top trials, and each year's return and drawdown of the best rows
 * against the goal's 200 % and 15 % lines; with a daemon's ceiling.json, its best-so-far curves
 * against evaluations (log scale) and the Calmar ratios against 13.3.
 *
 * <p>Importance is the correlation ratio η² of the train score on each parameter (the share of
 * the score's variance between {@value #BINS} quantile bins of the parameter, or its distinct
 * values when it has fewer), normalised to sum to 1. It is a main-effect measure: Optuna's default,
 * fANOVA, also credits interactions, which η² leaves out.
 */
final class StudyViews {
    static final int BINS = 10, SLICES = 6, PARALLEL_TOP = 50, PARALLEL_AXES = 8, YEAR_ROWS = 10;

    /** The views' HTML, and the CSV files notebooks read (report/data/trials.csv, importance.csv). */
    record Written(String html, String trialsCsv, String importanceCsv) {}

    /** A parameter's values over the trials, by its path in the params file (strategy id, then key). */
    record Column(String name, double[] values) {}

    private StudyViews() {}

    static Written of(List<StudyTrial> trials, List<LeaderboardRow> best, CeilingFile ceiling) {
        StringBuilder html = new StringBuilder();
        List<Column> cols = columns(trials);
        double[] score = trials.stream().mapToDouble(StudyTrial::fitness).toArray();
        Map<String, Double> importance = importance(cols, score);
        if (!trials.isEmpty()) {
            html.append("<h2>Study: optimization history</h2>\n<p class=\"note\">").append(trials.size())
                    .append(" trials (a sample spread over every generation when the study holds more), in the order they ran; the line "
                            + "is the best so far.</p>\n");
            double[] order = new double[trials.size()], bestSoFar = new double[trials.size()];
            double b = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < trials.size(); i++) {
                order[i] = i + 1;
                b = Math.max(b, score[i]);
                bestSoFar[i] = b;
            }
            html.append(Svg.xy("history", "Train score by trial", List.of(new Svg.Points("trials", order, score, "#9ecae1", false),
                    new Svg.Points("best so far", order, bestSoFar, "#d62728", true)), List.of(), false, "trial",
                            "train score")).append('\n');
            html.append("<h2>Study: parameter importance</h2>\n<p class=\"note\">Correlation ratio η² of the train score on each "
                    + "parameter (")
                    .append(BINS).append(" quantile bins), normalised to sum to 1: main effects only (Optuna's default, fANOVA, also "
                            + "credits interactions).</p>\n");
            List<String> names = new ArrayList<>(importance.keySet());
            html.append(Svg.bars("importance", "Parameter importance (η², share)", names, importance.values().stream().mapToDouble(v ->
                    100 * v).toArray(), " %"))
                    .append('\n');
            html.append("<h2>Study: slices</h2>\n");
            Map<String, Column> byName = new LinkedHashMap<>();
            for (Column c : cols) byName.put(c.name(), c);
            for (String n : names.subList(0, Math.min(SLICES, names.size()))) {
                html.append(Svg.xy("slice-" + slug(n), "Train score against " + n, List.of(new Svg.Points("", byName.get(n).values(),
                        score, "#1f77b4", false)),
                        List.of(), false, n, "train score")).append('\n');
            }
            List<String> axes = new ArrayList<>(names.subList(0, Math.min(PARALLEL_AXES, names.size())));
            Integer[] idx = new Integer[trials.size()];
            for (int i = 0; i < idx.length; i++) idx[i] = i;
            Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -score[i]));
            int n = Math.min(PARALLEL_TOP, idx.length);
            double[][] rows = new double[n][axes.size() + 1];
            double[] s = new double[n];
            for (int k = 0; k < n; k++) {
                for (int a = 0; a < axes.size(); a++) rows[k][a] = byName.get(axes.get(a)).values()[idx[k]];
                rows[k][axes.size()] = score[idx[k]];
                s[k] = score[idx[k]];
            }
            List<String> withScore = new ArrayList<>(axes);
            withScore.add("train score");
            html.append("<h2>Study: parallel coordinates</h2>\n<p class=\"note\">The top ").append(n)
                    .append(" trials by train score over the most important parameters; darker is better.</p>\n")
                    .append(Svg.parallel("parallel", "Top trials", withScore, rows, s)).append('\n');
        }
        yearsAgainstGoal(best, html);
        if (ceiling != null) ceiling(ceiling, html);
        return new Written(html.toString(), trialsCsv(trials, cols), importanceCsv(importance));
    }

    /** Each year's return and drawdown of the best rows, against the 200 % and 15 % the goal needs every year. */
    private static void yearsAgainstGoal(List<LeaderboardRow> best, StringBuilder html) {
        List<Svg.Points> ret = new ArrayList<>(), dd = new ArrayList<>();
        String[] colors = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#d62728"};
        int k = 0;
        for (LeaderboardRow r : best.subList(0, Math.min(YEAR_ROWS, best.size()))) {
            if (r.years() == null || r.years().isEmpty()) continue;
            double[] x = r.years().stream().mapToDouble(YearFigures::year).toArray();
            String c = colors[k++ % colors.length];
            ret.add(new Svg.Points(k == 1 ? r.id() : "", x, r.years().stream().mapToDouble(YearFigures::returnPct).toArray(), c, true));
            dd.add(new Svg.Points(k == 1 ? r.id() : "", x, r.years().stream().mapToDouble(YearFigures::maxDdPct).toArray(), c, true));
        }
        if (ret.isEmpty()) return;
        html.append("<h2>Each year against the goal</h2>\n<p class=\"note\">The top ").append(ret.size())
                .append(" rows' return and max drawdown per year (the train years only for a sweep's rows); the goal is at least 200 % "
                        + "and at most 15 % in every year.</p>\n");
        html.append(Svg.xy("years-return", "Return % per year", ret, List.of(new Svg.Ref(200, "goal ≥ 200 %", "#2ca02c")), false, "year",
                "return %")).append('\n');
        html.append(Svg.xy("years-drawdown", "Max drawdown % per year", dd, List.of(new Svg.Ref(15, "goal ≤ 15 %", "#d62728")), false,
                "year", "max DD %")).append('\n');
    }

    private static void ceiling(CeilingFile c, StringBuilder html) {
        html.append("<h2>Ceiling: best so far against evaluations</h2>\n<p class=\"note\">The daemon stopped: ").append(Svg.esc(c.reason()))
                .append(". Each study's best train score against its own evaluations (log scale); a restart NAME_rK starts its own "
                        + "curve.</p>\n");
        String[] colors = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#d62728"};
        Map<String, List<Svg.Points>> byRung = new TreeMap<>();
        for (CeilingFile.Curve cv : c.curves() == null ? List.<CeilingFile.Curve>of() : c.curves()) {
            List<Svg.Points> ps = byRung.computeIfAbsent(String.valueOf(cv.rung()), r -> new ArrayList<>());
            double[] x = cv.points().stream().mapToDouble(p -> p[0]).toArray(), y = cv.points().stream().mapToDouble(p -> p[1]).toArray();
            ps.add(new Svg.Points(ps.size() < 6 ? cv.study() : "", x, y, colors[ps.size() % colors.length], true));
        }
        byRung.forEach((rung, ps) -> html.append(Svg.xy("curves-" + slug(rung), "Best so far, " + rung.toLowerCase(Locale.ROOT) + " rung",
                ps, List.of(),
                true, "evaluations", "best train score")).append('\n'));
        if (c.calmar() != null && !c.calmar().isEmpty()) {
            html.append(String.format(Locale.ROOT,
                    "<table id=\"calmar\"><tr><th class=\"l\">rung</th><th class=\"l\">result</th><th>year</th><th>return %%</th>"
                    + "<th>max DD %%</th><th>Calmar</th><th>of goal (%.1f)</th></tr>%n", CeilingFile.GOAL_CALMAR));
            for (CeilingFile.CalmarYear y : c.calmar()) {
                html.append(String.format(Locale.ROOT,
                        "<tr><td class=\"l\">%s</td><td "
                                + "class=\"l\">%s%s</td><td>%d</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.3f</td></tr>%n",
                        Svg.esc(y.rung()), Svg.esc(y.id()), y.robust() ? "" : " (not ROBUST)", y.year(), y.returnPct(), y.maxDdPct(),
                                y.calmar(), y.ofGoal()));
            }
            html.append("</table>\n");
        }
    }

    /**
     * Every numeric, boolean or text leaf of the trials' params files (the backtest block aside),
     * named by its path, with the strategies named by their id; text becomes its index among the
     * values seen. Leaves that never vary are dropped: they were not searched.
     */
    static List<Column> columns(List<StudyTrial> trials) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> codes = new LinkedHashMap<>();
        for (int i = 0; i < trials.size(); i++) {
            Map<String, Object> leaves = new LinkedHashMap<>();
            flatten("", tree(trials.get(i)), leaves);
            for (Map.Entry<String, Object> e : leaves.entrySet()) {
                double[] c = cols.computeIfAbsent(e.getKey(), k -> {
                    double[] a = new double[trials.size()];
                    Arrays.fill(a, Double.NaN);
                    return a;
                });
                Object v = e.getValue();
                c[i] = v instanceof Double d ? d : codes.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>())
                        .computeIfAbsent((String) v, t -> codes.get(e.getKey()).size());
            }
        }
        List<Column> out = new ArrayList<>();
        cols.forEach((name, v) -> {
            double lo = Arrays.stream(v).filter(Double::isFinite).min().orElse(0),
                    hi = Arrays.stream(v).filter(Double::isFinite).max().orElse(0);
            if (hi > lo) out.add(new Column(name, v));
        });
        return out;
    }

    private static JsonNode tree(StudyTrial t) {
        try {
            return Json.MAPPER.readTree(t.params());
        } catch (IOException e) {
            throw new IllegalArgumentException(t.study() + " trial " + t.id() + ": unreadable params JSON", e);
        }
    }

    private static void flatten(String prefix, JsonNode n, Map<String, Object> out) {
        if (n == null || n.isNull()) return;
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (prefix.isEmpty() && (e.getKey().equals("backtest") || e.getKey().equals("from") || e.getKey().equals("to"))) return;
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            });
        } else if (n.isArray()) {
            for (int k = 0; k < n.size(); k++) {
                JsonNode el = n.get(k);
                String key = el.hasNonNull("id") ? el.get("id").asText() : String.valueOf(k);
                if (el.isObject() && el.has("params")) {
                    // A strategy: its weight and its params, under its id.
                    flatten(key + ".weight", el.get("weight"), out);
                    flatten(key, el.get("params"), out);
                } else {
                    flatten(prefix.isEmpty() ? key : prefix + "." + key, el, out);
                }
            }
        } else if (n.isNumber()) {
            out.put(prefix, n.asDouble());
        } else if (n.isBoolean()) {
            out.put(prefix, n.asBoolean() ? 1.0 : 0.0);
        } else if (n.isTextual()) {
            out.put(prefix, n.asText());
        }
    }

    /** η² of the score on each column, normalised to sum to 1, most important first. */
    static Map<String, Double> importance(List<Column> cols, double[] score) {
        Map<String, Double> raw = new LinkedHashMap<>();
        for (Column c : cols) raw.put(c.name(), eta2(c.values(), score));
        double sum = raw.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        raw.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), sum > 0 ? e.getValue() / sum : 0));
        return out;
    }

    /** The share of the score's variance between the bins of x: quantile bins, or its distinct values when it has at most BINS. */
    static double eta2(double[] x, double[] score) {
        int n = 0;
        for (int i = 0; i < x.length; i++) if (Double.isFinite(x[i]) && Double.isFinite(score[i])) n++;
        if (n < 2) return 0;
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0, k = 0; i < x.length; i++) if (Double.isFinite(x[i])
                && Double.isFinite(score[i])) { xs[k] = x[i]; ys[k++] = score[i]; }
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        long distinct = Arrays.stream(sorted).distinct().count();
        double[] edges = distinct <= BINS ? Arrays.stream(sorted).distinct().toArray() : new double[BINS - 1];
        if (distinct > BINS) for (int b = 1; b < BINS; b++) edges[b - 1] = sorted[(int) ((long) b * n / BINS)];
        Map<Integer, double[]> groups = new TreeMap<>();   // bin -> {count, sum}
        double mean = 0;
        for (int k = 0; k < n; k++) {
            int bin = distinct <= BINS ? Arrays.binarySearch(edges, xs[k]) : upper(edges, xs[k]);
            double[] g = groups.computeIfAbsent(bin, q -> new double[2]);
            g[0]++;
            g[1] += ys[k];
            mean += ys[k] / n;
        }
        double total = 0, between = 0;
        for (int k = 0; k < n; k++) total += (ys[k] - mean) * (ys[k] - mean);
        for (double[] g : groups.values()) between += g[0] * Math.pow(g[1] / g[0] - mean, 2);
        // A score that does not vary (up to rounding in the mean) has nothing to explain.
        return total > 1e-24 * n * Math.max(1, mean * mean) ? Math.min(1, between / total) : 0;
    }

    private static int upper(double[] edges, double v) {
        int b = 0;
        while (b < edges.length && v >= edges[b]) b++;
        return b;
    }

    private static String trialsCsv(List<StudyTrial> trials, List<Column> cols) {
        StringBuilder sb = new StringBuilder("study,generation,id,train_score");
        for (Column c : cols) sb.append(',').append(c.name());
        sb.append('\n');
        for (int i = 0; i < trials.size(); i++) {
            StudyTrial t = trials.get(i);
            sb.append(t.study()).append(',').append(t.generation()).append(',').append(t.id()).append(',').append(t.fitness());
            for (Column c : cols) sb.append(',').append(Double.isFinite(c.values()[i]) ? String.valueOf(c.values()[i]) : "");
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String importanceCsv(Map<String, Double> importance) {
        StringBuilder sb = new StringBuilder("parameter,importance\n");
        importance.forEach((k, v) -> sb.append(k).append(',').append(v).append('\n'));
        return sb.toString();
    }

    private static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
    }
}
