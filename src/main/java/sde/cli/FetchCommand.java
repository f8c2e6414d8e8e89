package sde.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.DataFetcher;
import sde.data.DataLocator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Downloads daily data from public sources (hosts in conf/sde.yaml, fetch.*) into a folder with a MANIFEST.csv.",
                "Then run `jobs/sde data import --from DIR`. Needs internet; event calendars are not fetched.",
                "Polygon needs $POLYGON_API_KEY (never printed or written); its raw bars win over the OHLCV source."})
public final class FetchCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--out", paramLabel = "DIR", description = "Target folder (default data/import in the checkout).")
    Path out;

    @Option(names = "--source", split = ",", paramLabel = "NAME",
            description = "Sources: cboe, fred, ohlcv, polygon (default: all four).")
    List<String> sources = List.of("cboe", "fred", "ohlcv", "polygon");

    @Option(names = "--from", paramLabel = "DATE", defaultValue = "2015-01-01",
            description = "First date for Polygon (default 2015-01-01).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last date for Polygon (default today).")
    String to;

    @Override
    public Integer call() {
        SdeConfig.Fetch f = common.config().fetch();
        DataFetcher.Settings s = new DataFetcher.Settings(f.cboeUrl(), f.fredUrl(), f.ohlcvUrl(), f.polygonUrl(),
                Duration.ofSeconds(f.timeoutSeconds()), f.cboeIndices(), f.fredSeries(), f.symbols(),
                ConfigLoader.date("--from", "from", from), to == null ? LocalDate.now() : ConfigLoader.date("--to", "to", to));
        Path target = out != null ? out : DataLocator.home().resolve("data/import");
        List<String> files = new DataFetcher(s, System.getenv(), System.out::println).run(target, DataFetcher.parseSources(sources));
        System.out.println("fetched " + files.size() + " files into " + target + "; next: jobs/sde data import --from " + target);
        return 0;
    }
}
