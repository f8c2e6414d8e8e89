package sde.benchmark;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import sde.backtest.BacktestSettings;
import sde.backtest.Backtester;
import sde.backtest.Engine;
import sde.backtest.RunResult;
import sde.backtest.Slot;
import sde.backtest.Trade;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.NyseCalendar;
import sde.data.RawSeries;
import sde.pricing.PricingSettings;
import sde.param.Params;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replicates a Cboe strategy index on SPY through the engine (SPEC §7 `benchmark`) and, where the
 * data has the index, compares them: per calendar year the replica's return, the index's and the
 * error in points; over the months, the correlation of monthly returns and the tracking error.
 *
 * <p>The run starts at the first decision day (the last session before {@code firstYear}, SPEC §2)
 * and goes to the data's last session, so the year after the evaluated ones is reported to date.
 */
public final class Replication {
    /** Positions the replica's account allows at least: room for a roll's overlapping sleeves. */
    private static final int MIN_POSITIONS = 4;


    /** One calendar year; index figures are null where the data has no index. */
    public record YearRow(int year, double replicaReturnPct, Double indexReturnPct, Double errorPp, boolean partial) {}

    /**
     * A replica and its comparison. {@code days}, {@code replica} and {@code index} are the daily
     * levels (the replica scaled to the index's level on the first day, or to 100 without one).
     */
    public record Result(String index, String description, boolean compared, String from, String to, List<YearRow> years,
                         Double monthlyCorr, Double trackingErrorPp, int months, Double meanAbsErrorPp, Double maxAbsErrorPp,
                         int trades, Map<String, Integer> exits, double wallMs,
                         @JsonIgnore int[] days, @JsonIgnore double[] replica, @JsonIgnore double[] indexLevel,
                         @JsonIgnore List<Trade> tradeLog, @JsonIgnore double[] equity, @JsonIgnore double[] cellGrossPnl) {}

    private final MarketData md;
    private final Backtester engine;
    private final SleeveStrategy strategy;
    private final BenchmarkSettings settings;

    public Replication(MarketData md, PricingSettings pricing, BacktestSettings account, BenchmarkSettings settings) {
        this.md = md;
        this.settings = settings;
        // The account's margin and interest rules; the index's capital, years, leverage and settlement.
        BacktestSettings b = account.toBuilder().startingCapital(settings.startingCapital()).firstYear(settings.firstYear())
                .lastYear(Dates.year(md.lastDay())).maxPositions(Math.max(account.maxPositions(), MIN_POSITIONS))
                .maxRiskPct(settings.maxBuyingPower()).maxBuyingPower(settings.maxBuyingPower()).compounding(true)
                .earlyAssignment(settings.earlyAssignment()).expirySettlement(settings.expirySettlement())
                .morningFraction(settings.morningFraction()).build();
        this.engine = Engine.of(md, pricing).indexEmulation(b);
        int first = md.indexOnOrAfter(Dates.of(settings.firstYear() + "-01-01")) - 1;
        this.strategy = new SleeveStrategy(settings.collateralMultiple(), settings.strikeFraction(),
                settings.expirySettlement() == BacktestSettings.Settlement.OPEN, first >= 0 ? md.day(first) : Integer.MIN_VALUE,
                settings.earlyAssignment());
    }

    /** The replica of {@code index}, compared with {@code levels} when not null. */
    public Result run(CboeIndex index, RawSeries levels) {
        long t0 = System.nanoTime();
        List<Slot<?>> slots = new ArrayList<>();
        for (Sleeve s : index.sleeves()) slots.add(new Slot<>(s.tag(), strategy, Params.none(), s, 1.0));
        RunResult r = engine.run(slots, Dates.of(settings.firstYear() + "-01-01"), md.lastDay());
        double wallMs = (System.nanoTime() - t0) / 1e6;

        Map<String, Integer> exits = new TreeMap<>();
        for (Trade t : r.trades()) exits.merge(t.reason().toString(), 1, Integer::sum);
        return compare(index.name(), index.description(), r.days(), r.equity(), levels, index.feePctPerYear(), r.trades().size(), exits,
                wallMs, r.trades(), r.cellGrossPnl());
    }

