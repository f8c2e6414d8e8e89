package sde.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.SparkSession;
import sde.backtest.Engine;
import sde.backtest.RunSpec;
import sde.data.MarketData;
import sde.pricing.Model;
import sde.pricing.PricingSettings;
import sde.regime.RegimeSettings;
import sde.sweep.LeaderGate;
import sde.sweep.SparkScores;
import sde.validate.GateReport;
import sde.validate.GateSettings;
import sde.validate.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SPEC §5 gate as the sweep and the daemon use it: a leader's sensitivity variants scored as a
 * Spark job over the broadcast market, its model risk on the band's low and high surfaces, the
 * Deflated Sharpe Ratio over every trial and PBO over the study's top configurations. Inside a
 * study the walk-forward split is the study's own train and test years.
 */
public final class SparkGate implements LeaderGate {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession spark;
    private final PricingSettings pricing;
    private final RegimeSettings regime;
    private final GateSettings settings;
    private final Engine engine;
    private final Validator.ModelRisk risk;
    private final sde.validate.CoverageSettings coverage;

    public SparkGate(SparkSession spark, MarketData md, PricingSettings pricing, RegimeSettings regime, GateSettings settings,
                     sde.validate.CoverageSettings coverage) {
        this.spark = spark;
        this.coverage = coverage;
        this.pricing = pricing;
        this.regime = regime;
        this.settings = settings;
        this.engine = Engine.of(md, pricing);
        this.risk = new Validator.ModelRisk(engine.on(Model.LOW), engine.on(Model.HIGH));
    }

    @Override
    public int topNeeded() {
        return settings.pboTop();
    }

    @Override
    public Judgement judge(Leader l) {
        GateSettings g = settings.withYears(l.trainYears(), l.testYears());
        List<RunSpec> top = new ArrayList<>();
        try {
            for (String params : l.rankedParams().subList(0, Math.min(g.pboTop(), l.rankedParams().size()))) {
                top.add(RunSpec.fromJson(JSON.readTree(params), l.backtest(), regime, "leaderboard"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GateReport v = new Validator(engine, risk, g, coverage).validate(l.id(), l.spec(),
                specs -> SparkScores.scores(spark, l.engine(), l.backtest(), g.trainYears(), g.testYears(), specs),
                new Validator.Trials(l.trialSharpes().length, l.trialSharpes()), top);
        return new Judgement(v.verdict(), v.rejected(), v.overfitScore(), v.flags(), v);
    }
}
