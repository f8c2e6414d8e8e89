package sde.validate;

import org.junit.jupiter.api.Test;
import sde.data.Symbol;
import sde.pricing.ModelCell;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** SPEC §5 model coverage: a result earned where no real data checked the model is flagged, with the cells named. */
class CoverageTest {
    private static final ModelCell VERIFIED = ModelCell.of(Symbol.SPY, false, 0.50, 45);
    private static final ModelCell WING = ModelCell.of(Symbol.QQQ, true, 0.15, 7);
    private static final CoverageSettings S = new CoverageSettings(0.25, 1.0, 5, 10, 2.0, 0.97,
            Map.of(VERIFIED.toString(), "check quotes: 69 rows, IV MAE 0.86"));

    @Test
    void cellsHaveOneNameAndOneIndex() {
        assertEquals("SPY P d40-60 dte31-60", VERIFIED.toString());
        assertEquals("QQQ C d10-25 dte3-7", WING.toString());
        assertEquals(WING, ModelCell.parse("QQQ C d10-25 dte3-7"));
        for (int c = 0; c < ModelCell.COUNT; c++) assertEquals(c, ModelCell.parse(ModelCell.ofIndex(c).toString()).index());
        assertEquals(ModelCell.DteBucket.D0_2, ModelCell.DteBucket.of(0));
        assertEquals(ModelCell.DteBucket.D61_UP, ModelCell.DteBucket.of(400));
        assertEquals(ModelCell.DeltaBucket.D60_UP, ModelCell.DeltaBucket.of(1.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelCell.parse("QQQ C 10-25 3-7"));
        assertTrue(e.getMessage().contains("'QQQ C 10-25 3-7'"), e.getMessage());
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> S.withVerified(Map.of("SPY X d0-10 dte0-2", "?")));
        assertTrue(k.getMessage().startsWith("coverage.verified: model cell 'SPY X d0-10 dte0-2'"), k.getMessage());
    }

    @Test
    void aResultThatTradesOnlyAnUnverifiedCellIsFlaggedWithTheCellNamed() {
        double[] gross = new double[ModelCell.COUNT];
        gross[WING.index()] = 50_000;
        Coverage c = Coverage.of(gross, S);
        assertTrue(c.flagged());
        assertEquals(1.0, c.unverifiedShare(), 1e-12);
        assertEquals(List.of("QQQ C d10-25 dte3-7"), c.unverifiedCells());
        assertTrue(c.describe().startsWith(
                "MODEL_UNVERIFIED: 100 % of the gross option P&L in unverified cells (QQQ C d10-25 dte3-7 100 %)"), c.describe());
    }

    @Test
    void aResultThatTradesAVerifiedCellPassesAndTheLineIsAtTheQuarter() {
        double[] gross = new double[ModelCell.COUNT];
        gross[VERIFIED.index()] = 75;
        gross[WING.index()] = 25;
        Coverage c = Coverage.of(gross, S);
        assertFalse(c.flagged(), "25 % is not more than 25 %");
        assertEquals(0.75, c.shareByCell().get("SPY P d40-60 dte31-60"), 1e-12);
        gross[WING.index()] = 26;
        assertTrue(Coverage.of(gross, S).flagged(), "26 of 101 is");
        assertFalse(Coverage.of(new double[ModelCell.COUNT], S).flagged(), "shares and cash only: no modeled price to doubt");
    }
}
