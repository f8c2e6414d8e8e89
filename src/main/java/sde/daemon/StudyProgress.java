package sde.daemon;

import sde.sweep.SweepJob;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where one study of the ladder stands: its rung, members (a strategy name for a single study, the
 * single studies it blends otherwise), generations and evaluations so far, its best train score
 * and row, its current ROBUST best and that row's train score (NaN when none), and how many generations it has gone without improving.
 * {@code bestParams} is the best row's params file (SPEC §7): blends are built from the singles'.
 * {@code bounds} are a restart's searched bounds per parameter, fixed when the restart was made
 * (re-centred on the best it restarts from); empty for the declared bounds. {@code curve} is the
 * study's best-so-far curve: after each generation, its evaluations so far and its best train score
 * (the ceiling's curves, kept in the state file so that they outlive a restart of the daemon).
 */
public record StudyProgress(String name, Rung rung, List<String> members, int generations, int evaluations, double bestFitness,
                            String bestId, String bestTier, String bestRobustId, double bestRobustScore, int stale, boolean plateaued,
                            JsonNode bestParams, Map<String, List<Double>> bounds, List<double[]> curve) {
    public StudyProgress {
        members = List.copyOf(members);
        // Sorted, so that the study built from it (and its hash) is the same in every JVM.
        bounds = bounds == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(bounds));
        bestParams = bestParams == null || bestParams.isNull() ? JsonNodeFactory.instance.objectNode() : bestParams;
        curve = curve == null ? List.of() : List.copyOf(curve);
    }

    static StudyProgress fresh(String name, Rung rung, List<String> members) {
        return new StudyProgress(name, rung, members, 0, 0, Double.NEGATIVE_INFINITY, null, null, null, Double.NaN, 0, false, null, null,
                null);
    }

    /** The same progress with a restart's searched bounds. */
    StudyProgress withBounds(Map<String, List<Double>> searched) {
        return new StudyProgress(name, rung, members, generations, evaluations, bestFitness, bestId, bestTier, bestRobustId,
                bestRobustScore, stale, plateaued, bestParams, searched, curve);
    }

    /** The same progress with the study's ROBUST best as the gate's last verdicts left it. */
    StudyProgress withRobust(SweepJob.StudyResult r) {
        return new StudyProgress(name, rung, members, generations, evaluations, bestFitness, bestId, bestTier, r.bestRobustId(),
                r.robustScore(), stale, plateaued, bestParams, bounds, curve);
    }

    /** Searched again (--reopen): its stale count cleared, plateaued only if it has no generations left. */
    StudyProgress reopened(int maxGenerations) {
        return new StudyProgress(name, rung, members, generations, evaluations, bestFitness, bestId, bestTier, bestRobustId,
                bestRobustScore, 0, generations >= maxGenerations, bestParams, bounds, curve);
    }

    /**
     * After one more generation {@code r}: its counts, its ROBUST best, and its best row when it {@code improved} the
     * study's best by the daemon's margin (else the best stays), with the ladder's judgement of staleness.
     */
    StudyProgress after(SweepJob.StudyResult r, boolean improved, int stale, boolean plateaued) {
        return new StudyProgress(name, rung, members, r.generations(), r.evaluations(), improved ? r.bestFitness() : bestFitness,
                improved ? r.bestId() : bestId, improved ? r.bestTier() : bestTier, r.bestRobustId(), r.robustScore(), stale, plateaued,
                improved ? r.bestParams() : bestParams, bounds, plus(r));
    }

    /** The curve with the point {@code r} adds, when it has a best score. */
    private List<double[]> plus(SweepJob.StudyResult r) {
        if (!Double.isFinite(r.bestFitness())) return curve;
        List<double[]> out = new ArrayList<>(curve);
        out.add(new double[]{r.evaluations(), r.bestFitness()});
        return out;
    }

    /** This progress with the curve an earlier daemon's journal recorded (a state file written before the curve was kept). */
    StudyProgress withCurve(List<double[]> points) {
        return new StudyProgress(name, rung, members, generations, evaluations, bestFitness, bestId, bestTier, bestRobustId,
                bestRobustScore, stale, plateaued, bestParams, bounds, points);
    }

    boolean hasBest() { return bestId != null && Double.isFinite(bestFitness); }
}
