package sde.regime;

import sde.data.Dates;
import sde.data.MarketData;
import sde.data.Symbol;

import java.util.ArrayList;
import java.util.List;

/**
 * Days, share of days, SPY return and mean VIX per regime and year. The return of session t
 * (close t−1 to close t, dividend-adjusted) counts for the label known at close t−1, which is what a
 * strategy could have acted on.
 */
public final class RegimeTable {
    private RegimeTable() {}

    public record Row(String year, Regime regime, int days, double sharePct, double spyReturnPct, double meanVix) {}

    public static List<Row> rows(MarketData md, RegimeClassifier.Labels l, int from, int to) {
        List<Row> out = new ArrayList<>();
        int a = md.indexOnOrAfter(from), b = md.indexOnOrBefore(to);
        int firstYear = Dates.year(md.day(a)), lastYear = Dates.year(md.day(b));
        for (int y = firstYear; y <= lastYear + 1; y++) {
            boolean all = y == lastYear + 1;
            int total = 0;
            for (int t = a; t <= b; t++) if (all || Dates.year(md.day(t)) == y) total++;
            for (Regime r : Regime.values()) {
                int days = 0;
                double growth = 1, vix = 0;
                for (int t = a; t <= b; t++) {
                    if (!all && Dates.year(md.day(t)) != y) continue;
                    if (l.at(t) == r) { days++; vix += l.vix()[t]; }
                    if (t > 0 && l.at(t - 1) == r) growth *= md.adjClose(Symbol.SPY, t) / md.adjClose(Symbol.SPY, t - 1);
                }
                if (days > 0) out.add(new Row(all ? "all" : Integer.toString(y), r, days, 100.0 * days / total, 100 * (growth - 1),
                        vix / days));
            }
        }
        return out;
    }
}
