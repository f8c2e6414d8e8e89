package sde.daemon;

import sde.backtest.Engine;
import sde.backtest.RunSpec;
import sde.backtest.SpecReader;
import sde.pricing.Model;
import sde.results.Feasibility;
import sde.sweep.LeaderGate;
import sde.sweep.Scoring;
import sde.sweep.SweepContext;
import sde.validate.CoverageSettings;
import sde.validate.GateReport;
import sde.validate.GateSettings;
import sde.validate.Validator;

import java.util.ArrayList;
import java.util.List;

/**
 * The SPEC §5 gate as the sweep and the daemon use it: a leader's sensitivity variants scored
 * through the sweep's own backend (one Spark job on the broadcast engine, or this JVM's threads), its
 * model risk on the band's low and high surfaces, the Deflated Sharpe Ratio over every trial and PBO
 * over the study's top configurations. Inside a study the walk-forward split is the study's own
 * train and test years.
 */
public final class SearchGate implements LeaderGate {
    private final SweepContext ctx;
    private final GateSettings settings;
    private final Engine engine;
    private final Validator.ModelRisk risk;
    private final CoverageSettings coverage;

    public SearchGate(SweepContext ctx, GateSettings settings, CoverageSettings coverage) {
        this.ctx = ctx;
        this.settings = settings;
        this.coverage = coverage;
        this.engine = Engine.of(ctx.md(), ctx.pricing());
        this.risk = new Validator.ModelRisk(engine.on(Model.LOW), engine.on(Model.HIGH));
    }

    @Override
    public int topNeeded() {
        return settings.pboTop();
    }

    @Override
    public Judgement judge(Leader l) {
        GateSettings g = settings.withYears(l.trainYears(), l.testYears());
        SpecReader reader = new SpecReader(l.backtest(), ctx.regime());
        List<RunSpec> top = new ArrayList<>();
        for (String params : l.rankedParams().subList(0, Math.min(g.pboTop(), l.rankedParams().size()))) {
            top.add(reader.read(params, "leaderboard"));
        }
        // The variants' whole-run scores are read, not their rank: the default feasibility lines do.
        Scoring variants = new Scoring(null, reader, g.trainYears(), g.testYears(), Feasibility.DEFAULT);
        GateReport v = new Validator(engine, risk, g, coverage).validate(l.id(), l.spec(),
                specs -> ctx.backend().evaluator(variants, 0).scores(specs), new Validator.Trials(l.trialSharpes().length,
                        l.trialSharpes()),
                top);
        return new Judgement(v.verdict(), v.rejected(), v.overfitScore(), v.flags(), v);
    }
}
