package sde.report;

import sde.backtest.RunOutputs;
import sde.backtest.RunResult;
import sde.data.Dates;
import sde.data.MarketData;
import sde.metrics.Metrics;
import sde.regime.Regime;
import sde.results.VerdictFile;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** The report's numbers: drawdowns, monthly returns and the CSV files notebooks read (report/data/). */
final class ReportFigures {
    private ReportFigures() {}

    static double[] dailyReturns(double[] equity) {
        return Metrics.dailyReturns(equity);
    }

    static double[] drawdownPct(double[] equity) {
        double[] dd = new double[equity.length];
        double peak = equity[0];
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = 100 * (equity[i] / peak - 1);
        }
        return dd;
    }

    /** Month-end to month-end returns in percent, [year][month], NaN where the run does not cover. */
    static double[][] monthly(int[] days, double[] equity, int[] years) {
        double[][] out = new double[years.length][12];
        for (double[] row : out) Arrays.fill(row, Double.NaN);
        double prev = equity[0];
        for (int i = 1; i < days.length; i++) {
            LocalDate d = LocalDate.ofEpochDay(days[i]);
            boolean monthEnd = i == days.length - 1 || LocalDate.ofEpochDay(days[i + 1]).getMonthValue() != d.getMonthValue();
            if (!monthEnd) continue;
            int y = d.getYear() - years[0];
            if (y >= 0 && y < years.length) out[y][d.getMonthValue() - 1] = 100 * (equity[i] / prev - 1);
            prev = equity[i];
        }
        return out;
    }

    /** The calendar years a run covers (its first session is the day before the window). */
    static int[] years(int[] days) {
        int first = LocalDate.ofEpochDay(days[Math.min(1, days.length - 1)]).getYear(),
                last = LocalDate.ofEpochDay(days[days.length - 1]).getYear();
        int[] y = new int[last - first + 1];
        for (int k = 0; k < y.length; k++) y[k] = first + k;
        return y;
    }

    static int regimeAt(MarketData md, int[] labels, int day) {
        int i = md.indexOf(day);
        return i >= 0 && i < labels.length ? labels[i] : Regime.NEUTRAL.ordinal();
    }

    static String equityCsv(MarketData md, RunResult r, int[] labels) {
        StringBuilder sb = new StringBuilder("date,equity,drawdown_pct,regime");
        for (String id : r.slotIds()) sb.append(',').append(id);
        sb.append(',').append(RunOutputs.INTEREST).append('\n');
        double[] dd = drawdownPct(r.equity());
        for (int i = 0; i < r.days().length; i++) {
            sb.append(Dates.format(r.days()[i])).append(',').append(String.format(Locale.ROOT, "%.2f,%.4f,", r.equity()[i], dd[i]))
                    .append(Regime.values()[regimeAt(md, labels, r.days()[i])]);
            for (double[] c : r.contribution()) sb.append(String.format(Locale.ROOT, ",%.2f", c[i]));
            sb.append(String.format(Locale.ROOT, ",%.2f", r.interest()[i])).append('\n');
        }
        return sb.toString();
    }

    static String monthlyCsv(RunResult r) {
        int[] years = years(r.days());
        double[][] m = monthly(r.days(), r.equity(), years);
        StringBuilder sb = new StringBuilder("year,month,return_pct\n");
        for (int y = 0; y < years.length; y++) {
            for (int k = 0; k < 12; k++) if (Double.isFinite(m[y][k])) sb.append(years[y]).append(',').append(k
                    + 1).append(String.format(Locale.ROOT, ",%.4f%n", m[y][k]));
        }
        return sb.toString();
    }

    static String verdictsCsv(Map<String, VerdictFile> v) {
        StringBuilder sb = new StringBuilder("id,overfit_score,verdict\n");
        v.forEach((id, m) -> sb.append(id).append(',').append(m.overfitScore()).append(',').append(m.verdict()).append('\n'));
        return sb.toString();
    }

    static String regimesCsv(MarketData md, int[] labels) {
        StringBuilder sb = new StringBuilder("date,regime\n");
        for (int i = 0; i < labels.length; i++) sb.append(Dates.format(md.day(i))).append(',').append(Regime.values()[labels[i]])
                .append('\n');
        return sb.toString();
    }
}
