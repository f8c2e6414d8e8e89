package sde.data;

import sde.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * `data import --from DIR`: a canonical copy of a data folder (default data/market) with one
 * layout per kind, ISO dates and a MANIFEST.csv, so later runs read it without layout guessing.
 * The copy is staged beside the target, loaded back to prove it is whole, then swapped in.
 *
 * <p>A folder without MANIFEST.csv is recognised by file names: a name token SPY/QQQ/IWM is bars
 * (or dividends when the name says DIVIDEND), a series name (VIX9D, DTB3, …) is that series,
 * FOMC or MACRO/RELEASE/EVENT/CALENDAR is an event calendar.
 */
public final class DataImport {
    private DataImport() {}

    /** @return one line per written series */
    public static List<String> run(Path from, Path to) {
        if (!Files.isDirectory(from)) throw new DataException(from.toString(), 0, "import folder does not exist");
        Path manifestFolder = Files.isRegularFile(from.resolve(Manifest.FILE_NAME)) ? from : discover(from);
        MarketSources src = MarketSources.fromFolder(manifestFolder);
        try {
            return AtomicFiles.writeDirectory(to, staged -> {
                List<String> lines = write(src, staged);
                MarketSources.fromFolder(staged);   // the copy must load before it replaces anything
                return lines;
            });
        } finally {
            if (manifestFolder != from) {
                try {
                    AtomicFiles.deleteTree(manifestFolder);
                } catch (IOException ignored) {
                    // temp folder
                }
            }
        }
    }

    private static List<String> write(MarketSources src, Path dir) throws IOException {
        List<String> manifest = new ArrayList<>(List.of("series,kind,file,note"));
        List<String> out = new ArrayList<>();
        for (Map.Entry<Symbol, RawSeries> e : src.bars().entrySet()) {
            String file = "bars/" + e.getKey() + ".csv";
            writeBars(dir.resolve(file), e.getValue());
            String kind = src.adjustedOnly().contains(e.getKey()) ? "bars_adjusted" : "bars_raw";
            manifest.add(e.getKey() + "," + kind + "," + file + "," + note(e.getValue()));
            out.add(e.getKey() + " " + kind + ": " + e.getValue().size() + " rows");
        }
        for (Map.Entry<Symbol, RawSeries> e : src.dividends().entrySet()) {
            String file = "dividends/" + e.getKey() + ".csv";
            writeValues(dir.resolve(file), "date,dividend", e.getValue());
            manifest.add(e.getKey() + ",dividends," + file + "," + note(e.getValue()));
            out.add(e.getKey() + " dividends: " + e.getValue().size() + " rows");
        }
        for (Map.Entry<SeriesId, RawSeries> e : src.scalars().entrySet()) {
            String file = "series/" + e.getKey() + ".csv";
            writeValues(dir.resolve(file), "date," + e.getKey(), e.getValue());
            manifest.add(e.getKey() + "," + e.getKey().kind.name().toLowerCase(Locale.ROOT) + "," + file + "," + note(e.getValue()));
            out.add(e.getKey() + ": " + e.getValue().size() + " rows");
        }
        for (Map.Entry<String, RawSeries> e : src.benchmarks().entrySet()) {
            String file = "benchmarks/" + e.getKey() + ".csv";
            writeValues(dir.resolve(file), "date," + e.getKey(), e.getValue());
            manifest.add(e.getKey() + ",benchmark," + file + "," + note(e.getValue()));
            out.add(e.getKey() + " benchmark: " + e.getValue().size() + " rows");
        }
        if (!src.events().isEmpty()) {
            String file = "calendar/events.csv";
            List<String> rows = new ArrayList<>(List.of("event,release_date"));
            src.events().forEach((t, days) -> Arrays.stream(days).forEach(d -> rows.add(t + "," + Dates.format(d))));
            writeLines(dir.resolve(file), rows);
            manifest.add("EVENTS,calendar," + file + ",imported from " + csvSafe(src.origin()));
            out.add("events: " + (rows.size() - 1) + " dates");
        }
        src.unavailable().forEach((k, v) -> manifest.add(k + ",index,," + csvSafe(v)));
        writeLines(dir.resolve(Manifest.FILE_NAME), manifest);
        return out;
    }

    private static String note(RawSeries s) {
        return csvSafe("imported from " + s.source() + " (" + s.layout() + ")");
    }

