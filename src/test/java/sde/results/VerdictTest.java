package sde.results;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class VerdictTest {
    @Test
    void theOverfitScoreGradesBySpecSection5Thresholds() {
        assertEquals(Verdict.ROBUST, Verdict.of(0.70));
        assertEquals(Verdict.SUSPECT, Verdict.of(Math.nextDown(0.70)));
        assertEquals(Verdict.SUSPECT, Verdict.of(0.50));
        assertEquals(Verdict.OVERFIT, Verdict.of(Math.nextDown(0.50)));
        assertEquals(Verdict.OVERFIT, Verdict.of(Double.NaN), "no score is no evidence");
        assertEquals(Verdict.ROBUST, Verdict.of(1.0));
    }
}
