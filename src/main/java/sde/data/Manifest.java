package sde.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MANIFEST.csv of a data folder: which file holds which series (columns series,kind,file,note).
 * Kinds understood here: bars_raw, bars_adjusted, dividends, index, rate, calendar, benchmark (a
 * real strategy-index level that checks the option model and that no strategy sees, SPEC §1);
 * options_* rows are kept for the pricing layer. A row with an empty file says the series is not available.
 */
public record Manifest(Path dir, List<Entry> entries) {

    public static final String FILE_NAME = "MANIFEST.csv";

    /**
     * What a manifest row holds: {@link #of} on the way in from its {@code kind} column, {@link #toString} (the column's
     * words) on the way out. An options_ kind this code does not know yet is kept as {@link #OPTIONS_OTHER}: the folder
     * may hold chains newer than the code, which the pricing layer reads as check rows rather than refuse.
     */
    public enum Kind {
        BARS_RAW, BARS_ADJUSTED, DIVIDENDS, INDEX, RATE, CALENDAR, BENCHMARK,
        /** A whole chain at one moment (yfinance): calibration rows, and volume and open interest. */
        OPTIONS_SNAPSHOT,
        /** Quotes whose rows on the dates its note names are calibration rows; the rest are check rows. */
        OPTIONS_QUOTES_CALIBRATION,
        /** Quotes kept out of every fit: check rows only. */
        OPTIONS_QUOTES_CHECK,
        /** Mid prices kept out of every fit: check rows only. */
        OPTIONS_MIDS_CHECK,
        /** Volume and open interest only (SPEC §1), for the liquidity model. */
        OPTIONS_LIQUIDITY,
        /** An options_ kind of a newer data folder. */
        OPTIONS_OTHER;

        public static Kind of(String text) {
            for (Kind k : values()) if (k != OPTIONS_OTHER && k.toString().equals(text)) return k;
            if (text.startsWith("options")) return OPTIONS_OTHER;
            throw new IllegalArgumentException("unknown kind '" + text
                    + "' (expected bars_raw, bars_adjusted, dividends, index, rate, calendar, benchmark, options_*)");
        }

        public boolean options() {
            return name().startsWith("OPTIONS");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One row: {@code kind} as the file spells it (lower case), {@link #type} what it means. */
    public record Entry(String series, String kind, String file, String note, int line) {
        public boolean available() { return file != null && !file.isEmpty(); }

        public Kind type() { return Kind.of(kind); }
    }

    public static Manifest read(Path dir) {
        Path path = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(path)) {
            throw new DataException(path, 0, "no " + FILE_NAME + " in this data folder"
                    + " (run `jobs/sde data import --from DIR` to build a canonical copy with one)");
        }
        CsvFile csv = CsvFile.read(path);
        Map<String, Integer> col = SeriesReader.columns(csv);
        for (String need : List.of("series", "kind", "file")) {
            if (!col.containsKey(need)) {
                throw new DataException(path, 1, "header lacks column '" + need + "' (expected series,kind,file,note)");
            }
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < csv.rows().size(); i++) {
            String[] row = csv.rows().get(i);
            String series = cell(row, col.get("series"));
            String kind = cell(row, col.get("kind")).toLowerCase(Locale.ROOT);
            String file = cell(row, col.get("file"));
            String note = col.containsKey("note") ? cell(row, col.get("note")) : "";
            if (series.isEmpty() || kind.isEmpty()) throw csv.error(i, "empty series or kind");
            try {
                Kind.of(kind);
            } catch (IllegalArgumentException e) {
                throw csv.error(i, e.getMessage());
            }
            if (!file.isEmpty() && !Files.isRegularFile(dir.resolve(file))) {
                throw csv.error(i, "file not found: " + file);
            }
            out.add(new Entry(series, kind, file, note, csv.lineNumbers()[i]));
        }
        return new Manifest(dir, List.copyOf(out));
    }

    private static String cell(String[] row, int i) {
        return i < row.length ? row[i] : "";
    }

    public Path resolve(Entry e) { return dir.resolve(e.file()); }
}
