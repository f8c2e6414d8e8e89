package sde.validate;

import sde.pricing.ModelCell;
import sde.results.Flag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SPEC §5 model coverage of one result: its gross option P&L split by model cell, and whether more than
 * coverage.max_unverified_share of it lies in cells no real data has verified (MODEL_UNVERIFIED, with
 * the cells named). Gross: each leg's |P&L| counts, so a hedge's gain and its loss cannot cancel out of
 * sight. A result with no option P&L (shares and cash only) relies on no modeled price and passes.
 */
public record Coverage(double grossOptionPnl, double unverifiedShare, Map<String, Double> shareByCell, List<String> unverifiedCells,
                       boolean flagged) {
    /** @param cellGrossPnl a run's RunResult.cellGrossPnl */
    public static Coverage of(double[] cellGrossPnl, CoverageSettings s) {
        boolean[] verified = s.verifiedMask();
        double total = 0, unverified = 0;
        for (int c = 0; c < cellGrossPnl.length; c++) {
            total += cellGrossPnl[c];
            if (!verified[c]) unverified += cellGrossPnl[c];
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < cellGrossPnl.length; c++) if (cellGrossPnl[c] > 0) order.add(c);
        order.sort((a, b) -> Double.compare(cellGrossPnl[b], cellGrossPnl[a]));   // largest share first
        List<String> named = new ArrayList<>();
        for (int c : order) {
            String name = ModelCell.ofIndex(c).toString();
            shares.put(name, cellGrossPnl[c] / total);
            if (!verified[c]) named.add(name);
        }
        double share = total > 0 ? unverified / total : 0;
        return new Coverage(total, share, shares, named, share > s.maxUnverifiedShare());
    }

    /** "MODEL_UNVERIFIED: 62 % of the gross option P&L in unverified cells (QQQ C d10-25 dte3-7 58 %, …)", or the passing line. */
    public String describe() {
        if (grossOptionPnl == 0) return "no option P&L: relies on no modeled price";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s%.0f %% of the gross option P&L in unverified cells",
                flagged ? Flag.MODEL_UNVERIFIED + ": " : "", 100 * unverifiedShare));
        if (!unverifiedCells.isEmpty()) {
            List<String> top = new ArrayList<>();
            for (String c : unverifiedCells.subList(0, Math.min(5, unverifiedCells.size()))) {
                top.add(String.format(Locale.ROOT, "%s %.0f %%", c, 100 * shareByCell.get(c)));
            }
            sb.append(" (").append(String.join(", ", top)).append(unverifiedCells.size() > 5 ? ", …" : "").append(')');
        }
        return sb.toString();
    }
}
