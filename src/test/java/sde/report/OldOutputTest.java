package sde.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sde.io.Json;
import sde.io.Location;
import sde.results.Verdict;
import sde.results.VerdictFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** SPEC §7: every JSON the engine writes has snake_case keys, and an output folder of an older version still reads. */
class OldOutputTest {

    @Test
    void aVerdictWrittenWithCamelCaseKeysStillReads(@TempDir Path out) throws Exception {
        Path v = out.resolve("validations");
        Files.createDirectories(v);
        // What an older `validate` wrote: camelCase at the top, snake_case inside.
        Files.writeString(v.resolve("abc123.json"), """
                {"id": "abc123", "overfitScore": 0.734, "verdict": "ROBUST", "rejected": false,
                 "baseScore": 0.5, "variantScores": [0.4, 0.5], "components": {"walkforward_ratio": 0.9}}
                """);
        Map<String, VerdictFile> read = ReportSources.verdicts(Location.of(out));
        VerdictFile m = read.get("abc123");
        assertNotNull(m, "read back");
        assertEquals(0.734, m.overfitScore());
        assertEquals(Verdict.ROBUST, m.verdict());
        assertEquals(List.of(0.4, 0.5), m.variantScores());
        assertEquals(0.5, m.baseScore());
        assertEquals(0.9, m.components().get("walkforward_ratio"));
    }

    @Test
    void aRejectedVerdictWrittenBeforeRejectedWasAVerdictReadsAsRejected(@TempDir Path out) throws Exception {
        Path v = out.resolve("validations");
        Files.createDirectories(v);
        // An older gate wrote the grade as the verdict and the rejection beside it; SPEC §5 says every screen says REJECTED.
        Files.writeString(v.resolve("old.json"), """
                {"id": "old", "overfit_score": 0.747, "verdict": "ROBUST", "rejected": true, "flags": ["REJECT_TRADES"]}
                """);
        VerdictFile m = ReportSources.verdicts(Location.of(out)).get("old");
        assertEquals(Verdict.REJECTED, m.verdict());
        assertEquals(Verdict.ROBUST, m.grade());
        assertFalse(m.robust());
    }

    @Test
    void theEngineWritesSnakeCaseKeys() {
        record Example(double overfitScore, double baseScore, List<Double> variantScores) {}
        String json = Json.toJson(new Example(0.7, 0.5, List.of(0.1)));
        assertTrue(json.contains("\"overfit_score\"") && json.contains("\"base_score\"") && json.contains("\"variant_scores\""), json);
        assertFalse(json.contains("overfitScore"), json);
        Map<?, ?> viaMap = Json.MAPPER.convertValue(new Example(0.7, 0.5, List.of(0.1)), Map.class);
        assertTrue(viaMap.containsKey("overfit_score"), "what validate writes goes through the same mapper: " + viaMap);
    }
}
