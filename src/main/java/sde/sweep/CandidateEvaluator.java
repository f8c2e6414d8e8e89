package sde.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import sde.backtest.BacktestSettings;
import sde.backtest.Engine;
import sde.backtest.RunOutputs;
import sde.backtest.RunResult;
import sde.backtest.RunSpec;
import sde.data.MarketData;
import sde.metrics.Summary;
import sde.pricing.PricingSettings;
import sde.results.Feasibility;

/**
 * Evaluates candidates with one backtester (not thread-safe: one per partition or thread). Each
 * evaluation is a pure function of (params, data fingerprint, code version), so a retried or
 * speculative Spark task produces the same rows. Fitness is the study's SPEC §4 objective over the
 * train years, with its constraint violation there; the test years and the whole run are recorded beside them.
 */
public final class CandidateEvaluator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MarketData md;
    private final BacktestSettings backtest;
    private final java.util.List<Integer> trainYears, testYears;
    private final Feasibility feasibility;
    private final Engine engine;

    public CandidateEvaluator(MarketData md, PricingSettings pricing, BacktestSettings backtest, Study study) {
        this(Engine.of(md, pricing), backtest, study.trainYears(), study.testYears(), study.feasibility());
    }

    /** Over an engine built once (and shared: an engine holds nothing a run changes). */
    public CandidateEvaluator(Engine engine, BacktestSettings backtest, java.util.List<Integer> trainYears,
                              java.util.List<Integer> testYears, Feasibility feasibility) {
        this.md = engine.market();
        this.backtest = backtest;
        this.trainYears = trainYears;
        this.testYears = testYears;
        this.feasibility = feasibility;
        this.engine = engine;
    }

    public Evaluation evaluate(Candidate c) {
        Evaluation e = new Evaluation();
        e.setStudy(c.getStudy());
        e.setGeneration(c.getGeneration());
        e.setOptimizer(c.getOptimizer());
        e.setId(c.getId());
        e.setParams(c.getParams());
        e.setGenome(c.getGenome());
        e.setDataFingerprint(md.fingerprint());
        e.setCodeVersion(RunOutputs.codeVersion());
        long t0 = System.nanoTime();
        try {
            RunSpec spec = RunSpec.fromJson(JSON.readTree(c.getParams()), backtest, c.getId());
            RunResult r = engine.run(spec);
            Summary all = RunOutputs.summarize(r);
            Summary train = RunOutputs.summarizeWindow(r, trainYears.get(0), trainYears.get(1));
            Summary test = RunOutputs.summarizeWindow(r, testYears.get(0), testYears.get(1));
            e.setFitness(train.objective(feasibility.objective()));
            e.setViolation(train.violation(feasibility));
            e.setFeasible(Feasibility.feasible(e.getViolation()));
            e.setCapacityBoundTrades(all.capacityBoundTrades());
            e.setTrainScore(train.score());
            e.setTrainCagrPct(train.cagrPct());
            e.setTrainMaxDdPct(train.maxDdPct());
            e.setTestScore(test.score());
            e.setTestCagrPct(test.cagrPct());
            e.setTestMaxDdPct(test.maxDdPct());
            e.setScore(all.score());
            e.setCagrPct(all.cagrPct());
            e.setMaxDdPct(all.maxDdPct());
            e.setSharpe(all.sharpe());
            e.setTrades(all.trades());
            e.setTier(all.tier());
            e.setYears(sde.io.Json.compact(RunOutputs.years(all)));
        } catch (RuntimeException | java.io.IOException ex) {
            e.setFitness(Double.NaN);
            e.setError(ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
        e.setWallMs((System.nanoTime() - t0) / 1e6);
        return e;
    }
}
