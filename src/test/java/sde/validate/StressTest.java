package sde.validate;

import org.junit.jupiter.api.Test;
import sde.backtest.Engines;
import sde.backtest.ExitReason;
import sde.backtest.RunResult;
import sde.backtest.RunSpec;
import sde.backtest.Trade;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.SeriesId;
import sde.data.Symbol;
import sde.io.Json;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Stress replays on the real data. */
class StressTest {
    @Test
    void aShockedCopyMovesPricesAndVolAndLeavesTheOriginalAlone() {
        MarketData md = Engines.real();
        int i = md.indexOf(Dates.of("2024-08-05"));
        double close = md.close(Symbol.SPY, i + 3), vix = md.value(SeriesId.VIX, i);
        MarketData s = md.shocked(i, 0.9, 3, 5);
        assertEquals(0.9 * close, s.close(Symbol.SPY, i + 3), 1e-9, "the gap stays");
        assertEquals(md.close(Symbol.SPY, i - 1), s.close(Symbol.SPY, i - 1), "the past is untouched");
        assertEquals(3 * vix, s.value(SeriesId.VIX, i), 1e-9);
        assertEquals(md.value(SeriesId.VIX, i + 5), s.value(SeriesId.VIX, i + 5), "vol spike for 5 sessions");
        assertEquals(close, md.close(Symbol.SPY, i + 3), "original unchanged");
        assertTrue(s.source().contains("STRESS"));
        assertNotEquals(md.fingerprint(), s.fingerprint());
    }

    @Test
    void validatePrintsTablesNotRecordDumps() {
        String stress = Stress.table(new LinkedHashMap<>(Map.of("base", new Stress.Figures(12.5, 8.25, 180_000, null, null,
                null))));
        assertTrue(stress.lines().skip(1).findFirst().orElseThrow().matches("\\s+base\\s+12\\.50\\s+8\\.25\\s+180,000\\s*"), stress);
        MonteCarlo.Percentiles p = new MonteCarlo.Percentiles(1, 2, 3, 4, 5);
        String mc = new MonteCarlo.Report(p, p, p, 0.25, 0.01, 0.5, 0.02, 1200).table();
        assertTrue(mc.startsWith("monte carlo (1200 paths)"), mc);
        assertTrue(mc.contains("max drawdown %") && mc.contains("0.250") && !mc.contains("Percentiles["), mc);
    }

    @Test
    void aHaltedSessionHasNoExitOrEntry() {
        MarketData md = Engines.real();
        RunSpec spec = Engines.spec("credit_spread", Map.of("entry_every", 1, "max_positions", 6));
        int halt = Dates.of("2022-05-18");
        RunResult r = Engines.backtester(md, spec.backtest()).run(spec.slots(), null, Dates.of(spec.from()), Dates.of(spec.to()), halt);
        for (Trade t : r.trades()) {
            assertNotEquals(halt, t.entryDay(), "entry on the halted day");
            if (t.reason() != ExitReason.EXPIRY) assertNotEquals(halt, t.exitDay(), "exit on the halted day: " + t);
        }
        RunResult normal = Engines.run(md, spec, "2025-12-31");
        assertTrue(normal.trades().stream().anyMatch(t -> t.entryDay() == halt || t.exitDay() == halt), "the day matters without the halt");
    }

    @Test
    void everyScenarioReportsItsDamage() {
        RunSpec spec = Engines.spec("credit_spread", Map.of());
        Map<String, Stress.Figures> out = Stress.run(Engines.real(), Engines.CONF.pricing(), spec,
                new Stress.Settings("2024-08-05", 10, 3, 5, "2024-08-05"));
        assertEquals(4, out.size());
        assertNull(out.get("base").damageFinalEquity(), "the base has no damage against itself");
        Stress.Figures doubled = out.get("doubled spreads");
        // Not necessarily a loss: with less credit the min-credit filter skips more entries, and a
        // losing strategy that trades less loses less. What must hold is that the scenario changes the run.
        assertNotEquals(0.0, doubled.damageFinalEquity(), doubled.toString());
        String json = Json.toJson(doubled);
        for (String k : new String[]{"damage_cagr_pts", "damage_max_dd_pts",
                "damage_final_equity"}) assertTrue(json.contains("\"" + k + "\""), k);
    }
}
