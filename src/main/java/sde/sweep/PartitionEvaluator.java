package sde.sweep;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import sde.backtest.BacktestSettings;
import sde.data.MarketData;
import sde.pricing.PricingSettings;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Executor side of a generation: one {@link CandidateEvaluator} (one backtester) per partition over
 * the broadcast market data, reused for every candidate of the partition.
 */
final class PartitionEvaluator implements MapPartitionsFunction<Candidate, Evaluation>,
        org.apache.spark.api.java.function.FlatMapFunction<Iterator<Candidate>, Evaluation> {
    private final Broadcast<MarketData> market;
    private final PricingSettings pricing;
    private final BacktestSettings backtest;
    private final java.util.List<Integer> trainYears, testYears;

    PartitionEvaluator(Broadcast<MarketData> market, PricingSettings pricing, BacktestSettings backtest, Study study) {
        this(market, pricing, backtest, study.trainYears(), study.testYears());
    }

    PartitionEvaluator(Broadcast<MarketData> market, PricingSettings pricing, BacktestSettings backtest, java.util.List<Integer> trainYears,
                       java.util.List<Integer> testYears) {
        this.market = market;
        this.pricing = pricing;
        this.backtest = backtest;
        this.trainYears = new java.util.ArrayList<>(trainYears);
        this.testYears = new java.util.ArrayList<>(testYears);
    }

    @Override
    public Iterator<Evaluation> call(Iterator<Candidate> it) {
        CandidateEvaluator evaluator = new CandidateEvaluator(market.value(), pricing, backtest, trainYears, testYears);
        List<Evaluation> out = new ArrayList<>();
        while (it.hasNext()) out.add(evaluator.evaluate(it.next()));
        return out.iterator();
    }
}