    /**
     * A replica's account equity by session compared with its real levels ({@code levels} null: not
     * compared): the fee taken out, the years, the months' correlation and tracking error. A year the run
     * starts or ends inside is partial (marked *), and left out of the mean and largest |error|.
     */
    static Result compare(String name, String description, int[] days, double[] equity, RawSeries levels, double feePctPerYear,
                          int trades, Map<String, Integer> exits, double wallMs, List<Trade> tradeLog, double[] cellGrossPnl) {
        int n = days.length;
        double[] idx = new double[n];
        boolean compared = levels != null;
        for (int i = 0; i < n; i++) idx[i] = compared ? levelOnOrBefore(levels, days[i]) : Double.NaN;
        compared = compared && !Double.isNaN(idx[0]);
        double base = compared ? idx[0] : 100;
        double[] rep = new double[n];
        // A fund's expense ratio accrues daily on its assets. Its sizing is proportional to its equity, so
        // charging the fee on the finished path is the same as taking it out day by day (to whole contracts).
        double feeRate = -Math.log1p(-feePctPerYear / 100) / 365;
        for (int i = 0; i < n; i++) rep[i] = base * equity[i] / equity[0] * Math.exp(-feeRate * (days[i] - days[0]));

        List<YearRow> years = new ArrayList<>();
        int prevEnd = 0;
        double sumAbs = 0, maxAbs = 0;
        int fullYears = 0;
        for (int i = 1; i < n; i++) {
            boolean yearEnd = i == n - 1 || Dates.year(days[i + 1]) != Dates.year(days[i]);
            if (!yearEnd) continue;
            int year = Dates.year(days[i]);
            boolean partial = (i == n - 1 && !isLastSessionOfYear(days[i])) || (prevEnd == 0 && Dates.year(days[0]) == year);
            double rr = 100 * (rep[i] / rep[prevEnd] - 1);
            Double ir = null, err = null;
            if (compared && !Double.isNaN(idx[i]) && !Double.isNaN(idx[prevEnd])) {
                ir = 100 * (idx[i] / idx[prevEnd] - 1);
                err = rr - ir;
                if (!partial) {
                    sumAbs += Math.abs(err);
                    maxAbs = Math.max(maxAbs, Math.abs(err));
                    fullYears++;
                }
            }
            years.add(new YearRow(year, rr, ir, err, partial));
            prevEnd = i;
        }

        Double corr = null, te = null;
        int months = 0;
        if (compared) {
            List<Month> m = months(days, rep, idx);
            months = m.size();
            corr = correlation(m);
            te = trackingError(m);
        }
        return new Result(name, description, compared, Dates.format(days[0]), Dates.format(days[n - 1]),
                years, corr, te, months, fullYears > 0 ? sumAbs / fullYears : null, fullYears > 0 ? maxAbs : null,
                trades, exits, wallMs, days, rep, idx, tradeLog, equity, cellGrossPnl);
    }

    private static boolean isLastSessionOfYear(int day) {
        return NyseCalendar.sessionOnOrBefore(LocalDate.of(Dates.year(day), 12, 31)).toEpochDay() == day;
    }

    /** The index level on {@code day}, or on the last day before it that the file has (NaN before its first row). */
    static double levelOnOrBefore(RawSeries s, int day) {
        int k = s.indexOf(day);
        if (k < 0) k = -k - 2;
        return k < 0 ? Double.NaN : s.close()[k];
    }

    /** One calendar month of a replica and its index: the returns between consecutive month-end sessions. */
    record Month(int year, double replica, double index) {}

    /** The months of the run where the index has levels at both month ends. */
    static List<Month> months(int[] days, double[] rep, double[] idx) {
        List<Month> out = new ArrayList<>();
        int prev = 0;
        for (int i = 1; i < days.length; i++) {
            boolean monthEnd = i == days.length - 1 || !Dates.format(days[i + 1]).substring(0, 7).equals(Dates.format(days[i]).substring(0,
                    7));
            if (!monthEnd) continue;
            if (!Double.isNaN(idx[i]) && !Double.isNaN(idx[prev])) {
                out.add(new Month(Dates.year(days[i]), rep[i] / rep[prev] - 1, idx[i] / idx[prev] - 1));
            }
            prev = i;
        }
        return out;
    }

    static double correlation(List<Month> months) {
        double[] a = new double[months.size()], b = new double[months.size()];
        for (int k = 0; k < a.length; k++) { a[k] = months.get(k).replica(); b[k] = months.get(k).index(); }
        return a.length < 3 ? Double.NaN : new PearsonsCorrelation().correlation(a, b);
    }

    /** Annualized standard deviation of the monthly return difference, in points. */
    static double trackingError(List<Month> months) {
        double[] d = new double[months.size()];
        for (int k = 0; k < d.length; k++) d[k] = months.get(k).replica() - months.get(k).index();
        return d.length < 2 ? Double.NaN
                : 100 * Math.sqrt(12) * new StandardDeviation().evaluate(d);
    }
}
