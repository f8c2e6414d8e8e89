package sde.report;

import sde.data.Dates;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import sde.io.Json;
import sde.io.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's section on the option model against the real market: for each index in
 * OUT/benchmarks.json (written by `jobs/sde benchmark`), the replica against the index level and the
 * per-year table. Without that file the section says how to make it.
 */
final class BenchmarkFigures {
    private BenchmarkFigures() {}

    /** What the report reads of benchmarks.json: each index's figures, year by year. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(List<Index> indices) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Index(String index, String description, boolean compared, List<Year> years, Double monthlyCorr, Double trackingErrorPp) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Year(int year, boolean partial, Double replicaReturnPct, Double indexReturnPct, Double errorPp) {}

    static String section(Location out) {
        StringBuilder h = new StringBuilder("<h2>The option model against the real market</h2>");
        File doc = Json.readAs(out.resolve("benchmarks.json"), File.class);
        if (doc == null || doc.indices() == null) {
            return h.append("<p class=\"note\">No benchmark replicas here: run <code>jobs/sde benchmark --out ")
                    .append(Svg.esc(out.toString()))
                    .append("</code> to compare the model with Cboe's PUT and BXM (docs/benchmarks.md).</p>").toString();
        }
        h.append("<p class=\"note\">Replicas of the Cboe strategy indices on SPY, and of the QYLD and RYLD covered-call funds on QQQ"
                + " and IWM, under the option model, through the engine's fills. The train years 2020–2022 fitted the surface; 2023 on is"
                + " out of sample.</p>");
        for (Index r : doc.indices()) {
            String name = r.index();
            String csv = out.resolve("benchmarks").resolve(name + ".csv").read().orElse(null);
            if (csv == null) continue;
            double[][] levels = levels(csv);
            int[] days = new int[levels[0].length];
            for (int i = 0; i < days.length; i++) days[i] = (int) levels[0][i];
            List<Svg.Series> series = new ArrayList<>(List.of(new Svg.Series("replica under the model", levels[1], "#1f77b4")));
            if (r.compared()) series.add(new Svg.Series(name + " (real)", levels[2], "#d62728"));
            h.append(Svg.lines("bench_" + name, name + ": " + r.description(), days, series, List.of(), ""));
            h.append("<table id=\"bench_table_").append(Svg.esc(name))
                    .append("\"><tr><th>year</th><th>replica %</th><th>index %</th><th>error pp</th></tr>");
            for (Year y : r.years() == null ? List.<Year>of() : r.years()) {
                h.append("<tr><td>").append(y.year()).append(y.partial() ? " (to date)" : "").append("</td><td>")
                        .append(num(y.replicaReturnPct())).append("</td><td>").append(num(y.indexReturnPct())).append("</td><td>")
                        .append(num(y.errorPp())).append("</td></tr>");
            }
            h.append("</table>");
            if (r.compared()) {
                h.append(String.format(Locale.ROOT, "<p class=\"note\">Monthly-return correlation %s, tracking error %s pp a year.</p>",
                        num(r.monthlyCorr()), num(r.trackingErrorPp())));
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

    private static String num(Double x) {
        return x == null || x.isNaN() ? "-" : String.format(Locale.ROOT, "%.2f", x);
    }
}
