package sde.report;

import sde.data.Dates;
import sde.io.Json;
import sde.io.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's section on the option model against the real market: for each index in
 * OUT/benchmarks.json (written by `jobs/sde benchmark`), the replica against the index level and the
 * per-year table. Without that file the section says how to make it.
 */
final class BenchmarkFigures {
    private BenchmarkFigures() {}

    @SuppressWarnings("unchecked")
    static String section(Location out) {
        StringBuilder h = new StringBuilder("<h2>The option model against the real market</h2>");
        Map<String, Object> doc = Json.readMap(out.resolve("benchmarks.json"));
        if (doc == null || !(doc.get("indices") instanceof List<?> indices)) {
            return h.append("<p class=\"note\">No benchmark replicas here: run <code>jobs/sde benchmark --out ").append(Svg.esc(out.toString()))
                    .append("</code> to compare the model with Cboe's PUT and BXM (docs/benchmarks.md).</p>").toString();
        }
        h.append("<p class=\"note\">Replicas of the Cboe strategy indices on SPY under the option model, through the engine's fills. "
                + "The train years 2020–2022 fitted the surface; 2023 on is out of sample.</p>");
        for (Object o : indices) {
            Map<String, Object> r = (Map<String, Object>) o;
            String name = String.valueOf(r.get("index"));
            String csv = out.resolve("benchmarks").resolve(name + ".csv").read().orElse(null);
            if (csv == null) continue;
            double[][] levels = levels(csv);
            int[] days = new int[levels[0].length];
            for (int i = 0; i < days.length; i++) days[i] = (int) levels[0][i];
            boolean compared = Boolean.TRUE.equals(r.get("compared"));
            List<Svg.Series> series = new ArrayList<>(List.of(new Svg.Series("replica on SPY", levels[1], "#1f77b4")));
            if (compared) series.add(new Svg.Series(name + " (Cboe)", levels[2], "#d62728"));
            h.append(Svg.lines("bench_" + name, name + ": " + r.get("description"), days, series, List.of(), ""));
            h.append("<table id=\"bench_table_").append(Svg.esc(name)).append("\"><tr><th>year</th><th>replica %</th><th>index %</th><th>error pp</th></tr>");
            for (Object yo : (List<Object>) r.get("years")) {
                Map<String, Object> y = (Map<String, Object>) yo;
                h.append("<tr><td>").append(y.get("year")).append(Boolean.TRUE.equals(y.get("partial")) ? " (to date)" : "").append("</td><td>")
                        .append(num(y.get("replica_return_pct"))).append("</td><td>").append(num(y.get("index_return_pct"))).append("</td><td>")
                        .append(num(y.get("error_pp"))).append("</td></tr>");
            }
            h.append("</table>");
            if (compared) {
                h.append(String.format(Locale.ROOT, "<p class=\"note\">Monthly-return correlation %s, tracking error %s pp a year.</p>",
                        num(r.get("monthly_corr")), num(r.get("tracking_error_pp"))));
            } else {
                h.append("<p class=\"note\">Replicated only: this data folder has no ").append(Svg.esc(name)).append(" levels.</p>");
            }
        }
        return h.toString();
    }

    /** {epoch days, replica, index (NaN where blank)} from a benchmarks/NAME.csv. */
    private static double[][] levels(String csv) {
        List<String> lines = csv.lines().toList();
        int n = lines.size() - 1;
        double[][] out = new double[3][n];
        for (int i = 0; i < n; i++) {
            String[] c = lines.get(i + 1).split(",", -1);
            out[0][i] = Dates.of(c[0]);
            out[1][i] = Double.parseDouble(c[1]);
            out[2][i] = c[2].isEmpty() ? Double.NaN : Double.parseDouble(c[2]);
        }
        return out;
    }

    private static String num(Object o) {
        return o instanceof Number x ? String.format(Locale.ROOT, "%.2f", x.doubleValue()) : "-";
    }
}
