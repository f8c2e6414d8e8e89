package sde.sweep;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import sde.backtest.BacktestSettings;
import sde.backtest.Engine;
import sde.backtest.RunOutputs;
import sde.backtest.RunResult;
import sde.backtest.RunSpec;
import sde.backtest.SpecReader;
import sde.backtest.Trade;
import sde.data.Dates;
import sde.data.MarketData;
import sde.io.Json;
import sde.io.Location;
import sde.metrics.Metrics;
import sde.metrics.Summary;
import sde.regime.RegimeSettings;
import sde.results.LeaderboardRow;
import sde.results.YearFigures;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rolling anchored walk-forward with re-optimisation: for each test year y from
 * the study's first year + 2 to its last, the study's optimizer searches again on the fit years
 * [first, y − 1] only (a sweep of its own), its leader is played through year y, and the test years
 * are stitched into one out-of-sample equity curve whose SPEC metrics are the honest estimate of
 * what re-fitting every year would have earned.
 */
public final class WalkForward {

    private WalkForward() {}

    /** One re-optimisation: the years it fit, the year it was tested on, what it chose and what that earned. */
    @JsonPropertyOrder(alphabetic = true)
    public record Window(List<Integer> fitYears, int testYear, String chosenId, double fitScore, double testYearReturnPct,
                         JsonNode params) {}

    /** The stitched test years' SPEC §4 figures. */
    @JsonPropertyOrder(alphabetic = true)
    public record OutOfSample(List<YearFigures> years, double cagrPct, double maxDdPct, double sharpe, double score,
            String tier,
                              double finalEquity) {}

    /** walkforward.json. */
    @JsonPropertyOrder(alphabetic = true)
    public record Result(String study, List<Window> windows, OutOfSample outOfSample) {}

    public static Result run(SweepContext ctx, Study study, Location out, PrintStream console) {
        MarketData md = ctx.md();
        BacktestSettings backtest = ctx.backtest();
        RegimeSettings regime = ctx.regime();
        int first = study.trainYears().get(0), last = study.testYears().get(1);
        if (last - first < 2) throw new IllegalArgumentException("walk-forward needs at least three years (two to fit, one to test)");
        List<Window> windows = new ArrayList<>();
        List<Integer> days = new ArrayList<>();
        List<Double> equity = new ArrayList<>(), rf = new ArrayList<>(), tradePnl = new ArrayList<>();
        List<Integer> tradeExits = new ArrayList<>();
        double e = backtest.startingCapital();
        Engine engine = Engine.of(md, ctx.pricing());
        for (int y = first + 2; y <= last; y++) {
            Study window = study.toBuilder().name(study.name() + "_wf" + y).trainYears(List.of(first, y - 1)).testYears(List.of(y,
                    y)).build();
            Location dir = out.resolve(window.name());
            SweepJob.StudyResult o = new SweepJob(ctx, window, dir, console).run(false);
            if (o.leaderboard().isEmpty()) {
                throw new IllegalStateException("walk-forward: no feasible row fitting " + first + "-" + (y - 1)
                        + " (SPEC §4): nothing to carry into " + y
                        + "; see " + dir.resolve("optimization_log.json"));
            }
            LeaderboardRow top = o.leaderboard().get(0);
            RunSpec spec = new SpecReader(backtest, regime).read(top.params(), "walk-forward " + y);
            RunResult r = engine.run(spec);
            // The test year's daily returns, chained onto the out-of-sample curve.
            int[] d = r.days();
            double yearStart = Double.NaN, yearEnd = Double.NaN;
            if (days.isEmpty()) {
                for (int t = 0; t + 1 < d.length; t++) {
                    if (Dates.year(d[t]) < y && Dates.year(d[t + 1]) == y) { days.add(d[t]); equity.add(e); rf.add(0.0); }
                }
            }
            for (int t = 1; t < d.length; t++) {
                if (Dates.year(d[t]) != y) continue;
                double ret = r.equity()[t] / (t - 1 == 0 ? r.startingCapital() : r.equity()[t - 1]) - 1;
                if (Double.isNaN(yearStart)) yearStart = e;
                e *= 1 + ret;
                days.add(d[t]);
                equity.add(e);
                rf.add(r.riskFree()[t]);
                yearEnd = e;
            }
            for (Trade tr : r.trades()) {
                if (Dates.year(tr.exitDay()) == y) { tradeExits.add(tr.exitDay()); tradePnl.add(tr.pnl()); }
            }
            windows.add(new Window(List.of(first, y - 1), y, top.id(), top.fitness(), 100 * (yearEnd / yearStart - 1), top.params()));
            console.printf("walk-forward: fit %d-%d -> test %d: chose %s (fit score %.4f), test-year return %.2f%%%n", first, y - 1, y,
                    top.id(), top.fitness(), 100 * (yearEnd / yearStart - 1));
        }
        Summary s = Metrics.compute(days.stream().mapToInt(Integer::intValue).toArray(),
                equity.stream().mapToDouble(Double::doubleValue).toArray(),
                backtest.startingCapital(), rf.stream().mapToDouble(Double::doubleValue).toArray(),
                tradeExits.stream().mapToInt(Integer::intValue).toArray(), tradePnl.stream().mapToDouble(Double::doubleValue).toArray());
        Result result = new Result(study.name(), windows, new OutOfSample(RunOutputs.years(s), s.cagrPct(), s.maxDdPct(),
                s.sharpe(), s.score(), s.tier(), s.finalEquity()));
        List<String> curve = new ArrayList<>(List.of("date,equity"));
        for (int k = 0; k < days.size(); k++) curve.add(Dates.format(days.get(k)) + "," + String.format(Locale.ROOT, "%.2f",
                equity.get(k)));
        out.resolve("walkforward_equity.csv").write(String.join("\n", curve) + "\n");
        Json.write(out.resolve("walkforward.json"), result);
        return result;
    }
}
