package sde.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sde.config.SdeConfig;
import sde.data.MarketData;
import sde.io.Json;
import sde.pricing.Calibration;
import sde.pricing.ChainActivity;
import sde.pricing.HistoricalQuotes;
import sde.pricing.LiquidityFit;
import sde.pricing.LiquiditySettings;
import sde.pricing.OptionRow;
import sde.pricing.PricingSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Compares the modeled chain with the real option quotes of the data folder (MANIFEST.csv options_* rows):",
                "mean absolute error of mid, bid/ask spread and IV (recomputed from bid/ask) by |delta| and DTE bucket,",
                "on the calibration rows and, separately, on the check rows that are never fitted.",
                "--fit fits the surface and spread parameters on the calibration rows only and prints them as --set lines."})
public final class CalibrateCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--fit", description = "Fit pricing.surface and pricing.quotes parameters on the calibration rows.")
    boolean fit;

    @Option(names = "--fit-wing", description = {"Fit pricing.surface.call_skew_tenor_power on the calibration rows only (level-neutral),",
            "print the --set line and the error tables under it."})
    boolean fitWing;

    @Option(names = "--liquidity", description = "Fit the liquidity model (pricing.liquidity) on the chains with volume and open interest,"
            + " print its error on each chain and the conf lines, and stop.")
    boolean liquidity;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output", description = "Writes DIR/calibration.json (default output).")
    Path out;

    @Option(names = "--chains", paramLabel = "PATH",
            description = "More real quotes, checked but never fitted: a canonical CSV or a Parquet file/folder (docs/pricing.md).")
    List<Path> chains = new ArrayList<>();

    @Override
    public Integer call() {
        SdeConfig cfg = common.config();
        Path dir = common.dataDir().dir();
        MarketData md = common.marketData(cfg, dir);
        if (liquidity) return liquidity(md, cfg.pricing().liquidity(), HistoricalQuotes.activity(dir));
        HistoricalQuotes.Split split = HistoricalQuotes.split(dir);
        for (Path c : chains) {
            List<OptionRow> rows;
            if (c.toString().endsWith(".csv")) {
                rows = HistoricalQuotes.read(c, 0);
            } else {
                SparkSession spark = SparkSession.builder().appName("sde-calibrate")
                        .master(System.getProperty("spark.master", "local[*]")).config("spark.ui.enabled", "false").getOrCreate();
                rows = ParquetQuotes.read(spark, c.toString());
            }
            System.out.println("chains " + c + ": " + rows.size() + " quotes added to the check rows");
            split.check().addAll(rows);
        }
        PricingSettings p = cfg.pricing();
        String fitted = null;
        if (fit) {
            Calibration.Fit f = Calibration.fit(md, p, split.calibration());
            p = f.settings();
            System.out.printf("Fitted on %d calibration quotes (IV MAE %.2f pts, spread MAE $%.3f):%n",
                    Calibration.compare(md, p, split.calibration()).size(),
                    f.ivMaePts(), f.spreadMae());
            String sets = String.format("--set pricing.surface.atm_ratio=%.4f --set pricing.surface.put_skew=%.4f "
                            + "--set pricing.surface.call_skew=%.4f --set pricing.surface.put_curve=%.4f --set "
                                    + "pricing.surface.call_curve=%.4f "
                            + "--set pricing.quotes.spread_base=%.4f --set pricing.quotes.spread_pct=%.4f",
                    p.surface().atmRatio(), p.surface().putSkew(), p.surface().callSkew(), p.surface().putCurve(),
                    p.surface().callCurve(), p.quotes().spreadBase(), p.quotes().spreadPct());
            System.out.println("  " + sets + "\n");
            fitted = sets;
        }
        if (fitWing) {
            Calibration.WingFit w = Calibration.fitWing(md, p, split.calibration());
            p = w.settings();
            String set = String.format(Locale.ROOT, "--set pricing.surface.call_skew_tenor_power=%.4f", w.power());
            System.out.printf(Locale.ROOT, "Wing fitted on %d calibration calls (|delta| 10-60, 3-60 DTE): level-neutral error"
                    + " %.2f -> %.2f pts%n  %s%n%n", w.rows(), w.beforePts(), w.afterPts(), set);
            fitted = fitted == null ? set : fitted + " " + set;
        }
        List<Calibration.Row> cal = Calibration.compare(md, p, split.calibration());
        List<Calibration.Row> check = Calibration.compare(md, p, split.check());
        Report calibration = report("CALIBRATION rows (fitted on: the manifest's calibration dates and snapshots)", cal);
        Report checked = report("CHECK rows (never fitted: out-of-sample error of the model)", check);
        Map<String, Calibration.Bucket> src = bySource("Check rows by source:", check);
        // QQQ's snapshots (2026-02-11/12) fall after VXN's last close (2026-01-27): their error is that of
        // QQQ's fallback volatility, the trailing realized-vol ratio to SPY (docs/pricing.md).
        Map<String, Calibration.Bucket> calSrc = bySource("Calibration rows by symbol and source:", cal);
        Map<String, Calibration.Bucket> calCells = cells("Calibration rows by model cell (in sample):", cal);
        Map<String, Calibration.Bucket> checkCells = cells("Check rows by model cell (out of sample):", check);
        Json.write(out.resolve("calibration.json"), new CalibrationFile(fitted, calibration, checked, src, calSrc, calCells, checkCells));
        System.out.println("\nwrote " + out.resolve("calibration.json"));
        return 0;
    }

    private int liquidity(MarketData md, LiquiditySettings base, List<ChainActivity> activity) {
        LiquidityFit.Result r = LiquidityFit.fit(md, base, activity);
        System.out.println("Liquidity model fitted on " + r.chains().size() + " chains (" + activity.size()
                + " contracts); its error on each:");
        String columns = "  %-50s %8s %12s %12s %9s %12s %12s %9s %9s %9s%n";
        System.out.printf(Locale.ROOT, columns, "chain", "contracts", "day volume", "model",
                "|log10|", "open int.", "model", "|log10|", "vol/share", "OI/share");
        for (LiquidityFit.ChainError e : r.chains()) {
            System.out.printf(Locale.ROOT, "  %-50s %8d %,12.0f %,12.0f %9.2f %,12.0f %,12.0f %9.2f %9.4f %9.4f%n",
                    e.source(), e.contracts(), e.dayVolume(), e.modelVolume(), e.medianLogErrorVolume(), e.openInterest(),
                    e.modelOpenInterest(), e.medianLogErrorOpenInterest(),
                    e.contractsPerShare(), e.openInterestPerShare());
        }
        var f = r.settings();
        System.out.println("\nconf/sde.yaml pricing.liquidity:");
        System.out.println("    contracts_per_share: " + inline(f.contractsPerShare()));
        System.out.println("    open_interest_per_share: " + inline(f.openInterestPerShare()));
        System.out.println("    volume_table:\n      call: " + f.volumeTable().get("call") + "\n      put: " + f.volumeTable().get("put"));
        System.out.println("    open_interest_table:\n      call: " + f.openInterestTable().get("call") + "\n      put: "
                + f.openInterestTable().get("put"));
        return 0;
    }

    private static String inline(Map<String, Double> m) {
        return m.entrySet().stream().map(e -> e.getKey() + ": " + LiquidityFit.round(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** calibration.json: the fitted --set line (with --fit), each row set's error tables, the check rows' error by source. */
    @JsonPropertyOrder(alphabetic = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CalibrationFile(String fitted, Report calibration, Report check, Map<String, Calibration.Bucket> checkBySource,
                           Map<String, Calibration.Bucket> calibrationBySource, Map<String, Calibration.Bucket> calibrationByCell,
                           Map<String, Calibration.Bucket> checkByCell) {}

    /** The wing tables: each model cell's IV error (SPEC §5 coverage), printed under {@code title}. */
    private static Map<String, Calibration.Bucket> cells(String title, List<Calibration.Row> rows) {
        System.out.println("\n" + title);
        System.out.printf(Locale.ROOT, "  %-24s %6s %9s %9s %9s%n", "cell", "rows", "IV MAE", "IV bias", "spread");
        Map<String, Calibration.Bucket> out = new LinkedHashMap<>();
        Calibration.cells(rows).forEach((c, b) -> {
            System.out.printf(Locale.ROOT, "  %-24s %6d %9.2f %+9.2f %9.3f%n", c, b.n(), b.maeIvPts(), b.ivBiasPts(),
                    b.maeSpread());
            out.put(c.toString(), b);
        });
        return out;
    }

    /** Each source's error over all its rows, printed under {@code title}; keyed by symbol and source. */
    private static Map<String, Calibration.Bucket> bySource(String title, List<Calibration.Row> rows) {
        Map<String, List<Calibration.Row>> groups = rows.stream().collect(Collectors.groupingBy(
                r -> r.real().symbol() + " " + r.real().source(), TreeMap::new, Collectors.toList()));
        System.out.println(title);
        Map<String, Calibration.Bucket> out = new LinkedHashMap<>();
        groups.forEach((k, g) -> {
            Calibration.Bucket b = Calibration.table(g, r -> "all").get(0);
            System.out.println(line(k, b));
            out.put(k, b);
        });
        return out;
    }

    /** The error of one row set by delta bucket and by days-to-expiry bucket. */
    @JsonPropertyOrder(alphabetic = true)
    record Report(List<Calibration.Bucket> byDelta, List<Calibration.Bucket> byDte) {}

    private static Report report(String title, List<Calibration.Row> rows) {
        System.out.println(title + ": " + rows.size() + " quotes");
        System.out.println(String.format("  %-28s %6s %9s %11s %11s %9s %9s", "bucket", "n", "MAE mid$", "MAE spread$",
                "bias spread$", "MAE IVpt", "bias IVpt"));
        List<Calibration.Bucket> byDelta = Calibration.table(rows, Calibration::deltaBucket);
        List<Calibration.Bucket> byDte = Calibration.table(rows, Calibration::dteBucket);
        for (Calibration.Bucket b : byDelta) System.out.println(line(b.name(), b));
        for (Calibration.Bucket b : byDte.subList(0, byDte.size() - 1)) System.out.println(line(b.name(), b));
        System.out.println();
        return new Report(byDelta, byDte);
    }

    private static String line(String name, Calibration.Bucket b) {
        return String.format("  %-28s %6d %9.3f %11s %11s %9.2f %9.2f", name, b.n(), b.maeMid(),
                Double.isNaN(b.maeSpread()) ? "-" : String.format("%.3f", b.maeSpread()),
                Double.isNaN(b.spreadBias()) ? "-" : String.format("%+.3f", b.spreadBias()), b.maeIvPts(), b.ivBiasPts());
    }
}
