package sde.cli;

import picocli.CommandLine.Option;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.DataLocator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options every data-reading command takes (mixed in). */
public final class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Market data folder (default: $SDE_DATA, else data/market, else ../shared/data).")
    Path data;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: conf/sde.yaml).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key, e.g. --set data.allow_gaps=true.")
    List<String> overrides = new ArrayList<>();

    SdeConfig config() { return ConfigLoader.load(config, overrides); }

    /** The Spark session of a command: --master if given, else spark-submit's, else local[*]. */
    static org.apache.spark.sql.SparkSession spark(String appName, String master) {
        org.apache.spark.sql.SparkSession.Builder b = org.apache.spark.sql.SparkSession.builder().appName(appName);
        if (master != null) b.master(master);
        else if (!new org.apache.spark.SparkConf().contains("spark.master")) b.master("local[*]");
        return b.getOrCreate();
    }

    /** The market data over data.load_from..data.load_to, aligned by the SPEC §1 rules in conf. */
    sde.data.MarketData marketData(SdeConfig cfg, Path dir) {
        return marketData(cfg, sde.data.MarketSources.fromFolder(dir));
    }

    /**
     * As {@link #marketData(SdeConfig, Path)} from sources already read. One validation path for
     * data: what `data audit` calls an error stops every command that loads the data,
     * with the audit's own one-line message (naming the file and line where it has one), before
     * anything is written.
     */
    sde.data.MarketData marketData(SdeConfig cfg, sde.data.MarketSources src) {
        sde.data.AuditReport audit = sde.data.DataAudit.run(src, AuditCommand.settings(cfg, null, null));
        if (!audit.tradable()) {
            throw new sde.data.DataException(src.origin(), 0, audit.errors().get(0)
                    + (audit.errors().size() > 1 ? " (and " + (audit.errors().size() - 1) + " more: run `jobs/sde data audit`)" : ""));
        }
        SdeConfig.Data d = cfg.data();
        return sde.data.MarketDataBuilder.build(src,
                (int) ConfigLoader.date("config", "data.load_from", d.loadFrom()).toEpochDay(),
                (int) ConfigLoader.date("config", "data.load_to", d.loadTo()).toEpochDay(),
                new sde.data.AlignmentRules(d.maxCarryForwardDays(), d.allowGaps()));
    }

    /** Resolves the data folder and prints which one won. */
    DataLocator.Resolved dataDir() {
        DataLocator.Resolved r = DataLocator.resolve(data);
        System.err.println(r);
        return r;
    }
}
