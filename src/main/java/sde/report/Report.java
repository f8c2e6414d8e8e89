package sde.report;

import com.fasterxml.jackson.databind.JsonNode;
import sde.backtest.Engine;
import sde.backtest.RunResult;
import sde.backtest.RunSpec;
import sde.data.MarketData;
import sde.io.Json;
import sde.io.Location;
import sde.regime.Regime;
import sde.regime.RegimeClassifier;
import sde.regime.RegimeSettings;
import sde.results.CeilingFile;
import sde.results.LeaderboardRow;
import sde.results.StudyTrial;
import sde.results.VerdictFile;
import sde.validate.MonteCarlo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The results report: one self-contained HTML file, OUT/report/index.html, with
 * the leaderboard, the gate's verdicts, and for the chosen run (the best by default) its equity with
 * Monte Carlo bands, drawdown, monthly heatmap, per-strategy contribution and regime timeline; plus
 * OUT/report/data/*.csv, the same figures for notebooks. Runs are replayed from their params (SPEC
 * §7), so the report needs only the leaderboard and the data. Reading is {@link ReportSources}, the
 * numbers {@link ReportFigures}, the page {@link ReportPage}.
 */
public final class Report {
    /** What to report: the output folder, an optional study name, the chosen id (null: the best), how many rows, MC paths. */
    public record Request(Location out, String study, String id, int top, int mcPaths, double mcMeanBlock, long seed) {}

    private final MarketData md;
    private final RegimeSettings regimes;
    private final Engine engine;
    private final Function<JsonNode, RunSpec> specOf;
    private TrialSource trials = TrialSource.NONE;
    private LeastViolating leastViolating = LeastViolating.NONE;

    public Report(MarketData md, RegimeSettings regimes, Engine engine, Function<JsonNode, RunSpec> specOf) {
        this.md = md;
        this.regimes = regimes;
        this.engine = engine;
        this.specOf = specOf;
    }

    /** Where the study views read the trials (the Parquet leaderboards, through Spark in the report command). */
    @FunctionalInterface
    public interface TrialSource {
        List<StudyTrial> trials(Location out, String study);

        TrialSource NONE = (out, study) -> List.of();
    }

    /**
     * Where a study with no feasible row finds its least violating rows (SPEC §4's order: the Parquet leaderboard, through
     * Spark in the report command): {@code n} of the study {@code study} whose folder is {@code dir}, best first.
     */
    @FunctionalInterface
    public interface LeastViolating {
        List<LeaderboardRow> rows(Location dir, String study, int n);

        LeastViolating NONE = (dir, study, n) -> List.of();
    }

    /** A study with no feasible row is reported on its least violating rows, read here. */
    public Report withLeastViolating(LeastViolating source) {
        this.leastViolating = source;
        return this;
    }

    /** Adds the study views, drawn from these trials. */
    public Report withTrials(TrialSource source) {
        this.trials = source;
        return this;
    }

    /** Writes the report; returns index.html. */
    public Location write(Request q) {
        List<LeaderboardRow> rows = ReportSources.rows(q.out(), q.study());
        // leaderboard.json lists feasible rows only (SPEC §4): a study without one is shown on its least violating rows.
        boolean noneFeasible = rows.isEmpty();
        if (noneFeasible) rows = ReportSources.leastViolating(q.out(), q.study(), q.top(), leastViolating);
        if (rows.isEmpty()) throw new IllegalArgumentException(q.out() + ": no leaderboard rows" + (q.study() == null ? "" : " for study "
                + q.study())
                + " (run `jobs/sde sweep` or `jobs/sde daemon` first)");
        Map<String, VerdictFile> verdicts = ReportSources.verdicts(q.out());
        LeaderboardRow chosen = q.id() == null ? rows.get(0)
                : rows.stream().filter(r -> q.id().equals(r.id())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--id " + q.id() + ": not in the leaderboard of " + q.out()));
        List<LeaderboardRow> top = new ArrayList<>(rows.subList(0, Math.min(q.top(), rows.size())));
        if (!top.contains(chosen)) top.add(chosen);

        Location data = q.out().resolve("report").resolve("data");
        int[] labels = ordinals(RegimeClassifier.classify(md, regimes).label());
        Map<String, RunResult> runs = new LinkedHashMap<>();
        for (LeaderboardRow r : top) {
            RunResult run = engine.run(specOf.apply(r.params()));
            runs.put(r.id(), run);
            data.resolve("equity_" + r.id() + ".csv").write(ReportFigures.equityCsv(md, run, labels));
            data.resolve("monthly_" + r.id() + ".csv").write(ReportFigures.monthlyCsv(run));
        }
        data.resolve("verdicts.csv").write(ReportFigures.verdictsCsv(verdicts));
        data.resolve("regimes.csv").write(ReportFigures.regimesCsv(md, labels));

        RunResult run = runs.get(chosen.id());
        double[] ret = ReportFigures.dailyReturns(run.equity());
        double[][] bands = MonteCarlo.bands(ret, run.equity()[0], q.mcMeanBlock(), q.seed(), q.mcPaths());
        StudyViews.Written views = StudyViews.of(trials.trials(q.out(), q.study()), rows,
                Json.readAs(q.out().resolve("ceiling.json"), CeilingFile.class));
        data.resolve("trials.csv").write(views.trialsCsv());
        data.resolve("importance.csv").write(views.importanceCsv());
        Location index = q.out().resolve("report").resolve("index.html");
        index.write(ReportPage.render(q, md, rows, top, verdicts, chosen, run, bands, labels, views.html(), noneFeasible));
        return index;
    }

    private static int[] ordinals(Regime[] r) {
        int[] o = new int[r.length];
        for (int i = 0; i < r.length; i++) o[i] = r[i].ordinal();
        return o;
    }
}
