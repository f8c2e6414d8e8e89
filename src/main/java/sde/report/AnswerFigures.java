package sde.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import sde.io.Json;
import sde.io.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's opening section: the answer (SPEC §7 `answer`, written by `jobs/sde answer` or the daemon) as its verdict
 * line, each year's frontier of return against drawdown with the goal marked, and the saturation curves.
 */
final class AnswerFigures {
    private AnswerFigures() {}

    /** What the report reads of answer.json. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(String verdict, String verdictLine, List<Integer> years, List<Point> frontier, List<Saturation> saturation) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Point(String population, int year, double capPct, double returnPct, double maxDdPct, String id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Saturation(String group, long evaluations, int year, double returnPct, String id) {}

    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"};

    static String section(Location out) {
        StringBuilder h = new StringBuilder("<h2>The answer</h2>");
        File a = Json.readAs(out.resolve("answer.json"), File.class);
        if (a == null) {
            return h.append("<p class=\"note\">No answer here yet: <code>jobs/sde answer --out ").append(Svg.esc(out.toString()))
                    .append("</code> writes it (the daemon does at every report).</p>").toString();
        }
        h.append("<p id=\"answer\"><b>").append(Svg.esc(a.verdictLine())).append("</b></p>");
        if (a.frontier() == null || a.frontier().isEmpty()) return h.toString();
        for (String population : List.of("feasible", "robust, model-vouched")) {
            List<Svg.Points> sets = new ArrayList<>();
            int c = 0;
            for (int y : a.years()) {
                List<Point> ps = a.frontier().stream().filter(p -> p.population().equals(population) && p.year() == y).toList();
                if (ps.isEmpty()) continue;
                sets.add(new Svg.Points(String.valueOf(y), ps.stream().mapToDouble(Point::capPct).toArray(),
                        ps.stream().mapToDouble(Point::returnPct).toArray(), COLORS[c++ % COLORS.length], true));
            }
            if (sets.isEmpty()) {
                h.append("<p class=\"note\">No ").append(population).append(" result yet.</p>");
                continue;
            }
            h.append(Svg.xy("frontier_" + population.replaceAll("\\W+", "_"), "Each year's frontier, " + population
                            + " results: the best return at a drawdown of at most the cap (the goal: 200 % at 15 %)", sets,
                    List.of(new Svg.Ref(200, "goal 200 %", "#d62728")), false, "drawdown cap %", "best return %"));
        }
        if (a.saturation() != null && !a.saturation().isEmpty()) {
            Map<Integer, List<Saturation>> byYear = new TreeMap<>();
            for (Saturation s : a.saturation()) {
                if (s.group().equals("all")) byYear.computeIfAbsent(s.year(), k -> new ArrayList<>()).add(s);
            }
            List<Svg.Points> sets = new ArrayList<>();
            int c = 0;
            for (Map.Entry<Integer, List<Saturation>> e : byYear.entrySet()) {
                sets.add(new Svg.Points(String.valueOf(e.getKey()), e.getValue().stream().mapToDouble(Saturation::evaluations).toArray(),
                        e.getValue().stream().mapToDouble(Saturation::returnPct).toArray(), COLORS[c++ % COLORS.length], true));
            }
            h.append(Svg.xy("saturation", "Saturation: each year's best feasible return at ≤ 15 % drawdown after N evaluations"
                    + " (a flat curve: the search stopped finding better)", sets, List.of(new Svg.Ref(200, "goal 200 %", "#d62728")), true,
                    "evaluations (log)", "best return % at ≤ 15 % DD"));
        }
        h.append("<p class=\"note\">answer.md beside this report has the tables, by rung and optimizer too.</p>");
        return h.toString();
    }
}
