package sde.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.AlignmentRules;
import sde.data.AuditReport;
import sde.data.DataAudit;
import sde.data.DataException;
import sde.data.DataLocator;
import sde.data.MarketData;
import sde.data.MarketDataBuilder;
import sde.data.MarketSources;

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
    static SparkSession spark(String appName, String master) {
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        if (master != null) b.master(master);
        else if (!new SparkConf().contains("spark.master")) b.master("local[*]");
        return b.getOrCreate();
    }

    /** The market data over data.load_from..data.load_to, aligned by the SPEC §1 rules in conf. */
    MarketData marketData(SdeConfig cfg, Path dir) {
        return marketData(cfg, MarketSources.fromFolder(dir));
    }

    /**
     * As {@link #marketData(SdeConfig, Path)} from sources already read. One validation path for
     * data: what `data audit` calls an error stops every command that loads the data,
     * with the audit's own one-line message (naming the file and line where it has one), before
     * anything is written.
     */
    MarketData marketData(SdeConfig cfg, MarketSources src) {
        AuditReport audit = DataAudit.run(src, AuditCommand.settings(cfg, null, null));
        if (!audit.tradable()) {
            throw new DataException(src.origin(), 0, audit.errors().get(0)
                    + (audit.errors().size() > 1 ? " (and " + (audit.errors().size() - 1) + " more: run `jobs/sde data audit`)" : ""));
        }
        SdeConfig.Data d = cfg.data();
        return MarketDataBuilder.build(src,
                (int) ConfigLoader.date("config", "data.load_from", d.loadFrom()).toEpochDay(),
                (int) ConfigLoader.date("config", "data.load_to", d.loadTo()).toEpochDay(),
                new AlignmentRules(d.maxCarryForwardDays(), d.allowGaps()));
    }

    /** Resolves the data folder and prints which one won. */
    DataLocator.Resolved dataDir() {
        DataLocator.Resolved r = DataLocator.resolve(data);
        System.err.println(r);
        return r;
    }
}
