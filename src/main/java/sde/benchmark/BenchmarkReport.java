package sde.benchmark;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import sde.data.Dates;
import sde.io.AtomicFiles;
import sde.io.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark command's outputs (SPEC §7): the printed table, benchmarks.json and benchmarks/NAME.csv. */
public final class BenchmarkReport {
    public static final String JSON = "benchmarks.json", FOLDER = "benchmarks";

    private BenchmarkReport() {}

    /** Replica, index and error per year for each result, then the monthly figures. */
    public static String table(List<Replication.Result> results) {
        StringBuilder sb = new StringBuilder();
        for (Replication.Result r : results) {
            sb.append(String.format(Locale.ROOT, "%n%s  %s%n", r.index(), r.description()));
            sb.append(String.format(Locale.ROOT, "  %-9s %10s %10s %9s%n", "year", "replica %", "index %", "error pp"));
            for (Replication.YearRow y : r.years()) {
                sb.append(String.format(Locale.ROOT, "  %-9s %10.2f %10s %9s%n", y.year() + (y.partial() ? "*" : ""), y.replicaReturnPct(),
                        y.indexReturnPct() == null ? "-" : String.format(Locale.ROOT, "%.2f", y.indexReturnPct()),
                        y.errorPp() == null ? "-" : String.format(Locale.ROOT, "%+.2f", y.errorPp())));
            }
            if (r.compared()) {
                sb.append(String.format(Locale.ROOT,
                        "  monthly corr %.3f over %d months, tracking error %.2f pp/yr; |error| mean %.2f, max %.2f pp%n",
                        r.monthlyCorr(), r.months(), r.trackingErrorPp(), r.meanAbsErrorPp(), r.maxAbsErrorPp()));
            } else {
                sb.append("  not compared: the data folder's MANIFEST has no ").append(r.index()).append(" benchmark\n");
            }
            sb.append(String.format(Locale.ROOT, "  %d trades %s, %.1f ms%n", r.trades(), r.exits(), r.wallMs()));
        }
        sb.append("\n* to date: the data end inside the year\n");
        return sb.toString();
    }

    /** benchmarks.json: the data it ran on and every replica's figures. */
    @JsonPropertyOrder(alphabetic = true)
    record File(String dataFingerprint, List<Replication.Result> indices) {}

    /** Writes OUT/benchmarks.json and OUT/benchmarks/NAME.csv, each whole or not at all. */
    public static void write(Path out, List<Replication.Result> results, String dataFingerprint) {
        AtomicFiles.writeDirectory(out.resolve(FOLDER), dir -> {
            for (Replication.Result r : results) Files.write(dir.resolve(r.index() + ".csv"), csv(r));
            return null;
        });
        Json.write(out.resolve(JSON), new File(dataFingerprint, results));
    }

    static List<String> csv(Replication.Result r) {
        List<String> rows = new ArrayList<>(r.days().length + 1);
        rows.add("date,replica,index");
        for (int i = 0; i < r.days().length; i++) {
            rows.add(Dates.format(r.days()[i]) + "," + String.format(Locale.ROOT, "%.4f", r.replica()[i]) + ","
                    + (Double.isNaN(r.indexLevel()[i]) ? "" : String.format(Locale.ROOT, "%.2f", r.indexLevel()[i])));
        }
        return rows;
    }
}
