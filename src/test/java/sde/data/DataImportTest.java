package sde.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** `data import`: the canonical copy is lossless, and a failed import leaves the old copy whole. */
class DataImportTest {
    @TempDir Path tmp;

    private static MarketData window(MarketSources src) {
        return MarketDataBuilder.build(src, Dates.of("2019-01-02"), Dates.of("2026-12-31"), AlignmentRules.spec());
    }

    @Test
    void theCanonicalCopyOfTheSharedDataAlignsToTheSameBytes() {
        Path copy = tmp.resolve("market");
        DataImport.run(RealData.dir(), copy);
        MarketData original = window(RealData.sources());
        MarketData imported = window(MarketSources.fromFolder(copy));
        assertEquals(original.fingerprint(), imported.fingerprint());
        assertEquals(original.size(), imported.size());
        assertTrue(imported.adjustedOnly(Symbol.IWM), "the bars_adjusted kind survives the copy");
    }

    @Test
    void aFolderWithoutManifestIsRecognisedByFileNames() throws Exception {
        Path src = Fixtures.folder(tmp.resolve("src"), 25);
        Files.delete(src.resolve(Manifest.FILE_NAME));
        Files.move(src.resolve("fomc.csv"), src.resolve("FOMC_dates.csv"));
        DataImport.run(src, tmp.resolve("market"));
        MarketSources back = MarketSources.fromFolder(tmp.resolve("market"));
        assertEquals(3, back.bars().size());
        assertTrue(back.adjustedOnly().contains(Symbol.IWM), "IWM fixture prices are not whole cents: adjusted");
        assertFalse(back.adjustedOnly().contains(Symbol.SPY), "SPY has an Adj Close column: its Close is raw");
        assertTrue(back.scalars().containsKey(SeriesId.VIX));
        assertTrue(back.scalars().containsKey(SeriesId.DTB3));
        assertEquals(1, back.events().get(EventType.FOMC).length);
    }

    @Test
    void aFailedImportLeavesTheExistingCopyUntouched() throws Exception {
        Path target = tmp.resolve("market");
        DataImport.run(Fixtures.folder(tmp.resolve("good"), 25), target);
        String before = Files.readString(target.resolve("bars/SPY.csv"));
        Path bad = Fixtures.folder(tmp.resolve("bad"), 25);
        Fixtures.replaceLine(bad.resolve("VIX_History.csv"), 4, "01/04/2024,14,15");
        DataException e = assertThrows(DataException.class, () -> DataImport.run(bad, target));
        assertTrue(e.getMessage().contains("VIX_History.csv:4"), e.getMessage());
        assertEquals(before, Files.readString(target.resolve("bars/SPY.csv")));
        try (var s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("staged")), "no staging folder left behind");
        }
    }
}
