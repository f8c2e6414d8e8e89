package sde.benchmark;

import org.junit.jupiter.api.Test;
import sde.data.MarketSources;
import sde.data.RealData;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The manifest lists benchmarks of several markets; SPY's surface is fitted on the ones replicated here. */
class ReplicatedIndicesTest {
    @Test
    void theSurfaceIsFittedOnTheIndicesReplicatedHereNotOnEveryBenchmarkTheManifestLists() {
        MarketSources src = RealData.sources();
        assertTrue(src.benchmarks().keySet().containsAll(List.of("PUT", "BXM", "QYLD", "RYLD")), src.benchmarks().keySet().toString());
        assertEquals(java.util.Set.of("PUT", "BXM"), java.util.Set.copyOf(CboeIndex.replicated(src.benchmarks()).keySet()),
                "the funds on other markets would stop `benchmark --fit` and `--band` (an unknown index)");
        assertTrue(CboeIndex.known("put"));
        assertFalse(CboeIndex.known("QYLD"));
    }
}
