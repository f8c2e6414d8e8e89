package sde.backtest;

import sde.data.Dates;
import sde.io.AtomicFiles;
import sde.io.Json;
import sde.metrics.Metrics;
import sde.metrics.Summary;
import sde.metrics.YearStats;
import sde.results.Feasibility;
import sde.results.YearFigures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** summary.json, trades.csv, equity.csv and monthly.csv of one run (SPEC §7), written whole or not at all. */
public final class RunOutputs {
    private RunOutputs() {}

    public static Summary summarize(RunResult r) {
        int[] exits = r.trades().stream().mapToInt(Trade::exitDay).toArray();
        double[] pnl = r.trades().stream().mapToDouble(Trade::pnl).toArray();
        return Metrics.compute(r.days(), r.equity(), r.startingCapital(), r.riskFree(), exits, pnl, r.capacityBoundDays());
    }

    /**
     * SPEC §3–4 metrics of the years [firstYear, lastYear] of a run, as if it had started at the close
     * before firstYear with the equity it had there (the first window starts from the capital).
     */
    public static Summary summarizeWindow(RunResult r, int firstYear, int lastYear) {
        int[] d = r.days();
        int a = 0;
        while (a + 1 < d.length && Dates.year(d[a + 1]) < firstYear) a++;
        int b = a;
        while (b + 1 < d.length && Dates.year(d[b + 1]) <= lastYear) b++;
        if (b <= a) throw new IllegalArgumentException("the run has no session in " + firstYear + ".." + lastYear);
        int from = d[a], to = d[b];
        double start = a == 0 ? r.startingCapital() : r.equity()[a];
        List<Trade> in = r.trades().stream().filter(t -> t.exitDay() > from && t.exitDay() <= to).toList();
        int[] bound = Arrays.stream(r.capacityBoundDays()).filter(x -> x > from && x <= to).toArray();
        return Metrics.compute(Arrays.copyOfRange(d, a, b + 1), Arrays.copyOfRange(r.equity(), a, b + 1), start,
                Arrays.copyOfRange(r.riskFree(), a, b + 1), in.stream().mapToInt(Trade::exitDay).toArray(),
                in.stream().mapToDouble(Trade::pnl).toArray(), bound);
    }

