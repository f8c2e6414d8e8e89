package sde.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import sde.backtest.RunResult;
import sde.data.MarketData;
import sde.regime.Regime;
import sde.results.LeaderboardRow;
import sde.results.VerdictFile;
import sde.results.YearFigures;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's page: a view of the typed results (numbers formatted, charts drawn as SVG by
 * {@link Svg}) rendered by the Mustache template sde/report/report.mustache, which holds all the
 * markup and escapes every value it is given.
 */
final class ReportPage {
    static final String[] REGIME_COLORS = {"#7f0000", "#d62728", "#ff9896", "#2ca02c", "#aec7e8", "#c7c7c7"};
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("sde/report").compile("report.mustache");

    /** What the template shows. Figures are preformatted strings so the template has no arithmetic. */
    record View(String folder, String study, String fingerprint, boolean synthetic, String written, int rowCount, boolean studyColumn,
                List<BoardRow> board, String chosenId, List<YearRow> years, GateView gate, String equitySvg, String drawdownSvg,
                String monthlySvg, String contributionSvg, String regimesSvg, String benchmarksHtml, boolean validated, String scatterSvg,
                String studyViewsHtml, String answerHtml, boolean noneFeasible) {}

    record BoardRow(int rank, String id, boolean chosen, String study, String strategies, String trainScore, String testScore,
            String cagrPct,
                    String maxDdPct, int trades, int capacityBound, String feasible, String tier, Cell cell) {}

    /** A verdict as a leaderboard cell. */
    record Cell(String label, String score) {}

    record YearRow(int year, String returnPct, String maxDdPct, int trades, int capacityBound, String sharpe, String score) {}

    record GateView(String verdict, String score, String grade, String flags, List<Component> components, boolean hasStatistics,
                    List<Statistic> statistics) {}

    record Component(String name, String value, String passes) {}

    record Statistic(String name, String value) {}

    private ReportPage() {}

