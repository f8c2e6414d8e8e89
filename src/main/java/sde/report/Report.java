package sde.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import sde.backtest.Engine;
import sde.backtest.RunResult;
import sde.backtest.RunSpec;
import sde.data.Dates;
import sde.data.MarketData;
import sde.io.Json;
import sde.io.Location;
import sde.regime.Regime;
import sde.regime.RegimeClassifier;
import sde.regime.RegimeSettings;
import sde.validate.MonteCarlo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The results report (issue 10 item 3): one self-contained HTML file, OUT/report/index.html, with
 * the leaderboard, the gate's verdicts, and for the chosen run (the best by default) its equity with
 * Monte Carlo bands, drawdown, monthly heatmap, per-strategy contribution and regime timeline; plus
 * OUT/report/data/*.csv, the same figures for notebooks. Runs are replayed from their params (SPEC
 * §7), so the report needs only the leaderboard and the data.
 */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String[] REGIME_COLORS = {"#7f0000", "#d62728", "#ff9896", "#2ca02c", "#aec7e8", "#c7c7c7"};

    /** What to report: the output folder, an optional study name, the chosen id (null: the best), how many rows, MC paths. */
    public record Request(Location out, String study, String id, int top, int mcPaths, double mcMeanBlock, long seed) {}

    private final MarketData md;
    private final RegimeSettings regimes;
    private final Engine engine;
    private final Function<com.fasterxml.jackson.databind.JsonNode, RunSpec> specOf;

    public Report(MarketData md, RegimeSettings regimes, Engine engine,
                  Function<com.fasterxml.jackson.databind.JsonNode, RunSpec> specOf) {
        this.md = md;
        this.regimes = regimes;
        this.engine = engine;
        this.specOf = specOf;
    }

    /** Writes the report; returns index.html. */
    public Location write(Request q) {
        List<Map<String, Object>> rows = rows(q.out(), q.study());
        if (rows.isEmpty()) throw new IllegalArgumentException(q.out() + ": no leaderboard rows" + (q.study() == null ? "" : " for study " + q.study())
                + " (run `jobs/sde sweep` or `jobs/sde daemon` first)");
        Map<String, Map<String, Object>> verdicts = verdicts(q.out());
        Map<String, Object> chosen = q.id() == null ? rows.get(0)
                : rows.stream().filter(r -> q.id().equals(r.get("id"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--id " + q.id() + ": not in the leaderboard of " + q.out()));
        List<Map<String, Object>> top = new ArrayList<>(rows.subList(0, Math.min(q.top(), rows.size())));
        if (!top.contains(chosen)) top.add(chosen);

        Location dir = q.out().resolve("report");
        Location data = dir.resolve("data");
        int[] labels = ordinals(RegimeClassifier.classify(md, regimes).label());
        Map<String, RunResult> runs = new LinkedHashMap<>();
        for (Map<String, Object> r : top) {
            RunResult run = replay(r);
            runs.put((String) r.get("id"), run);
            data.resolve("equity_" + r.get("id") + ".csv").write(equityCsv(run, labels));
            data.resolve("monthly_" + r.get("id") + ".csv").write(monthlyCsv(run));
        }
        data.resolve("verdicts.csv").write(verdictsCsv(verdicts));
        data.resolve("regimes.csv").write(regimesCsv(labels));

        RunResult run = runs.get((String) chosen.get("id"));
        double[] ret = dailyReturns(run.equity());
        double[][] bands = MonteCarlo.bands(ret, run.equity()[0], q.mcMeanBlock(), q.seed(), q.mcPaths());
        String html = html(q, rows, top, verdicts, chosen, run, bands, labels);
        Location index = dir.resolve("index.html");
        index.write(html);
        return index;
    }

    // ---- inputs ------------------------------------------------------------------------------------

    /** The leaderboard rows of OUT (a sweep's leaderboard.json, or a daemon's over all studies), best first. */
    static List<Map<String, Object>> rows(Location out, String study) {
        List<Map<String, Object>> rows = new ArrayList<>(Json.readList(out.resolve("leaderboard.json")));
        if (study != null) {
            Location own = out.resolve("studies").resolve(study).resolve("leaderboard.json");
            if (own.isFile()) return Json.readList(own);
            boolean tagged = rows.stream().anyMatch(r -> r.containsKey("study"));
            if (tagged) rows.removeIf(r -> !study.equals(r.get("study")));
            else {
                Map<String, Object> state = Json.readMap(out.resolve("optimization_state.json"));
                if (state != null && !study.equals(state.get("study"))) rows.clear();
            }
        }
        return rows;
    }

    static Map<String, Map<String, Object>> verdicts(Location out) {
        Map<String, Map<String, Object>> v = new LinkedHashMap<>();
        List<Location> dirs = new ArrayList<>(List.of(out.resolve("validations")));
        for (Location d : out.resolve("studies").children()) dirs.add(d.resolve("validations"));
        for (Location d : dirs) {
            for (Location f : d.children()) {
                String name = f.name();
                if (!name.endsWith(".json") || name.endsWith(".final.json")) continue;
                Map<String, Object> m = Json.readSnakeMap(f);
                if (m != null && m.get("id") != null && m.get("overfit_score") != null) v.put((String) m.get("id"), m);
            }
        }
        return v;
    }

    private RunResult replay(Map<String, Object> row) {
        RunSpec spec = specOf.apply(JSON.valueToTree(row.get("params")));
        return engine.run(spec);
    }

    private static int[] ordinals(Regime[] r) {
        int[] o = new int[r.length];
        for (int i = 0; i < r.length; i++) o[i] = r[i].ordinal();
        return o;
    }

    // ---- figures -----------------------------------------------------------------------------------

    static double[] dailyReturns(double[] equity) {
        double[] r = new double[equity.length - 1];
        for (int i = 1; i < equity.length; i++) r[i - 1] = sde.metrics.Metrics.dailyReturn(equity[i - 1], equity[i]);
        return r;
    }

    static double[] drawdownPct(double[] equity) {
        double[] dd = new double[equity.length];
        double peak = equity[0];
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = 100 * (equity[i] / peak - 1);
        }
        return dd;
    }

    /** Month-end to month-end returns in percent, [year][month], NaN where the run does not cover. */
    static double[][] monthly(int[] days, double[] equity, int[] years) {
        double[][] out = new double[years.length][12];
        for (double[] row : out) java.util.Arrays.fill(row, Double.NaN);
        double prev = equity[0];
        for (int i = 1; i < days.length; i++) {
            LocalDate d = LocalDate.ofEpochDay(days[i]);
            boolean monthEnd = i == days.length - 1 || LocalDate.ofEpochDay(days[i + 1]).getMonthValue() != d.getMonthValue();
            if (!monthEnd) continue;
            int y = d.getYear() - years[0];
            if (y >= 0 && y < years.length) out[y][d.getMonthValue() - 1] = 100 * (equity[i] / prev - 1);
            prev = equity[i];
        }
        return out;
    }

    private int regimeAt(int[] labels, int day) {
        int i = md.indexOf(day);
        return i >= 0 && i < labels.length ? labels[i] : Regime.NEUTRAL.ordinal();
    }

    private String equityCsv(RunResult r, int[] labels) {
        StringBuilder sb = new StringBuilder("date,equity,drawdown_pct,regime");
        for (String id : r.slotIds()) sb.append(',').append(id);
        sb.append(',').append(sde.backtest.RunOutputs.INTEREST).append('\n');
        double[] dd = drawdownPct(r.equity());
        for (int i = 0; i < r.days().length; i++) {
            sb.append(Dates.format(r.days()[i])).append(',').append(String.format(Locale.ROOT, "%.2f,%.4f,", r.equity()[i], dd[i]))
                    .append(Regime.values()[regimeAt(labels, r.days()[i])]);
            for (double[] c : r.contribution()) sb.append(String.format(Locale.ROOT, ",%.2f", c[i]));
            sb.append(String.format(Locale.ROOT, ",%.2f", r.interest()[i])).append('\n');
        }
        return sb.toString();
    }

    private static String monthlyCsv(RunResult r) {
        int[] years = years(r.days());
        double[][] m = monthly(r.days(), r.equity(), years);
        StringBuilder sb = new StringBuilder("year,month,return_pct\n");
        for (int y = 0; y < years.length; y++) {
            for (int k = 0; k < 12; k++) if (Double.isFinite(m[y][k])) sb.append(years[y]).append(',').append(k + 1).append(String.format(Locale.ROOT, ",%.4f%n", m[y][k]));
        }
        return sb.toString();
    }

    private static String verdictsCsv(Map<String, Map<String, Object>> v) {
        StringBuilder sb = new StringBuilder("id,overfit_score,verdict\n");
        v.forEach((id, m) -> sb.append(id).append(',').append(m.get("overfit_score")).append(',').append(m.get("verdict")).append('\n'));
        return sb.toString();
    }

    private String regimesCsv(int[] labels) {
        StringBuilder sb = new StringBuilder("date,regime\n");
        for (int i = 0; i < labels.length; i++) sb.append(Dates.format(md.day(i))).append(',').append(Regime.values()[labels[i]]).append('\n');
        return sb.toString();
    }

    private static int[] years(int[] days) {
        int first = LocalDate.ofEpochDay(days[Math.min(1, days.length - 1)]).getYear(), last = LocalDate.ofEpochDay(days[days.length - 1]).getYear();
        int[] y = new int[last - first + 1];
        for (int k = 0; k < y.length; k++) y[k] = first + k;
        return y;
    }

    // ---- the page ----------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private String html(Request q, List<Map<String, Object>> rows, List<Map<String, Object>> top, Map<String, Map<String, Object>> verdicts,
                        Map<String, Object> chosen, RunResult run, double[][] bands, int[] labels) {
        String id = (String) chosen.get("id");
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>sde report</title><style>")
                .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1000px}table{border-collapse:collapse;font-size:12px;margin:8px 0 18px}")
                .append("td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}th{background:#f0f0f0}td.l,th.l{text-align:left}")
                .append(".ROBUST{color:#2ca02c;font-weight:bold}.SUSPECT{color:#e08000;font-weight:bold}.OVERFIT{color:#d62728;font-weight:bold}")
                .append("svg.chart{display:block;margin:10px 0 18px;border:1px solid #eee}.note{font-size:12px;color:#555}</style></head><body>");
        h.append("<h1>Strategy Discovery Engine: results</h1><p class=\"note\">Folder <code>").append(Svg.esc(q.out().name()))
                .append("</code>").append(q.study() == null ? "" : ", study <code>" + Svg.esc(q.study()) + "</code>")
                .append(", data fingerprint ").append(md.fingerprint()).append(md.synthetic() ? " (<b>SYNTHETIC market: a demo, not a result</b>)" : " (real data)")
                .append(", written ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(". ").append(rows.size()).append(" rows on the leaderboard. ")
                .append("Options are modeled, not quoted (docs/pricing.md): read every option result as a hypothesis; only a ROBUST verdict "
                        + "(docs/validation.md) and the untouched year make it believable. The train years are the fitness; the test years "
                        + "are not, but the gate's walk-forward reads them and the best changes only through ROBUST, so selection has partly "
                        + "seen them: only the untouched year is out of sample.</p>");

        h.append("<h2>Leaderboard</h2><table id=\"leaderboard\"><tr><th>#</th><th class=\"l\">id</th>")
                .append(rows.get(0).containsKey("study") ? "<th class=\"l\">study</th>" : "")
                .append("<th class=\"l\">strategies</th><th>train score</th><th>test score</th><th>CAGR %</th><th>max DD %</th><th>trades</th><th class=\"l\">tier</th><th class=\"l\">verdict</th></tr>");
        int k = 1;
        for (Map<String, Object> r : top) {
            Map<String, Object> v = verdicts.get(r.get("id"));
            h.append("<tr><td>").append(k++).append("</td><td class=\"l\">").append(r.get("id").equals(id) ? "<b>" + r.get("id") + "</b>" : r.get("id")).append("</td>")
                    .append(r.containsKey("study") ? "<td class=\"l\">" + Svg.esc(String.valueOf(r.get("study"))) + "</td>" : "")
                    .append("<td class=\"l\">").append(Svg.esc(strategies(r))).append("</td>")
                    .append(num(r.get("train_score"), "%.4f")).append(num(r.get("test_score"), "%.4f")).append(num(r.get("cagr_pct"), "%.2f"))
                    .append(num(r.get("max_dd_pct"), "%.2f")).append("<td>").append(r.get("trades")).append("</td><td class=\"l\">").append(r.get("tier"))
                    .append("</td><td class=\"l\">").append(v == null ? "not validated" : "<span class=\"" + v.get("verdict") + "\">" + v.get("verdict")
                            + String.format(Locale.ROOT, " %.3f", ((Number) v.get("overfit_score")).doubleValue()) + "</span>").append("</td></tr>");
        }
        h.append("</table>");

        h.append("<h2>Run ").append(id).append(" by year</h2><table id=\"years\"><tr><th>year</th><th>return %</th><th>max DD %</th><th>trades</th><th>Sharpe</th><th>score</th></tr>");
        for (Map<String, Object> y : (List<Map<String, Object>>) chosen.getOrDefault("years", List.of())) {
            h.append("<tr><td>").append(y.get("year")).append("</td>").append(num(y.get("return_pct"), "%.2f")).append(num(y.get("max_dd_pct"), "%.2f"))
                    .append("<td>").append(y.get("trades")).append("</td>").append(num(y.get("sharpe"), "%.2f")).append(num(y.get("score"), "%.4f")).append("</tr>");
        }
        h.append("</table>");

        h.append("<h2>The gate's verdict</h2>");
        Map<String, Object> v = verdicts.get(id);
        if (v == null) {
            h.append("<p id=\"verdict\">Not validated yet: <code>jobs/sde validate --id ").append(id).append("</code> (SPEC §5).</p>");
        } else {
            h.append("<p id=\"verdict\"><span class=\"").append(v.get("verdict")).append("\">").append(v.get("verdict")).append("</span>")
                    .append(String.format(Locale.ROOT, ", overfit score %.3f", ((Number) v.get("overfit_score")).doubleValue()))
                    .append(Boolean.TRUE.equals(v.get("rejected")) ? ", rejected" : "").append(". Flags: ").append(Svg.esc(String.valueOf(v.get("flags")))).append("</p>");
            h.append("<table id=\"components\"><tr><th class=\"l\">component</th><th>value</th><th class=\"l\">passes</th></tr>");
            Map<String, Object> comps = (Map<String, Object>) v.getOrDefault("components", Map.of()), passes = (Map<String, Object>) v.getOrDefault("passes", Map.of());
            comps.forEach((name, value) -> h.append("<tr><td class=\"l\">").append(name).append("</td>").append(num(value, "%.3f")).append("<td class=\"l\">")
                    .append(passes.getOrDefault(name, "")).append("</td></tr>"));
            h.append("</table>");
            Object stats = v.get("statistics");
            if (stats instanceof Map<?, ?> m) {
                h.append("<table id=\"statistics\"><tr><th class=\"l\">statistic</th><th class=\"l\">value</th></tr>");
                m.forEach((name, value) -> h.append("<tr><td class=\"l\">").append(name).append("</td><td class=\"l\">")
                        .append(Svg.esc(value instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : String.valueOf(value))).append("</td></tr>"));
                h.append("</table>");
            }
        }

        int[] days = run.days();
        h.append("<h2>Equity and drawdown</h2>");
        h.append(Svg.lines("equity", "Equity of " + id + " with Monte Carlo bands (" + q.mcPaths() + " stationary-bootstrap paths: 5–95 % and 25–75 %)", days,
                List.of(new Svg.Series("equity", run.equity(), "#1f77b4"), new Svg.Series("bootstrap median", bands[2], "#9467bd")),
                List.of(new Svg.Band(bands[0], bands[4], "#9467bd", 0.15), new Svg.Band(bands[1], bands[3], "#9467bd", 0.25)), ""));
        h.append(Svg.drawdown("drawdown", "Drawdown %", days, drawdownPct(run.equity())));
        int[] years = years(days);
        h.append("<h2>Monthly P&amp;L</h2>").append(Svg.heatmap("monthly", "Monthly return % of " + id, years, monthly(days, run.equity(), years)));
        List<String> names = new ArrayList<>();
        double[] contrib = new double[run.slotIds().length + 1];
        for (int s = 0; s < run.slotIds().length; s++) {
            names.add(run.slotIds()[s]);
            contrib[s] = run.contribution()[s][days.length - 1];
        }
        names.add("cash interest");
        contrib[run.slotIds().length] = run.interest()[days.length - 1];
        h.append("<h2>Per-strategy contribution</h2>").append(Svg.bars("contribution", "P&L added by each strategy over the run", names, contrib, ""));
        int[] lab = new int[days.length];
        for (int i = 0; i < days.length; i++) lab[i] = regimeAt(labels, days[i]);
        String[] rn = new String[Regime.values().length];
        for (Regime r : Regime.values()) rn[r.ordinal()] = r.name();
        h.append("<h2>Regimes</h2>").append(Svg.timeline("regimes", "Market regime per session (docs/regimes.md)", days, lab, rn, REGIME_COLORS));
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        List<String> pl = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> vv = verdicts.get(r.get("id"));
            if (vv == null || !(r.get("train_score") instanceof Number s)) continue;
            xs.add(s.doubleValue());
            ys.add(((Number) vv.get("overfit_score")).doubleValue());
            pl.add(r.get("id") + " " + vv.get("verdict"));
        }
        h.append(BenchmarkFigures.section(q.out()));
        h.append("<h2>Score against overfit score</h2>");
        if (xs.isEmpty()) h.append("<p class=\"note\">No validated rows yet.</p>");
        h.append(Svg.scatter("scatter", "Train score vs the gate's overfit score (validated rows)", xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray(), pl, "train score", "overfit score"));
        h.append("<p class=\"note\">Figures for notebooks: <code>report/data/</code> (equity, monthly, regimes, verdicts as CSV).</p></body></html>\n");
        return h.toString();
    }

    @SuppressWarnings("unchecked")
    private static String strategies(Map<String, Object> row) {
        Object p = row.get("params");
        if (!(p instanceof Map<?, ?> m) || !(m.get("strategies") instanceof List<?> list)) return "";
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> s = (Map<String, Object>) o;
            Map<String, Object> params = (Map<String, Object>) s.getOrDefault("params", Map.of());
            out.add(s.get("name") + (params.containsKey("symbol") ? " " + params.get("symbol") : "") + String.format(Locale.ROOT, " ×%.2f", ((Number) s.getOrDefault("weight", 1.0)).doubleValue()));
        }
        return String.join(", ", out);
    }

    private static String num(Object o, String fmt) {
        return "<td>" + (o instanceof Number n ? String.format(Locale.ROOT, fmt, n.doubleValue()) : String.valueOf(o)) + "</td>";
    }

}
