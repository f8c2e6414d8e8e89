package sde.benchmark;

import org.junit.jupiter.api.Test;
import sde.backtest.Engines;
import sde.data.MarketSources;
import sde.data.RealData;
import sde.pricing.Calibration;
import sde.pricing.HistoricalQuotes;
import sde.validate.CoverageSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** conf's coverage table is what the real data shows: the out-of-sample quotes and the replicas, against conf's tolerances. */
class CoverageEvidenceTest {
    @Test
    void confVerifiesExactlyTheCellsTheEvidenceVerifies() {
        CoverageSettings s = Engines.CONF.coverage();
        MarketSources src = RealData.sources();
        var check = Calibration.compare(Engines.real(), Engines.CONF.pricing(), HistoricalQuotes.split(RealData.dir()).check());
        Replication rep = new Replication(Engines.real(), Engines.CONF.pricing(), Engines.CONF.backtest(), Engines.CONF.benchmark());
        List<Replication.Result> replicas = new ArrayList<>();
        for (String name : List.of("PUT", "BXM", "QYLD", "RYLD")) replicas.add(rep.run(CboeIndex.parse(name), src.benchmarks().get(name)));
        DailyFundReplica daily = new DailyFundReplica(Engines.real(), Engines.CONF.pricing(), Engines.CONF.benchmark(),
                DailyFundReplica.SessionOpens.of(Engines.real(), src.scalars()));
        Engines.CONF.benchmark().dailyFunds().forEach((name, f) -> replicas.add(daily.run(name, f, src.benchmarks().get(name))));
        List<CoverageEvidence.Line> lines = CoverageEvidence.lines(check, replicas, s);
        Map<String, String> verified = CoverageEvidence.verified(lines);
        assertEquals(verified.keySet(), s.verified().keySet(), "run `jobs/sde benchmark --coverage` and copy its coverage.verified lines");
        // Calibration rows never verify: QQQ's two chains were fitted on, so QQQ's cells wait for a replica or other chains.
        assertTrue(verified.keySet().stream().noneMatch(c -> c.startsWith("QQQ")), verified.keySet().toString());
        // The replicas are there as evidence, each over the cells it trades, verified or not.
        assertTrue(lines.stream().anyMatch(l -> l.kind().equals("replica") && l.evidence().startsWith("QYLD replica")
                && l.cell().startsWith("QQQ C d40-60")), lines.toString());
    }
}
