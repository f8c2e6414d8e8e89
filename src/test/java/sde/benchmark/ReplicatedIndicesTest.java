package sde.benchmark;

import org.junit.jupiter.api.Test;
import sde.data.MarketSources;
import sde.data.RealData;
import sde.data.Symbol;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The manifest lists benchmarks of several markets; SPY's surface is fitted on the ones replicated here. */
class ReplicatedIndicesTest {
    @Test
    void theSurfaceIsFittedOnTheIndicesReplicatedHereNotOnEveryBenchmarkTheManifestLists() {
        MarketSources src = RealData.sources();
        assertTrue(src.benchmarks().keySet().containsAll(List.of("PUT", "BXM", "QYLD", "RYLD")), src.benchmarks().keySet().toString());
        assertEquals(Set.of("PUT", "BXM"),
                Set.copyOf(CboeIndex.replicated(src.benchmarks(), Symbol.SPY).keySet()),
                "SPY's fit and band read the S&P 500 indices only: the funds trade other markets");
        assertTrue(CboeIndex.known("put"));
        assertEquals(Set.of("QYLD"), CboeIndex.replicated(src.benchmarks(), Symbol.QQQ).keySet(), "QQQ's fund");
        assertEquals(Set.of("RYLD"), CboeIndex.replicated(src.benchmarks(), Symbol.IWM).keySet(), "IWM's fund");
    }
}
