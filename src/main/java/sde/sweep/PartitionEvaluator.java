package sde.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import sde.backtest.BacktestSettings;
import sde.backtest.Backtester;
import sde.backtest.RunOutputs;
import sde.backtest.RunResult;
import sde.backtest.RunSpec;
import sde.data.Dates;
import sde.data.MarketData;
import sde.metrics.Summary;
import sde.pricing.ExpiryCalendar;
import sde.pricing.ModelChain;
import sde.pricing.PricingInputs;
import sde.pricing.PricingSettings;
import sde.pricing.QuoteModel;
import sde.pricing.StrikeGrid;
import sde.pricing.VolSurface;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Executor side of a generation: one backtester per partition over the broadcast market data,
 * reused for every candidate of the partition. Each evaluation is a pure function of (params, data
 * fingerprint, code version), so a retried or speculative task produces the same rows.
 */
final class PartitionEvaluator implements MapPartitionsFunction<Candidate, Evaluation> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Broadcast<MarketData> market;
    private final PricingSettings pricing;
    private final BacktestSettings backtest;
    private final Study study;

    PartitionEvaluator(Broadcast<MarketData> market, PricingSettings pricing, BacktestSettings backtest, Study study) {
        this.market = market;
        this.pricing = pricing;
        this.backtest = backtest;
        this.study = study;
    }

    @Override
    public Iterator<Evaluation> call(Iterator<Candidate> it) throws Exception {
        MarketData md = market.value();
        PricingInputs in = new PricingInputs(md, pricing.surface());
        VolSurface surface = new VolSurface(in, pricing.surface());
        ModelChain chain = new ModelChain(md, surface, new QuoteModel(pricing.quotes()), new ExpiryCalendar(pricing.listing()));
        Backtester engine = new Backtester(md, chain, surface, new StrikeGrid(pricing.listing()), pricing.fillModel(), backtest);
        List<Evaluation> out = new ArrayList<>();
        while (it.hasNext()) out.add(evaluate(engine, md, it.next()));
        return out.iterator();
    }

    private Evaluation evaluate(Backtester engine, MarketData md, Candidate c) throws Exception {
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
            RunResult r = engine.run(spec.slots(), Dates.of(spec.from()), Dates.of(spec.to()));
            Summary all = RunOutputs.summarize(r);
            Summary train = RunOutputs.summarizeWindow(r, study.trainYears().get(0), study.trainYears().get(1));
            Summary test = RunOutputs.summarizeWindow(r, study.testYears().get(0), study.testYears().get(1));
            e.setFitness(train.score());
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
            e.setYears(JSON.writeValueAsString(RunOutputs.years(all)));
        } catch (RuntimeException ex) {
            e.setFitness(Double.NaN);
            e.setError(ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
        e.setWallMs((System.nanoTime() - t0) / 1e6);
        return e;
    }
}
