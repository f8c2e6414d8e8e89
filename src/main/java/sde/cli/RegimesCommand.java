package sde.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.Symbol;
import sde.io.AtomicFiles;
import sde.regime.RegimeClassifier;
import sde.regime.RegimeTable;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "regimes", mixinStandardHelpOptions = true,
        description = {"Labels every session with its market regime (causal, docs/regimes.md) and writes OUT/regimes.csv",
                "(date,regime,raw_regime,close,trend,decline,vix); prints days, share, SPY return and mean VIX per regime and year."})
public final class RegimesCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--from", defaultValue = "2019-01-02", paramLabel = "DATE", description = "First day (default 2019-01-02).")
    String from;

    @Option(names = "--to", defaultValue = "2025-12-31", paramLabel = "DATE", description = "Last day (default 2025-12-31).")
    String to;

    @Option(names = "--out", defaultValue = "output", paramLabel = "DIR", description = "Output folder (default output).")
    Path out;

    @Override
    public Integer call() {
        SdeConfig cfg = common.config();
        MarketData md = common.marketData(cfg, common.dataDir().dir());
        RegimeClassifier.Labels l = RegimeClassifier.classify(md, cfg.regime());
        int a = (int) ConfigLoader.date("--from", "from", from).toEpochDay(), b = (int) ConfigLoader.date("--to", "to", to).toEpochDay();
        Path file = out.resolve("regimes.csv");
        Symbol sym = Symbol.parse(cfg.regime().symbol());
        AtomicFiles.write(file, w -> {
            w.write("date,regime,raw_regime,close,trend,decline,vix\n");
            for (int t = md.indexOnOrAfter(a); t <= md.indexOnOrBefore(b); t++) {
                w.write(String.format(Locale.ROOT, "%s,%s,%s,%.2f,%.5f,%.5f,%.2f%n", Dates.format(md.day(t)), l.at(t), l.raw()[t],
                        md.close(sym, t), l.trend()[t], l.decline()[t], l.vix()[t]));
            }
        });
        System.out.printf("%-5s %-17s %6s %7s %11s %9s%n", "year", "regime", "days", "share%", "SPY ret%", "mean VIX");
        for (RegimeTable.Row r : RegimeTable.rows(md, l, a, b)) {
            System.out.printf(Locale.ROOT, "%-5s %-17s %6d %7.1f %11.2f %9.2f%n", r.year(), r.regime(), r.days(), r.sharePct(),
                    r.spyReturnPct(), r.meanVix());
        }
        System.out.println("wrote " + file);
        return 0;
    }
}
