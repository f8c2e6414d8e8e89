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

    /** Resolves the data folder and prints which one won (issue 2 item 9). */
    DataLocator.Resolved dataDir() {
        DataLocator.Resolved r = DataLocator.resolve(data);
        System.err.println(r);
        return r;
    }
}