    static String render(Report.Request q, MarketData md, List<LeaderboardRow> rows, List<LeaderboardRow> top, Map<String,
            VerdictFile> verdicts,
                         LeaderboardRow chosen, RunResult run, double[][] bands, int[] labels, String studyViewsHtml,
                         boolean noneFeasible) {
        String id = chosen.id();
        List<BoardRow> board = new ArrayList<>();
        int k = 1;
        for (LeaderboardRow r : top) {
            VerdictFile v = verdicts.get(r.id());
            board.add(new BoardRow(k++, r.id(), r.id().equals(id), r.study(), strategies(r.params()), f(r.trainScore(), "%.4f"),
                    f(r.testScore(), "%.4f"), f(r.cagrPct(), "%.2f"), f(r.maxDdPct(), "%.2f"), r.trades(), r.capacityBoundTrades(),
                    r.feasible() ? "yes" : "no (" + f(r.violation(), "%.3f") + ")", r.tier(),
                    v == null ? null : new Cell(v.verdict().name(), f(v.overfitScore(), "%.3f"))));
        }
        List<YearRow> years = new ArrayList<>();
        for (YearFigures y : chosen.years() == null ? List.<YearFigures>of() : chosen.years()) {
            years.add(new YearRow(y.year(), f(y.returnPct(), "%.2f"), f(y.maxDdPct(), "%.2f"), y.trades(), y.capacityBoundTrades(),
                    f(y.sharpe(), "%.2f"), f(y.score(), "%.4f")));
        }

        int[] days = run.days();
        String equity = Svg.lines("equity",
                "Equity of " + id + " with Monte Carlo bands (" + q.mcPaths() + " stationary-bootstrap paths: 5–95 % and 25–75 %)",
                days, List.of(new Svg.Series("equity", run.equity(), "#1f77b4"), new Svg.Series("bootstrap median", bands[2], "#9467bd")),
                List.of(new Svg.Band(bands[0], bands[4], "#9467bd", 0.15), new Svg.Band(bands[1], bands[3], "#9467bd", 0.25)), "");
        String drawdown = Svg.drawdown("drawdown", "Drawdown %", days, ReportFigures.drawdownPct(run.equity()));
        int[] yrs = ReportFigures.years(days);
        String monthly = Svg.heatmap("monthly", "Monthly return % of " + id, yrs, ReportFigures.monthly(days, run.equity(), yrs));
        List<String> names = new ArrayList<>();
        double[] contrib = new double[run.slotIds().length + 1];
        for (int s = 0; s < run.slotIds().length; s++) {
            names.add(run.slotIds()[s]);
            contrib[s] = run.contribution()[s][days.length - 1];
        }
        names.add("cash interest");
        contrib[run.slotIds().length] = run.interest()[days.length - 1];
        String contribution = Svg.bars("contribution", "P&L added by each strategy over the run", names, contrib, "");
        int[] lab = new int[days.length];
        for (int i = 0; i < days.length; i++) lab[i] = ReportFigures.regimeAt(md, labels, days[i]);
        String[] rn = new String[Regime.values().length];
        for (Regime r : Regime.values()) rn[r.ordinal()] = r.name();
        String regimes = Svg.timeline("regimes", "Market regime per session (docs/regimes.md)", days, lab, rn, REGIME_COLORS);

        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        List<String> pl = new ArrayList<>();
        for (LeaderboardRow r : rows) {
            VerdictFile vv = verdicts.get(r.id());
            if (vv == null || !Double.isFinite(r.trainScore())) continue;
            xs.add(r.trainScore());
            ys.add(vv.overfitScore());
            pl.add(r.id() + " " + vv.verdict());
        }
        String scatter = Svg.scatter("scatter", "Train score vs the gate's overfit score (validated rows)",
                xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray(), pl, "train score", "overfit score");

        View view = new View(q.out().name(), q.study(), md.fingerprint(), md.synthetic(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                rows.size(), rows.get(0).study() != null, board, id, years, gate(verdicts.get(id)), equity, drawdown, monthly,
                        contribution, regimes,
                BenchmarkFigures.section(q.out()), !xs.isEmpty(), scatter, studyViewsHtml, AnswerFigures.section(q.out()),
                noneFeasible);
        StringWriter w = new StringWriter();
        TEMPLATE.execute(w, view);
        return w.toString();
    }

    private static GateView gate(VerdictFile v) {
        if (v == null) return null;
        List<Component> comps = new ArrayList<>();
        v.components().forEach((name, value) -> comps.add(new Component(name, f(value, "%.3f"),
                String.valueOf(v.passes().getOrDefault(name, null) == null
                ? "" : v.passes().get(name)))));
        List<Statistic> stats = new ArrayList<>();
        JsonNode s = v.statistics();
        if (s != null && s.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                // A count (trials, configurations) reads as an integer, not as 1200.0000.
                stats.add(new Statistic(e.getKey(), e.getValue().isIntegralNumber() ? e.getValue().asText()
                        : e.getValue().isNumber() ? f(e.getValue().doubleValue(), "%.4f")
                        : e.getValue().isTextual() ? e.getValue().asText() : e.getKey().equals("option_pnl_by_cell") ? shares(e.getValue())
                        : e.getValue().toString()));
            }
        }
        String grade = v.overfitVerdict() == null ? null : v.overfitVerdict().name();
        return new GateView(v.verdict().name(), f(v.overfitScore(), "%.3f"), grade, String.valueOf(v.flags()), comps, !stats.isEmpty(),
                stats);
    }

    /** The gross option P&L by model cell (SPEC §5 coverage) as "SPY C d40-60 dte8-30 31 %, …", largest first. */
    static String shares(JsonNode byCell) {
        List<String> out = new ArrayList<>();
        byCell.fields().forEachRemaining(c -> out.add(String.format(Locale.ROOT, "%s %.0f %%", c.getKey(),
                100 * c.getValue().doubleValue())));
        return String.join(", ", out);
    }

    /** "credit_spread SPY ×1.00, momentum QQQ ×0.50": what a row runs, from its params file. */
    static String strategies(JsonNode params) {
        if (params == null || !params.path("strategies").isArray()) return "";
        List<String> out = new ArrayList<>();
        for (JsonNode s : params.get("strategies")) {
            JsonNode p = s.path("params");
            out.add(s.path("name").asText() + (p.has("symbol") ? " " + p.get("symbol").asText() : "")
                    + String.format(Locale.ROOT, " ×%.2f", s.has("weight") ? s.get("weight").asDouble() : 1.0));
        }
        return String.join(", ", out);
    }

    private static String f(double v, String fmt) {
        return String.format(Locale.ROOT, fmt, v);
    }
}
