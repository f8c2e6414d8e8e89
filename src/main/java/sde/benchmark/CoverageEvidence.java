package sde.benchmark;

import sde.pricing.Calibration;
import sde.pricing.ModelCell;
import sde.validate.CoverageSettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coverage table (SPEC §5 model coverage): which model cells real data verifies, and by what. Two kinds
 * of evidence, each against the tolerance conf's coverage keys state (docs/pricing.md):
 * <ul>
 *   <li>out-of-sample quotes: the check rows of a cell, at least min_rows of them, with a mean |IV error| within
 *       iv_tolerance_pts, or a mean |mid error| within mid_tolerance_pct of their mean mid (deep in the money an
 *       IV is ill-conditioned while the price, mostly intrinsic, is what the P&L is made of). Calibration rows
 *       never verify: the model was fitted on them;</li>
 *   <li>a replica of a real fund or index whose every full year is within replica_year_error_pp of it and whose
 *       monthly returns correlate at replica_monthly_corr or more: it verifies the cells its own option legs
 *       opened in (its run's gross option P&L by cell), each holding at least MIN_REPLICA_SHARE of it.</li>
 * </ul>
 */
public final class CoverageEvidence {
    /** A replica vouches only for cells that carry a real part of its option P&L. */
    static final double MIN_REPLICA_SHARE = 0.05;

    private CoverageEvidence() {}

    /** One cell's evidence and whether it meets the tolerance. */
    public record Line(String cell, String kind, boolean verified, String evidence) {}

    /** Every cell with evidence, verified or not, in cell order; quotes first, then replicas, for a cell with both. */
    public static List<Line> lines(List<Calibration.Row> checkRows, List<Replication.Result> replicas, CoverageSettings s) {
        List<Line> out = new ArrayList<>();
        Map<ModelCell, List<Calibration.Row>> byCell = new TreeMap<>(ModelCell.ORDER);
        for (Calibration.Row r : checkRows) byCell.computeIfAbsent(Calibration.cell(r), k -> new ArrayList<>()).add(r);
        byCell.forEach((cell, rows) -> {
            Calibration.Bucket b = Calibration.cells(rows).get(cell);
            double meanMid = rows.stream().mapToDouble(Calibration.Row::realMid).average().orElse(Double.NaN);
            double midPct = 100 * b.maeMid() / meanMid;
            boolean ok = b.n() >= s.minRows() && (b.maeIvPts() <= s.ivTolerancePts() || midPct <= s.midTolerancePct());
            out.add(new Line(cell.toString(), "quotes", ok, String.format(Locale.ROOT,
                    "check quotes: %d rows, IV MAE %.2f pts (bias %+.2f), mid error %.1f %%", b.n(), b.maeIvPts(), b.ivBiasPts(), midPct)));
        });
        for (Replication.Result r : replicas) {
            if (!r.compared()) continue;
            double worst = 0;
            for (Replication.YearRow y : r.years()) if (!y.partial() && y.errorPp() != null) worst = Math.max(worst, Math.abs(y.errorPp()));
            boolean ok = worst <= s.replicaYearErrorPp() && r.monthlyCorr() != null && r.monthlyCorr() >= s.replicaMonthlyCorr();
            // Shares of the gross by magnitude: a writer's cells can lose (a daily fund's calls that ended in the money).
            double total = Arrays.stream(r.cellGrossPnl()).map(Math::abs).sum();
            for (int c = 0; c < r.cellGrossPnl().length; c++) {
                if (total <= 0 || Math.abs(r.cellGrossPnl()[c]) / total < MIN_REPLICA_SHARE) continue;
                out.add(new Line(ModelCell.ofIndex(c).toString(), "replica", ok, String.format(Locale.ROOT,
                        "%s replica: max |year error| %.2f pp, monthly corr %.3f (%.0f %% of its option P&L here)", r.index(), worst,
                        r.monthlyCorr(), 100 * Math.abs(r.cellGrossPnl()[c]) / total)));
            }
        }
        out.sort(Comparator.comparing((Line l) -> ModelCell.parse(l.cell()), ModelCell.ORDER));
        return out;
    }

    /** The verified cells with their evidence: conf's coverage.verified. */
    public static Map<String, String> verified(List<Line> lines) {
        Map<String, String> out = new TreeMap<>(Comparator.comparing(ModelCell::parse, ModelCell.ORDER));
        for (Line l : lines) if (l.verified()) out.merge(l.cell(), l.evidence(), (a, b) -> a + "; " + b);
        return out;
    }
}
