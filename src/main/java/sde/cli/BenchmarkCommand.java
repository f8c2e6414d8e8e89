package sde.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sde.benchmark.BenchmarkReport;
import sde.benchmark.CboeIndex;
import sde.benchmark.Replication;
import sde.config.SdeConfig;
import sde.data.MarketData;
import sde.data.MarketSources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Replicates the Cboe strategy indices (PUT, BXM, BXMD, WPUT, CNDR, BFLY, PPUT, CLL) on SPY under the option",
                "model, each by its published rules (docs/benchmarks.md), and compares every one the data folder's MANIFEST lists",
                "(kind benchmark): per year the replica's return, the index's and the error; the monthly-return correlation and",
                "tracking error. Writes OUT/benchmarks.json and OUT/benchmarks/NAME.csv (date,replica,index) (SPEC §7)."})
public final class BenchmarkCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--index", split = ",", paramLabel = "NAME", description = "Indices to replicate (default: benchmark.indices).")
    List<String> indices;

    @Option(names = "--out", defaultValue = "output", paramLabel = "DIR", description = "Output folder (default output).")
    Path out;

    @Override
    public Integer call() {
        SdeConfig cfg = common.config();
        List<CboeIndex> chosen = new ArrayList<>();
        for (String name : indices != null ? indices : cfg.benchmark().indices()) chosen.add(CboeIndex.parse(name));
        MarketSources src = MarketSources.fromFolder(common.dataDir().dir());
        MarketData md = common.marketData(cfg, src);
        Replication replication = new Replication(md, cfg.pricing(), cfg.backtest(), cfg.benchmark());
        List<Replication.Result> results = new ArrayList<>();
        for (CboeIndex idx : chosen) results.add(replication.run(idx, src.benchmarks().get(idx.name())));
        System.out.print(BenchmarkReport.table(results));
        BenchmarkReport.write(out, results, md.fingerprint());
        System.out.println("wrote " + out.resolve(BenchmarkReport.JSON) + " and " + out.resolve(BenchmarkReport.FOLDER));
        return 0;
    }
}