    public static String codeVersion() {
        String v = RunOutputs.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** SPEC §7 `years`: a list of {year, return_pct, max_dd_pct, trades, sharpe, score}. */
    public static List<YearFigures> years(Summary s) {
        List<YearFigures> years = new ArrayList<>();
        for (YearStats y : s.years()) years.add(new YearFigures(y.year(), y.returnPct(), y.maxDdPct(), y.trades(), y.sharpe(), y.score(),
                y.capacityBoundTrades()));
        return years;
    }

    /** The years of {@code s} with each year's return and drawdown on {@code worst} beside them (SPEC §4, §7). */
    public static List<YearFigures> years(Summary s, Summary worst) {
        List<YearFigures> out = new ArrayList<>();
        List<YearFigures> base = years(s);
        for (int k = 0; k < base.size(); k++) {
            YearStats w = worst.years().get(k);
            out.add(base.get(k).withWorst(w.returnPct(), w.maxDdPct()));
        }
        return out;
    }

    /** {@code train}: the window SPEC §4's feasibility is judged on. */
    public static RunSummary summaryJson(String id, RunSpec spec, RunResult r, Summary s, Summary train, String fingerprint,
            double wallMs) {
        double violation = train.violation(Feasibility.DEFAULT);
        return new RunSummary(id, r.synthetic() ? "SYNTHETIC market: generated data, not a result" : null, years(s), s.cagrPct(),
                s.maxDdPct(),
                s.sharpe(), s.sortino(), s.calmar(), s.consistency(), s.score(), s.tier(), s.longestRecoveryDays(),
                        s.maxConsecutiveLosers(),
                s.trades(), s.capacityBoundTrades(), Feasibility.feasible(violation), violation, s.finalEquity(), spec.toJson(),
                        fingerprint, codeVersion(), r.pricings(), wallMs, null, null, null);
    }

    public static void write(Path dir, RunSummary summary, RunResult r) {
        AtomicFiles.writeDirectory(dir, staged -> {
            Files.writeString(staged.resolve("summary.json"), Json.toJson(summary) + "\n");
            Files.write(staged.resolve("trades.csv"), trades(r));
            Files.write(staged.resolve("equity.csv"), equity(r));
            Files.write(staged.resolve("monthly.csv"), monthly(r));
            return null;
        });
    }

    static List<String> trades(RunResult r) {
        List<String> out = new ArrayList<>(List.of("strategy,tag,entry_date,exit_date,legs,units,entry_cash,exit_cash,costs,pnl,reason"));
        for (Trade t : r.trades()) {
            out.add(String.join(",", t.strategy(), t.tag(), Dates.format(t.entryDay()), Dates.format(t.exitDay()), "\"" + t.legs() + "\"",
                    Integer.toString(t.units()), num(t.entryCash()), num(t.exitCash()), num(t.costs()), num(t.pnl()),
                            t.reason().toString()));
        }
        return out;
    }

    /** The column (equity.csv) and row (monthly.csv) of the interest the account's cash earned or paid (SPEC §3). */
    public static final String INTEREST = "cash_interest";

    static List<String> equity(RunResult r) {
        StringBuilder h = new StringBuilder("date,equity");
        for (String id : r.slotIds()) h.append(",").append(id);
        h.append(",").append(INTEREST);
        List<String> out = new ArrayList<>(List.of(h.toString()));
        for (int i = 0; i < r.days().length; i++) {
            StringBuilder sb = new StringBuilder(Dates.format(r.days()[i])).append(',').append(num(r.equity()[i]));
            for (double[] c : r.contribution()) sb.append(',').append(num(c[i]));
            sb.append(',').append(num(r.interest()[i]));
            out.add(sb.toString());
        }
        return out;
    }

    /** P&L per calendar month, per strategy and combined (differences of month-end values). */
    static List<String> monthly(RunResult r) {
        TreeMap<String, Integer> monthEnd = new TreeMap<>();
        for (int i = 1; i < r.days().length; i++) monthEnd.put(Dates.format(r.days()[i]).substring(0, 7), i);
        List<String> out = new ArrayList<>(List.of("month,strategy,pnl"));
        int prev = 0;
        for (Map.Entry<String, Integer> e : monthEnd.entrySet()) {
            int i = e.getValue();
            for (int s = 0; s < r.slotIds().length; s++) {
                out.add(e.getKey() + "," + r.slotIds()[s] + "," + num(r.contribution()[s][i] - (prev == 0 ? 0
                        : r.contribution()[s][prev])));
            }
            out.add(e.getKey() + "," + INTEREST + "," + num(r.interest()[i] - (prev == 0 ? 0 : r.interest()[prev])));
            double before = prev == 0 ? r.startingCapital() : r.equity()[prev];
            out.add(e.getKey() + ",combined," + num(r.equity()[i] - before));
            prev = i;
        }
        return out;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public static String table(Summary s) {
        StringBuilder sb = new StringBuilder(String.format("%6s %9s %8s %7s %7s %8s%n", "year", "return%", "maxDD%", "trades", "sharpe",
                "score"));
        for (YearStats y : s.years()) {
            sb.append(String.format(Locale.ROOT, "%6d %9.2f %8.2f %7d %7.2f %8.3f%n", y.year(), y.returnPct(), y.maxDdPct(), y.trades(),
                    y.sharpe(), y.score()));
        }
        sb.append(String.format(Locale.ROOT, "CAGR %.2f%%  maxDD %.2f%%  Sharpe %.2f  Sortino %.2f  Calmar %.2f  score %.4f  tier %s%n",
                s.cagrPct(), s.maxDdPct(), s.sharpe(), s.sortino(), s.calmar(), s.score(), s.tier()));
        sb.append(String.format(Locale.ROOT, "trades %d  longest recovery %d sessions  max consecutive losers %d  final equity %.2f%n",
                s.trades(), s.longestRecoveryDays(), s.maxConsecutiveLosers(), s.finalEquity()));
        return sb.toString();
    }
}
