package sde.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.AlignmentRules;
import sde.data.AuditReport;
import sde.data.AuditSettings;
import sde.data.DataAudit;
import sde.data.MarketSources;
import sde.data.SeriesId;
import sde.data.SyntheticMarket;
import sde.io.Json;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Checks every series of the data folder and whether the window can be traded (SPEC §1).",
                "Prints a table and writes OUT/data_audit.json. Exit 0 only when the window can be traded."})
public final class AuditCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--from", paramLabel = "DATE", description = "Window start (default data.audit_from).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Window end (default data.audit_to).")
    String to;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output", description = "Output folder (default output).")
    Path out;

    @Option(names = "--demo", description = "Audit a seeded SYNTHETIC market instead (synthetic.* in conf); written to OUT/demo/.")
    boolean demo;

    @Override
    public Integer call() {
        SdeConfig cfg = common.config();
        AuditSettings settings = settings(cfg, from, to);
        MarketSources src;
        Path outDir = out;
        if (demo) {
            src = SyntheticMarket.sources(cfg.synthetic().seed(), ConfigLoader.date("config", "synthetic.from", cfg.synthetic().from()),
                    ConfigLoader.date("config", "synthetic.to", cfg.synthetic().to()));
            outDir = out.resolve("demo");   // a synthetic audit never stands where the real one is read
        } else {
            src = MarketSources.fromFolder(common.dataDir().dir());
        }
        AuditReport report = DataAudit.run(src, settings);
        System.out.print(AuditTable.format(report));
        Path file = outDir.resolve("data_audit.json");
        Json.write(file, report);
        System.out.println("wrote " + file);
        return report.tradable() ? 0 : 1;
    }

    static AuditSettings settings(SdeConfig cfg, String from, String to) {
        SdeConfig.Data d = cfg.data();
        Set<SeriesId> required = EnumSet.noneOf(SeriesId.class);
        for (String name : d.requiredSeries()) {
            SeriesId id = SeriesId.find(name);
            if (id == null) throw new IllegalArgumentException("data.required_series: unknown series '" + name + "'");
            required.add(id);
        }
        return new AuditSettings(
                epoch(ConfigLoader.date("--from", "data.audit_from", from != null ? from : d.auditFrom())),
                epoch(ConfigLoader.date("--to", "data.audit_to", to != null ? to : d.auditTo())),
                epoch(ConfigLoader.date("config", "data.load_from", d.loadFrom())),
                epoch(ConfigLoader.date("config", "data.load_to", d.loadTo())),
                required, new AlignmentRules(d.maxCarryForwardDays(), d.allowGaps()),
                d.splitJumpThreshold(), d.adjustedFractionThreshold(), d.datingMinCorrelation(), d.datingMargin(),
                range("data.plausible_index", d.plausibleIndex()), range("data.plausible_rate", d.plausibleRate()));
    }

    private static double[] range(String key, List<Double> r) {
        if (r == null || r.size() != 2 || !(r.get(0) < r.get(1))) throw new IllegalArgumentException(key + ": [lo, hi] with lo < hi");
        return new double[]{r.get(0), r.get(1)};
    }

    private static int epoch(LocalDate d) { return (int) d.toEpochDay(); }
}
