package sde.validate;

import sde.backtest.Engine;
import sde.backtest.RunOutputs;
import sde.backtest.RunResult;
import sde.backtest.RunSpec;
import sde.data.Dates;
import sde.metrics.Metrics;
import sde.metrics.Summary;
import sde.results.Flag;
import sde.strategy.Strategies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the gate for one candidate: its full run and windows, its variants (through
 * {@code variantScores}, which the caller runs on its backend: Spark or a local pool), the Deflated Sharpe Ratio over
 * the study's trials and the PBO over the study's top configurations.
 */
public final class Validator {
    private final Engine engine;
    private final ModelRisk risk;
    private final GateSettings g;
    private final CoverageSettings coverage;

    /**
     * The engines on the low and high surfaces of the model band (SPEC §5 model risk): the candidate
     * is judged again on each; its variants keep their base-surface scores relative to its score.
     */
    public record ModelRisk(Engine low, Engine high) {}

    public Validator(Engine engine, GateSettings g, CoverageSettings coverage) {
        this(engine, null, g, coverage);
    }

    /**
     * @param risk     the model band's engines, or null to judge on the base surface only
     * @param coverage the verified model cells (SPEC §5 model coverage)
     */
    public Validator(Engine engine, ModelRisk risk, GateSettings g, CoverageSettings coverage) {
        this.engine = engine;
        this.risk = risk;
        this.g = g;
        this.coverage = coverage;
    }

    /** The trials of the study so far: how many, and the annualised Sharpe of each (for DSR). */
    public record Trials(int count, double[] annualSharpes) {}

    public GateReport validate(String id, RunSpec spec, Function<List<RunSpec>, List<Double>> variantScores, Trials trials,
                            List<RunSpec> topConfigs) {
        RunResult r = run(spec);
        Summary full = RunOutputs.summarize(r);
        Summary train = RunOutputs.summarizeWindow(r, g.trainYears().get(0), g.trainYears().get(1));
        Summary test = RunOutputs.summarizeWindow(r, g.testYears().get(0), g.testYears().get(1));
        List<Double> scores = variantScores.apply(Jitter.variants(spec, g.sensitivityVariants(), g.jitterMin(), g.jitterMax(), g.seed()));

        double[] returns = dailyReturns(r);
        double[] m = OverfittingStats.moments(returns);
        Integer trialCount = 1;
        Double sharpeVariance = null, expectedMax = null, deflated;
        String deflatedNote = null;
        if (trials != null && trials.count() >= 2) {
            double mean = 0, var = 0;
            for (double s : trials.annualSharpes()) mean += s / Math.sqrt(252);
            mean /= trials.annualSharpes().length;
            for (double s : trials.annualSharpes()) var += Math.pow(s / Math.sqrt(252) - mean, 2);
            var /= trials.annualSharpes().length - 1;
            trialCount = trials.count();
            sharpeVariance = var;
            expectedMax = OverfittingStats.expectedMaxSharpe(trials.count(), var);
            deflated = OverfittingStats.deflatedSharpe(m[0], returns.length, m[1], m[2], trials.count(), var);
        } else {
            deflated = OverfittingStats.deflatedSharpe(m[0], returns.length, m[1], m[2], 1, 0);
            deflatedNote = "no study: one trial, nothing to deflate for";
        }
        Double pbo = null, spa = null;
        Integer pboConfigurations = null;
        String pboNote = null;
        if (topConfigs != null && topConfigs.size() >= 2) {
            double[][] cols = new double[topConfigs.size()][];
            for (int c = 0; c < cols.length; c++) cols[c] = dailyReturns(run(topConfigs.get(c)));
            double[][] matrix = new double[returns.length][cols.length];
            for (int t = 0; t < returns.length; t++) for (int c = 0; c < cols.length; c++) matrix[t][c] = cols[c][t];
            pbo = OverfittingStats.pbo(matrix, g.pboBlocks());
            pboConfigurations = cols.length;
            // Hansen's SPA of the same configurations against buying and holding SPY over the same days.
            RunSpec hold = new RunSpec(List.of(new RunSpec.SlotSpec("hold", "buy_and_hold", 1.0,
                    Strategies.get("buy_and_hold").space().resolve(Map.of(), ""))), spec.backtest(), spec.from(), spec.to());
            double[] bench = dailyReturns(run(hold));
            double[][] diff = new double[returns.length][cols.length];
            for (int t = 0; t < returns.length; t++) for (int c = 0; c < cols.length; c++) diff[t][c] = cols[c][t] - bench[t];
            spa = OverfittingStats.spaPValue(diff, 1000, g.mcMeanBlock(), g.seed());
        } else {
            pboNote = "needs a study's top configurations";
        }
        // SPEC §5 model coverage: where the result's option P&L was made, and whether real data checked the model there.
        Coverage cov = Coverage.of(r.cellGrossPnl(), coverage);
        GateStatistics stats = new GateStatistics(m[0], m[1], m[2], trialCount, sharpeVariance, expectedMax, deflated, deflatedNote, pbo,
                pboConfigurations, spa, pboNote, train.cagrPct(), test.cagrPct(), cov.shareByCell(), cov.unverifiedShare(), cov.describe());
        GateReport base = Gate.judge(id, full, train.cagrPct(), test.cagrPct(), monthly(r), scores, g.seed(), g, stats);
        if (cov.flagged()) base = base.withFlag(Flag.MODEL_UNVERIFIED);
        if (risk == null) return base;
        return base.withModelRisk(onSurface(id, risk.low(), spec, full.score(), scores), onSurface(id, risk.high(), spec, full.score(),
                scores));
    }

