package sde.validate;

import sde.pricing.ModelCell;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coverage keys of conf/sde.yaml (SPEC §5 model coverage): which model cells real data has
 * verified, with the evidence, and the tolerances a cell's evidence must meet (docs/pricing.md).
 * {@code verified} is written by `jobs/sde benchmark --coverage` from the evidence itself; a test keeps
 * it equal to what the data shows.
 *
 * @param maxUnverifiedShare    more than this share of a result's gross option P&L in unverified cells flags MODEL_UNVERIFIED
 * @param ivTolerancePts        a cell's out-of-sample quotes: mean |IV error| at most this many points ...
 * @param midTolerancePct       ... or mean |mid error| at most this percentage of the mean mid (deep in the money,
 *                              where an IV says little and the price is mostly intrinsic)
 * @param minRows               ... over at least this many quotes
 * @param replicaYearErrorPp    a fund or index replica: |calendar-year error| at most this in every full year ...
 * @param replicaMonthlyCorr    ... and a monthly-return correlation of at least this; it verifies the cells it trades
 * @param verified              cell name (ModelCell form) → the evidence that verified it
 */
public record CoverageSettings(double maxUnverifiedShare, double ivTolerancePts, double midTolerancePct, int minRows,
                               double replicaYearErrorPp, double replicaMonthlyCorr, Map<String, String> verified)
        implements Serializable {
    public CoverageSettings {
        if (!(maxUnverifiedShare >= 0 && maxUnverifiedShare <= 1)) {
            throw new IllegalArgumentException("coverage.max_unverified_share must be in [0, 1], got " + maxUnverifiedShare);
        }
        if (!(ivTolerancePts > 0) || !(midTolerancePct > 0) || minRows < 1 || !(replicaYearErrorPp > 0)
                || !(replicaMonthlyCorr > 0 && replicaMonthlyCorr <= 1)) {
            throw new IllegalArgumentException("coverage: need iv_tolerance_pts > 0, mid_tolerance_pct > 0, min_rows >= 1,"
                    + " replica_year_error_pp > 0 and replica_monthly_corr in (0, 1]");
        }
        verified = verified == null ? Map.of() : new TreeMap<>(verified);
        for (String cell : verified.keySet()) {
            try {
                ModelCell.parse(cell);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("coverage.verified: " + e.getMessage());
            }
        }
    }

    /** The verified cells as a mask over ModelCell.index. */
    public boolean[] verifiedMask() {
        boolean[] m = new boolean[ModelCell.COUNT];
        for (String cell : verified.keySet()) m[ModelCell.parse(cell).index()] = true;
        return m;
    }

    /** These settings with another verified table (the one `benchmark --coverage` measured). */
    public CoverageSettings withVerified(Map<String, String> cells) {
        return new CoverageSettings(maxUnverifiedShare, ivTolerancePts, midTolerancePct, minRows, replicaYearErrorPp, replicaMonthlyCorr,
                cells);
    }
}
