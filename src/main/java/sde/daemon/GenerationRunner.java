package sde.daemon;

import sde.sweep.SweepJob;
import sde.sweep.Study;

import java.util.Map;

/** Runs the next generation of a study and reports what is on disk after it (Spark, or a synthetic objective in tests). */
@FunctionalInterface
public interface GenerationRunner {
    SweepJob.StudyResult next(Study study);

    /** What a study has on disk already (a restarted daemon reconciles with it); null when nothing or not kept. */
    default SweepJob.StudyResult onDisk(String study) { return null; }

    /**
     * Finishes what runs beside the search (the gate's verdicts, the last writes) and closes every
     * open study: the results of the studies that changed, to be recorded without counting a
     * generation. Called once when the daemon stops.
     */
    default Map<String, SweepJob.StudyResult> settle() { return Map.of(); }

    /** Runs this session that ran the centre alone, under their study's bar (SPEC §4's worst case needs no edges there). */
    default long edgesSkipped() { return 0; }
}