    /**
     * The candidate judged on another surface. Its variants are not run again there: each keeps its
     * score relative to the candidate's, so the sensitivity component is the base surface's and what
     * moves is the run itself (consistency, walk-forward, trades, regimes, drawdown).
     */
    private GateReport onSurface(String id, Engine other, RunSpec spec, double baseScore, List<Double> variantScores) {
        RunResult r = other.run(spec);
        Summary full = RunOutputs.summarize(r);
        double f = baseScore > 0 ? full.score() / baseScore : 1;
        List<Double> scaled = variantScores.stream().map(s -> s * f).toList();
        return Gate.judge(id, full, RunOutputs.summarizeWindow(r, g.trainYears().get(0), g.trainYears().get(1)).cagrPct(),
                RunOutputs.summarizeWindow(r, g.testYears().get(0), g.testYears().get(1)).cagrPct(), monthly(r), scaled, g.seed(), g,
                GateStatistics.none());
    }

    /** The candidate's run (for the Monte Carlo's returns and trades). */
    public RunResult run(RunSpec s) {
        return engine.run(s);
    }

    public static double[] dailyReturns(RunResult r) {
        double[] e = r.equity().clone();
        e[0] = r.startingCapital();
        double[] out = new double[e.length - 1];
        for (int t = 1; t < e.length; t++) out[t - 1] = Metrics.dailyReturn(e[t - 1], e[t]);
        return out;
    }

    /** Combined P&L per calendar month, by year (month order). */
    static Map<Integer, double[]> monthly(RunResult r) {
        Map<Integer, double[]> out = new HashMap<>();
        double prev = r.startingCapital();
        int[] d = r.days();
        for (int t = 1; t < d.length; t++) {
            LocalDate day = LocalDate.ofEpochDay(d[t]);
            boolean monthEnd = t == d.length - 1 || LocalDate.ofEpochDay(d[t + 1]).getMonthValue() != day.getMonthValue();
            if (!monthEnd) continue;
            out.computeIfAbsent(day.getYear(), y -> new double[12])[day.getMonthValue() - 1] = r.equity()[t] - prev;
            prev = r.equity()[t];
        }
        return out;
    }

    public static String report(GateReport v) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("validation of %s: overfit_score %.3f → %s%s%n", v.id(), v.overfitScore(), v.verdict(),
                v.rejected() ? " (" + (v.flags().contains(Flag.REJECT_TRADES) ? "a year with too few trades" : "drawdown over the limit")
                        + "; the score alone grades it " + v.grade() + ")" : ""));
        v.components().forEach((k, x) -> sb.append(String.format("  %-18s %8.3f  %s%n", k, x,
                v.passes().containsKey(k) ? (v.passes().get(k) ? "pass" : "FAIL") : "")));
        sb.append(String.format("  %-18s %s  (base score %.4f, variant seed %d)%n", "variant scores", fmt(v.variantScores()),
                v.baseScore(), v.seed()));
        if (v.scoreLow() != null) {
            sb.append(String.format("  %-18s low surface %.4f (%s), high surface %.4f (%s)%n", "model risk", v.scoreLow(), v.verdictLow(),
                    v.scoreHigh(), v.verdictHigh()));
        }
        sb.append("  flags: ").append(v.flags().isEmpty() ? "none" : String.join(", ", Flag.names(v.flags()))).append('\n');
        for (GateStatistics.Line l : v.statistics().lines()) sb.append(String.format("  %-28s %s%n", l.name(), l.value()));
        return sb.toString();
    }

    private static String fmt(List<Double> xs) {
        List<String> s = new ArrayList<>();
        for (double x : xs) s.add(String.format("%.4f", x));
        return String.join(" ", s);
    }

}
