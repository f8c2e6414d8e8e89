package sde.sweep;

import org.junit.jupiter.api.Test;
import sde.io.Json;
import sde.optimize.OptimizerSettings;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A study's identity is the hash --resume checks. A setting added to a study must not change the hash of the studies saved
 * before it, or they stop resuming: every component is declared in or out of the identity (SweepJob.IDENTITY, LATE,
 * NOT_IDENTITY), and the records a study holds are hashed whole, so their components are named here and a new one fails
 * until someone decides how it enters.
 */
class StudyIdentityTest {
    private static final Study README = Study.load(Path.of("conf/study.yaml"));

    @Test
    void everyComponentOfAStudyIsDeclaredInOrOutOfItsIdentity() {
        Map<?, ?> json = Json.PLAIN.convertValue(README, Map.class);
        List<String> declared = new ArrayList<>(SweepJob.IDENTITY);
        declared.addAll(SweepJob.LATE);
        declared.addAll(SweepJob.NOT_IDENTITY);
        assertEquals(new TreeSet<>(declared), new TreeSet<>(json.keySet().stream().map(String::valueOf).toList()),
                "a study's keys as its hash sees them: declare a new one in SweepJob.IDENTITY, LATE or NOT_IDENTITY");
        assertEquals(declared.size(), new TreeSet<>(declared).size(), "each key declared once");
    }

    @Test
    void theRecordsAStudyHoldsAreHashedWholeWithTheseComponents() {
        assertEquals(List.of("elites", "tournament", "crossover", "mutationRate", "mutationSigma", "tpeGamma", "tpeCandidates",
                "tpeStartup"), names(OptimizerSettings.class), "a new optimizer setting changes every saved study's hash");
        assertEquals(List.of("name", "id", "weight", "optional", "fixed", "search", "bounds"), names(Study.StudySlot.class));
        assertEquals(List.of("onSwitch", "fixed", "search", "bounds", "weights", "searchWeights"), names(Study.StudyRegime.class));
    }

    @Test
    void theReadmeStudysIdentityIsWhatItsSavedStatesHold() {
        // What optimization_state.json files written by earlier versions hold for conf/study.yaml: a change here is a study
        // that no longer resumes.
        assertEquals("9c6114de7b3eb6dd", SweepJob.studyHash(README));
        assertEquals(SweepJob.studyHash(README), SweepJob.studyHash(README.toBuilder().generations(99).population(7).build()),
                "how long it runs is not its identity");
    }

    private static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
