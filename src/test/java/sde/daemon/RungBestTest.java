package sde.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sde.data.Fixtures;
import sde.io.Location;
import sde.results.VerdictFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The answer's "each rung's best": over a daemon folder's study leaderboards, the top row of each rung by the fitness the
 * search ranks (SPEC §4's worst case), with the gate's coverage of it (SPEC §5) as the gate wrote it.
 */
class RungBestTest {
    private static void board(Path dir, String study, String id, double fitness, String surface) {
        Fixtures.write(dir.resolve("studies").resolve(study).resolve("leaderboard.json"), """
                [{"rank": 1, "id": "%s", "fitness": %s, "feasible": true, "train_score": %s, "score": 1.5, "score_worst": 1.2,
                  "worst_surface": "%s", "years": [{"year": 2020, "return_pct": 40.0, "max_dd_pct": 9.0, "trades": 50,
                  "return_pct_worst": 31.0, "max_dd_pct_worst": 11.0}]}]
                """.formatted(id, fitness, fitness + 0.5, surface));
    }

    @Test
    void eachRungsBestByItsWorstCaseWithWhereTheGateFoundItsOptionPnl(@TempDir Path dir) {
        board(dir, "single_long_option", "calls", 0.9, "high");
        board(dir, "single_credit_spread_r1", "spread", 1.1, "low");
        board(dir, "blend_abc", "blend", 0.7, "centre");
        // Written as an older version did (camelCase at the top); the cells are data and keep their names.
        Fixtures.write(dir.resolve("studies/single_credit_spread_r1/validations/spread.json"), """
                {"id": "spread", "overfitScore": 0.8, "verdict": "ROBUST", "rejected": false, "flags": ["MODEL_UNVERIFIED"],
                 "statistics": {"coverage": "…", "unverified_share": 0.25,
                   "option_pnl_by_cell": {"SPY P d10-25 dte31-60": 0.5, "QQQ C d10-25 dte3-7": 0.25, "SPY P d25-40 dte8-30": 0.15,
                                          "IWM C d40-60 dte61+": 0.1}}}
                """);

        List<RungBest> bests = RungBest.under(Location.of(dir));
        assertEquals(List.of("single strategies", "blends of the top singles"), bests.stream().map(RungBest::rung).toList());
        RungBest single = bests.get(0);
        assertEquals("spread", single.id(), "1.1 on its worst surface beats the calls' 0.9");
        assertEquals("single_credit_spread_r1", single.study());
        assertEquals("low", single.worstSurface());
        assertEquals(1.6, single.trainScore(), 1e-12, "the centre's train score beside it");
        assertEquals(0.75, single.verifiedShare(), 1e-12);
        assertEquals(Map.of("SPY P d10-25 dte31-60", 0.5, "QQQ C d10-25 dte3-7", 0.25, "SPY P d25-40 dte8-30", 0.15), single.cells());
        assertEquals(List.of("SPY P d10-25 dte31-60", "QQQ C d10-25 dte3-7", "SPY P d25-40 dte8-30"), List.copyOf(single.cells().keySet()),
                "largest first");
        assertEquals("ROBUST [MODEL_UNVERIFIED]", single.verdict());
        assertEquals(31.0, single.years().get(0).returnPctWorst(), 1e-12);
        RungBest blend = bests.get(1);
        assertNull(blend.verifiedShare(), "not judged yet");
        assertNull(blend.verdict());
        assertEquals(0.8, VerdictFile.read(Location.of(dir.resolve("studies/single_credit_spread_r1/validations/spread.json")))
                .overfitScore(), 1e-12, "a camelCase key of an older version is still read");
    }

    @Test
    void aSweepsFolderHasNoRungs(@TempDir Path dir) {
        assertEquals(List.of(), RungBest.under(Location.of(dir)));
        assertNull(Rung.ofStudy("spy_credit_spread"));
        assertEquals(Rung.REGIME, Rung.ofStudy("regime_85d4e882_r1"));
    }
}