    private static String csvSafe(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static void writeBars(Path file, RawSeries s) throws IOException {
        boolean adj = s.adjClose() != null, vol = s.volume() != null, div = s.dividend() != null;
        List<String> rows = new ArrayList<>(s.size() + 1);
        rows.add("date,open,high,low,close" + (adj ? ",adj_close" : "") + (vol ? ",volume" : "") + (div ? ",dividend" : ""));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            sb.setLength(0);
            sb.append(Dates.format(s.days()[i])).append(',').append(num(s.open()[i])).append(',').append(num(s.high()[i]))
                    .append(',').append(num(s.low()[i])).append(',').append(num(s.close()[i]));
            if (adj) sb.append(',').append(num(s.adjClose()[i]));
            if (vol) sb.append(',').append(num(s.volume()[i]));
            if (div) sb.append(',').append(num(s.dividend()[i]));
            rows.add(sb.toString());
        }
        writeLines(file, rows);
    }

    private static void writeValues(Path file, String header, RawSeries s) throws IOException {
        List<String> rows = new ArrayList<>(s.size() + 1);
        rows.add(header);
        for (int i = 0; i < s.size(); i++) rows.add(Dates.format(s.days()[i]) + "," + num(s.close()[i]));
        writeLines(file, rows);
    }

    /** Shortest text that reads back to the same double; blank for a missing value. */
    private static String num(double v) {
        if (Double.isNaN(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    private static void writeLines(Path file, List<String> rows) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, rows);
    }

    /** Builds a temporary MANIFEST.csv for a folder that has none, from its file names. */
    static Path discover(Path from) {
        List<String> rows = new ArrayList<>(List.of("series,kind,file,note"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(from, 2)) {
            files = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + from + ": " + e.getMessage(), e);
        }
        Set<String> seen = new HashSet<>();
        for (Path f : files) {
            List<String> tokens = Arrays.asList(f.getFileName().toString().replaceFirst("\\.[cC][sS][vV]$", "")
                    .toUpperCase(Locale.ROOT).split("[^A-Z0-9]+"));
            String[] seriesKind = classify(tokens, f);
            if (seriesKind == null) continue;
            if (!seen.add(seriesKind[0] + " " + seriesKind[1])) {
                throw new DataException(f, 0,
                        "a second file for " + seriesKind[0] + " " + seriesKind[1] + " (add a MANIFEST.csv to choose)");
            }
            // Absolute paths: the temporary manifest lives elsewhere, and Path.resolve keeps an absolute path as is.
            rows.add(seriesKind[0] + "," + seriesKind[1] + "," + csvSafe(f.toAbsolutePath().toString()) + ",found by name");
        }
        if (rows.size() == 1) throw new DataException(from.toString(), 0, "no recognisable CSV files and no MANIFEST.csv");
        try {
            Path tmp = Files.createTempDirectory("sde-import-");
            Files.write(tmp.resolve(Manifest.FILE_NAME), rows);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {series, kind} for a file name, or null when the name says nothing we know. */
    private static String[] classify(List<String> tokens, Path file) {
        for (Symbol s : Symbol.values()) {
            if (tokens.contains(s.name())) {
                if (tokens.stream().anyMatch(t -> t.startsWith("DIVIDEND"))) return new String[]{s.name(), "dividends"};
                return new String[]{s.name(), looksAdjusted(SeriesReader.read(s.name(), file)) ? "bars_adjusted" : "bars_raw"};
            }
        }
        for (SeriesId id : SeriesId.values()) {
            if (tokens.contains(id.name())) return new String[]{id.name(), id.kind.name().toLowerCase(Locale.ROOT)};
        }
        if (tokens.contains("FOMC")) return new String[]{"FOMC", "calendar"};
        for (String t : List.of("MACRO", "RELEASE", "EVENTS", "EVENT", "CALENDAR")) {
            if (tokens.contains(t)) return new String[]{"MACRO", "calendar"};
        }
        return null;
    }

    /** Yahoo's Close next to an Adj Close is the raw price; without one, mostly non-cent closes mean adjusted. */
    static boolean looksAdjusted(RawSeries r) {
        if (r.adjClose() != null) return false;
        int notCents = 0;
        for (double c : r.close()) if (Math.abs(c * 100 - Math.rint(c * 100)) > 1e-6) notCents++;
        return notCents * 2 > r.size();
    }
}
