package sde.daemon;

import sde.backtest.RunResult;
import sde.metrics.Metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The switching oracle (the ceiling on timing): a curve that, each day, holds whichever of the given
 * runs (the rungs' best) did best that day. No causal regime switch among those runs can beat it,
 * so if even this misses the goal, perfect timing among what the search found would not reach it.
 * Per year: the compounded return and the drawdown within the year, as SPEC §3 measures them.
 */
public final class SwitchingOracle {
    private SwitchingOracle() {}

    /** One year of the oracle curve; {@code picks} counts the days each run was the one held. */
    public record Year(int year, double returnPct, double maxDdPct, Map<String, Integer> picks) {}

    public static List<Year> oracle(Map<String, RunResult> runs) {
        if (runs.isEmpty()) return List.of();
        List<String> names = new ArrayList<>(runs.keySet());
        int[] days = runs.get(names.get(0)).days();
        for (RunResult r : runs.values()) {
            if (!Arrays.equals(r.days(), days)) throw new IllegalArgumentException("the runs must cover the same sessions");
        }
        List<Year> out = new ArrayList<>();
        double equity = 1, peak = 1, yearStart = 1, dd = 0;
        int year = LocalDate.ofEpochDay(days[Math.min(1, days.length - 1)]).getYear();
        Map<String, Integer> picks = new LinkedHashMap<>();
        for (int t = 1; t < days.length; t++) {
            int y = LocalDate.ofEpochDay(days[t]).getYear();
            if (y != year) {
                out.add(new Year(year, 100 * (equity / yearStart - 1), 100 * dd, picks));
                year = y;
                yearStart = equity;
                peak = equity;
                dd = 0;
                picks = new LinkedHashMap<>();
            }
            double best = Double.NEGATIVE_INFINITY;
            String who = null;
            for (String n : names) {
                double[] e = runs.get(n).equity();
                double r = Metrics.dailyReturn(e[t - 1], e[t]);
                if (r > best) { best = r; who = n; }
            }
            picks.merge(who, 1, Integer::sum);
            equity *= 1 + best;
            peak = Math.max(peak, equity);
            dd = Math.max(dd, 1 - equity / peak);
        }
        out.add(new Year(year, 100 * (equity / yearStart - 1), 100 * dd, picks));
        return out;
    }
}
