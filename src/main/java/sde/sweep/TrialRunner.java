package sde.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import sde.backtest.Engine;
import sde.backtest.RunOutputs;
import sde.backtest.RunResult;
import sde.backtest.RunSpec;
import sde.backtest.WorstCase;
import sde.data.MarketData;
import sde.io.Json;
import sde.metrics.Summary;
import sde.results.Feasibility;

/**
 * Evaluates trials with one backtester (not thread-safe: one per partition or thread). Each
 * evaluation is a pure function of (params, data fingerprint, code version), so a retried or
 * speculative Spark task produces the same rows. Fitness is the study's SPEC §4 objective over the
 * train years at its worst over the model's centre and its band's two edges, with that surface's constraint
 * violation; the centre's train, test and whole-run figures are recorded beside them. A trial under its study's bar
 * ({@link Trial#edgeBar}) whose centre falls below it runs the centre alone: its fitness is the centre's, an upper bound.
 */
public final class TrialRunner {
    private final MarketData md;
    private final Scoring scoring;
    private final Engine engine;

    /** Over an engine built once (and shared: an engine holds nothing a run changes). */
    public TrialRunner(Engine engine, Scoring scoring) {
        this.md = engine.market();
        this.scoring = scoring;
        this.engine = engine;
    }

    public Evaluation evaluate(Trial c) {
        // A search's trial is decoded here, once: the row keeps its params text and genome as the driver used to write them.
        RunSpec spec = c.genome() != null ? scoring.space().decode(c.genome(), scoring.backtest()) : null;
        String params = spec != null ? text(spec.toJson()) : c.params();
        String genome = c.genome() != null ? text(c.genome()) : "[]";
        Evaluation.Figures figures = Evaluation.Figures.FAILED;
        String error = null;
        long t0 = System.nanoTime();
        try {
            RunSpec run = spec != null ? spec : scoring.specs().read(c.params(), c.id());
            RunResult r = engine.run(run);
            Summary all = RunOutputs.summarize(r);
            Summary train = train(r);
            Summary test = RunOutputs.summarizeWindow(r, scoring.testYears().get(0), scoring.testYears().get(1));
            // SPEC §4: ranked and judged feasible on the surface where the objective is lowest.
            WorstCase worst = WorstCase.of(engine, run, r, train, scoring.trainYears().get(0), scoring.trainYears().get(1),
                    scoring.feasibility().objective(), c.edgeBar());
            Summary worstAll = worst.run() == r ? all : RunOutputs.summarize(worst.run());
            double violation = worst.train().violation(scoring.feasibility());
            figures = new Evaluation.Figures(worst.train().objective(scoring.feasibility().objective()), violation,
                    Feasibility.feasible(violation),
                    train.score(), train.cagrPct(), train.maxDdPct(), test.score(), test.cagrPct(), test.maxDdPct(), all.score(),
                    all.cagrPct(), all.maxDdPct(), all.sharpe(), all.trades(), all.capacityBoundTrades(), all.tier(),
                    Json.compact(worst.edgesRun() ? RunOutputs.years(all, worstAll) : RunOutputs.years(all)),
                    worst.edgesRun() ? worstAll.score() : Double.NaN, worst.surfaceName());
        } catch (RuntimeException ex) {
            error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
        }
        return new Evaluation(c.study(), c.generation(), c.optimizer(), c.id(), params, genome, md.fingerprint(), RunOutputs.codeVersion(),
                figures, error, (System.nanoTime() - t0) / 1e6);
    }

    private Summary train(RunResult r) {
        return RunOutputs.summarizeWindow(r, scoring.trainYears().get(0), scoring.trainYears().get(1));
    }

    /** Jackson's defaults, one line: the form the leaderboard's params and genome columns have always had. */
    private static String text(Object value) {
        try {
            return Json.PLAIN.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
