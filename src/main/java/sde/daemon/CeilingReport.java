package sde.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import sde.backtest.RunResult;
import sde.results.CeilingFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import sde.pricing.Model;
import sde.results.LeaderboardRow;
import sde.validate.Coverage;
import sde.validate.CoverageSettings;

/**
 * The ceiling report a daemon writes when it stops for anything but a stop request (ceiling.md and
 * ceiling.json): each rung's best and best ROBUST result, every study's plateau, and the switching
 * oracle over the rungs' best runs, year by year, against SPEC §4's goal.
 */
final class CeilingReport {
    /** The report as markdown and as the JSON file. */
    record Written(String markdown, CeilingFile json) {}

    private CeilingReport() {}

    /**
     * The report from the ladder as the daemon holds it: each study's progress and best-so-far curve.
     *
     * @param robustRows each study's best ROBUST row where it has one (null otherwise)
     * @param coverage   the verified model cells: each rung's best replayed says where its option P&L was made (null: not said)
     */
    static Written of(Ladder ladder, String reason, int runsTotal, Replay replay, Function<String, LeaderboardRow> robustRows,
                      CoverageSettings coverage) {
        Map<Rung, StudyProgress> best = ladder.bestPerRung();
        StringBuilder md = new StringBuilder("# Ceiling report\n\n");
        md.append("Stopped: ").append(reason).append(". Runs evaluated: ").append(runsTotal).append(".\n\n");
        md.append("Goal (SPEC §4 victory): every year ≥ 200 % return and ≤ 15 % drawdown, with a ROBUST verdict that is neither"
                + " MODEL_FRAGILE nor MODEL_UNVERIFIED.\n\n");
        md.append("## Best per rung (train score, SPEC §4 over the train years)\n\n| rung | study | best id | train score | tier |"
                + " best ROBUST id (train score) | model coverage (SPEC §5) |\n|---|---|---|---:|---|---|---|\n");
        List<CeilingFile.RungBest> rungs = new ArrayList<>();
        for (Rung r : Rung.values()) {
            StudyProgress p = best.get(r);
            StudyProgress bestRobust = ladder.studies().stream().filter(x -> x.rung() == r && x.bestRobustId() != null)
                    .max(Comparator.comparingDouble(x ->
                            Double.isNaN(x.bestRobustScore()) ? Double.NEGATIVE_INFINITY : x.bestRobustScore()))
                    .orElse(null);
            String robust = bestRobust == null ? "none" : bestRobust.bestRobustId() + (Double.isNaN(bestRobust.bestRobustScore()) ? ""
                    : String.format(Locale.ROOT, " (%.4f)", bestRobust.bestRobustScore()));
            if (p == null) { md.append("| ").append(r.label).append(" | not reached | | | | | |\n"); continue; }
            String cov = coverage == null || replay == null || p.bestParams().isEmpty() ? "not replayed"
                    : Coverage.of(replay.run(p.bestParams(), Model.BASE).cellGrossPnl(), coverage).describe();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.4f | %s | %s | %s |%n", r.label, p.name(), p.bestId(), p.bestFitness(),
                    p.bestTier(), robust, cov));
            rungs.add(new CeilingFile.RungBest(r.name(), p.name(), p.bestId(), p.bestFitness(), String.valueOf(p.bestTier()), robust, cov));
        }
        md.append("\n## Scores the search could not beat\n\nEach study's best train score when it stopped improving:\n\n");
        List<CeilingFile.Plateau> plateaus = new ArrayList<>();
        for (StudyProgress p : ladder.studies()) {
            if (!p.hasBest()) continue;
            md.append(String.format(Locale.ROOT, "- %s: %.4f after %d generations%s%n", p.name(), p.bestFitness(), p.generations(),
                    p.plateaued() ? " (plateaued)" : ""));
            plateaus.add(new CeilingFile.Plateau(p.name(), p.bestFitness(), p.generations(), p.plateaued()));
        }
        // The rungs' best runs only. Over many runs a daily oracle compounds the best
        // of each day into absurd numbers: with every study's best it showed 250-560 % a year at 0 %
        // drawdown on a 15-minute search, a bound too loose to tell the user anything.
        Map<String, RunResult> bestRuns = new LinkedHashMap<>();
        Map<Model, Map<String, RunResult>> bySurface = new EnumMap<>(Model.class);
        if (replay != null) {
            for (Model m : Model.values()) {
                Map<String, RunResult> runs = new LinkedHashMap<>();
                for (Rung r : Rung.values()) {
                    StudyProgress p = best.get(r);
                    if (p != null && !p.bestParams().isEmpty()) runs.put(r.name().toLowerCase(Locale.ROOT) + ":" + p.name(),
                            replay.run(p.bestParams(), m));
                }
                bySurface.put(m, runs);
            }
            bestRuns = bySurface.get(Model.BASE);
        }
        List<SwitchingOracle.Year> oracle = SwitchingOracle.oracle(bestRuns);
        md.append("\n## Switching ceiling\n\nAn oracle that each day holds whichever rung's best run did best that day: an upper "
                + "bound on any regime switching among them (with one rung reached, it is that rung's best run). It uses each day's "
                + "hindsight, so it is loose: \"no\" means not even perfect timing reaches the goal that year; \"yes\" means only "
                + "perfect timing might. Per year, against the goal of ≥ 200 % and ≤ 15 %:\n\n"
                + "| year | oracle return % | oracle max DD % | goal met | days held per run |\n|---:|---:|---:|---|---|\n");
        List<CeilingFile.OracleYear> years = new ArrayList<>();
        for (SwitchingOracle.Year y : oracle) {
            boolean met = y.returnPct() >= Daemon.VICTORY_RETURN_PCT && y.maxDdPct() <= Daemon.VICTORY_MAX_DD_PCT;
            md.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %s | %s |%n", y.year(), y.returnPct(), y.maxDdPct(),
                    met ? "yes" : "no", y.picks()));
            years.add(new CeilingFile.OracleYear(y.year(), y.returnPct(), y.maxDdPct(), met, y.picks()));
        }
        if (oracle.isEmpty()) md.append("(no rung has a best run yet)\n");
        Map<String, List<CeilingFile.OracleYear>> surfaces = new LinkedHashMap<>();
        if (!oracle.isEmpty()) {
            md.append("\nThe same oracle with the rungs' best runs replayed on the model band's low and high surfaces (docs/pricing.md), "
                    + "return % / max DD % per year:\n\n| year |");
            for (Model m : Model.values()) md.append(' ').append(m.name().toLowerCase(Locale.ROOT)).append(" |");
            md.append("\n|---:|").append("---:|".repeat(Model.values().length)).append('\n');
            Map<Model, List<SwitchingOracle.Year>> per = new EnumMap<>(Model.class);
            for (Model m : Model.values()) {
                per.put(m, SwitchingOracle.oracle(bySurface.get(m)));
                surfaces.put(m.name().toLowerCase(Locale.ROOT), per.get(m).stream().map(y -> new CeilingFile.OracleYear(y.year(),
                        y.returnPct(), y.maxDdPct(),
                        y.returnPct() >= Daemon.VICTORY_RETURN_PCT && y.maxDdPct() <= Daemon.VICTORY_MAX_DD_PCT, y.picks())).toList());
            }
            for (int k = 0; k < oracle.size(); k++) {
                md.append("| ").append(oracle.get(k).year()).append(" |");
                for (Model m : Model.values()) {
                    SwitchingOracle.Year y = per.get(m).get(k);
                    md.append(String.format(Locale.ROOT, " %.1f / %.1f |", y.returnPct(), y.maxDdPct()));
                }
                md.append('\n');
            }
        }
        List<CeilingFile.CalmarYear> calmar = calmar(ladder, best, replay, robustRows, md);
        List<CeilingFile.Curve> curves = curves(ladder, md);
        return new Written(md.toString(), new CeilingFile(reason, runsTotal, rungs, plateaus, years, surfaces, curves, calmar));
    }

    /**
     * Per rung and year, the Calmar ratio of its best ROBUST result (or, with none, of its best by
     * train score, marked so) against the 13.3 that 200 % at 15 % needs: the score is almost
     * scale-free (leverage moves return and drawdown together), so this ratio says how far off the
     * goal is, whatever the sizing.
     */
    private static List<CeilingFile.CalmarYear> calmar(Ladder ladder, Map<Rung, StudyProgress> best, Replay replay,
                                                       Function<String, LeaderboardRow> robustRows, StringBuilder md) {
        List<CeilingFile.CalmarYear> out = new ArrayList<>();
        md.append(String.format(Locale.ROOT, "%n## Calmar ratio per year against the goal's %.1f%n%n", CeilingFile.GOAL_CALMAR))
                .append("Return % over max drawdown % within each year, for each rung's best ROBUST result (or, marked *, its best by "
                        + "train score "
                        + "when nothing on the rung passed the gate); \"of goal\" is that ratio over 200/15.\n\n")
                .append("| rung | result | year | return % | max DD % | Calmar | of goal |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (Rung r : Rung.values()) {
            LeaderboardRow robust = ladder.studies().stream().filter(p -> p.rung() == r && p.bestRobustId() != null)
                    .map(p -> robustRows == null ? null : robustRows.apply(p.name())).filter(Objects::nonNull)
                    .max(Comparator.comparingDouble(LeaderboardRow::fitness)).orElse(null);
            StudyProgress b = best.get(r);
            JsonNode params = robust != null ? robust.params() : b == null ? null : b.bestParams();
            String id = robust != null ? robust.id() : b == null ? null : b.bestId();
            if (params == null || params.isEmpty() || replay == null) continue;
            for (SwitchingOracle.Year y : SwitchingOracle.oracle(Map.of(id, replay.run(params, Model.BASE)))) {
                double c = y.maxDdPct() > 0 ? y.returnPct() / y.maxDdPct() : Double.NaN;
                out.add(new CeilingFile.CalmarYear(r.name(), id, robust != null, y.year(), y.returnPct(), y.maxDdPct(), c,
                        c / CeilingFile.GOAL_CALMAR));
                md.append(String.format(Locale.ROOT, "| %s | %s%s | %d | %.2f | %.2f | %.2f | %.3f |%n", r.label, id,
                        robust != null ? "" : " *", y.year(),
                        y.returnPct(), y.maxDdPct(), c, c / CeilingFile.GOAL_CALMAR));
            }
        }
        if (out.isEmpty()) md.append("(no rung has a best run yet)\n");
        return out;
    }

    /** Each study's best train score against its evaluations, generation by generation. */
    private static List<CeilingFile.Curve> curves(Ladder ladder, StringBuilder md) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        Map<String, Rung> rungOf = new LinkedHashMap<>();
        for (StudyProgress p : ladder.studies()) {
            rungOf.put(p.name(), p.rung());
            if (!p.curve().isEmpty()) points.put(p.name(), p.curve());
        }
        List<CeilingFile.Curve> out = new ArrayList<>();
        md.append("\n## Best-so-far curves\n\nEach study's best train score after 10, 100, 1,000, … of its evaluations "
                + "(ceiling.json has every generation's point; a restart NAME_rK is a study of its own):\n\n| study | rung |");
        int decades = 0;
        for (List<double[]> pts : points.values()) decades = Math.max(decades, (int) Math.floor(Math.log10(Math.max(10,
                pts.get(pts.size() - 1)[0]))));
        for (int d = 1; d <= decades; d++) md.append(String.format(Locale.ROOT, " 1e%d |", d));
        md.append("\n|---|---|").append("---:|".repeat(decades)).append('\n');
        for (Map.Entry<String, List<double[]>> c : points.entrySet()) {
            Rung r = rungOf.get(c.getKey());
            out.add(new CeilingFile.Curve(c.getKey(), r == null ? null : r.name(), c.getValue()));
            md.append("| ").append(c.getKey()).append(" | ").append(r == null ? "" : r.label).append(" |");
            for (int d = 1; d <= decades; d++) {
                double at = Math.pow(10, d), v = Double.NaN;
                for (double[] p : c.getValue()) if (p[0] <= at) v = p[1];
                md.append(Double.isNaN(v) ? " |" : String.format(Locale.ROOT, " %.4f |", v));
            }
            md.append('\n');
        }
        return out;
    }
}
