package sde.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one CSV of daily values into a {@link RawSeries}, detecting the layout from the header.
 * Strict: a malformed row, an unparsable number, an empty required value, or a date that is not
 * strictly after the previous one is a {@link DataException} naming the file and line.
 */
public final class SeriesReader {

    private SeriesReader() {}

    public static RawSeries read(String name, Path file) {
        return read(name, CsvFile.read(file));
    }

    static RawSeries read(String name, CsvFile csv) {
        Map<String, Integer> col = columns(csv);
        Layout layout = detect(csv, col);
        int n = csv.rows().size();
        int dateCol = dateColumn(col);
        int[] days = new int[n];
        boolean missingAllowed = layout == Layout.FRED || layout == Layout.CBOE_CLOSE;
        double[] open = null, high = null, low = null, close, adj = null, vol = null, div = null;
        int closeCol;
        switch (layout) {
            case DIVIDENDS -> closeCol = col.containsKey("dividend") ? col.get("dividend") : col.get("dividends");
            case FRED, CBOE_CLOSE -> closeCol = valueColumn(csv, col);
            default -> closeCol = col.get("close");
        }
        close = new double[n];
        if (col.containsKey("open")) { open = new double[n]; high = new double[n]; low = new double[n]; }
        if (col.containsKey("adj close")) adj = new double[n];
        if (col.containsKey("volume")) vol = new double[n];
        Integer divCol = layout == Layout.DIVIDENDS ? null
                : col.containsKey("dividend") ? col.get("dividend") : col.get("dividends");
        if (divCol != null) div = new double[n];

        int width = csv.header().size();
        for (int i = 0; i < n; i++) {
            String[] row = csv.rows().get(i);
            if (row.length < width) {
                throw csv.error(i, "expected " + width + " columns as in the header, found " + row.length);
            }
            try {
                days[i] = Dates.parse(row[dateCol]);
            } catch (IllegalArgumentException e) {
                throw csv.error(i, e.getMessage());
            }
            if (i > 0 && days[i] <= days[i - 1]) {
                throw csv.error(i, (days[i] == days[i - 1] ? "duplicate date " : "dates not ascending: ")
                        + Dates.format(days[i]) + (days[i] == days[i - 1] ? "" : " after " + Dates.format(days[i - 1])));
            }
            close[i] = number(csv, i, row, closeCol, missingAllowed);
            if (open != null) {
                open[i] = number(csv, i, row, col.get("open"), false);
                high[i] = number(csv, i, row, col.get("high"), false);
                low[i] = number(csv, i, row, col.get("low"), false);
            }
            if (adj != null) adj[i] = number(csv, i, row, col.get("adj close"), false);
            if (vol != null) vol[i] = number(csv, i, row, col.get("volume"), false);
            if (div != null) div[i] = number(csv, i, row, divCol, false);
        }
        return new RawSeries(name, csv.path().toString(), layout, days, open, high, low, close, adj, vol, div, csv.lineNumbers());
    }

    private static double number(CsvFile csv, int row, String[] cells, int col, boolean missingAllowed) {
        String s = cells[col];
        if (s.isEmpty() || s.equals(".") || s.equalsIgnoreCase("null")) {
            if (missingAllowed) return Double.NaN;
            throw csv.error(row, "empty value in column '" + csv.header().get(col) + "'");
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw csv.error(row, "bad number '" + s + "' in column '" + csv.header().get(col) + "'");
        }
    }

    /** Canonical lower-case column names to positions; "adj_close"/"adjclose" become "adj close". */
    static Map<String, Integer> columns(CsvFile csv) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < csv.header().size(); i++) {
            String h = csv.header().get(i).toLowerCase(Locale.ROOT).replace('_', ' ').strip();
            if (h.equals("adjclose")) h = "adj close";
            if (h.equals("observation date")) h = "observation_date";
            if (h.equals("release date")) h = "release_date";
            if (col.putIfAbsent(h, i) != null) {
                throw new DataException(csv.path(), 1, "column '" + csv.header().get(i) + "' appears twice in the header");
            }
        }
        return col;
    }

    private static int dateColumn(Map<String, Integer> col) {
        for (String k : List.of("date", "observation_date", "release_date")) {
            if (col.containsKey(k)) return col.get(k);
        }
        throw new IllegalStateException("detect() guarantees a date column");
    }

    static Layout detect(CsvFile csv, Map<String, Integer> col) {
        boolean hasDate = col.containsKey("date") || col.containsKey("observation_date");
        if (col.containsKey("event") && col.containsKey("release_date")) return Layout.EVENT_TABLE;
        if (!hasDate) throw unknown(csv);
        if (col.size() == 1) return Layout.EVENT_DATES;
        boolean ohlc = col.containsKey("open") && col.containsKey("high") && col.containsKey("low") && col.containsKey("close");
        if (ohlc) {
            if (col.containsKey("adj close")) return Layout.YAHOO;
            boolean slash = csv.rows().get(0)[dateColumn(col)].indexOf('/') > 0;
            return slash && !col.containsKey("volume") ? Layout.CBOE : Layout.PLAIN;
        }
        if (col.size() == 2 && (col.containsKey("dividend") || col.containsKey("dividends"))) return Layout.DIVIDENDS;
        if (col.size() == 2 && !col.containsKey("close") && !col.containsKey("open")) {
            boolean slash = csv.rows().get(0)[dateColumn(col)].indexOf('/') > 0;
            return slash ? Layout.CBOE_CLOSE : Layout.FRED;
        }
        throw unknown(csv);
    }

    private static int valueColumn(CsvFile csv, Map<String, Integer> col) {
        int date = dateColumn(col);
        for (int i = 0; i < csv.header().size(); i++) if (i != date) return i;
        throw unknown(csv);
    }

    private static DataException unknown(CsvFile csv) {
        return new DataException(csv.path(), 1, "unknown header " + csv.header()
                + "; expected bars (Date,Open,High,Low,Close[,Adj Close][,Volume]), Cboe (DATE,OPEN,HIGH,LOW,CLOSE),"
                + " FRED (observation_date,SERIES), a close-only index (DATE,NAME), dividends (Date,Dividend)"
                + " or events (date | event,release_date)");
    }

    /** Event dates by event name (upper case) from an EVENT_DATES file (named by {@code eventName}) or an EVENT_TABLE file. */
    public static Map<String, int[]> readEvents(String eventName, Path file) {
        CsvFile csv = CsvFile.read(file);
        Map<String, Integer> col = columns(csv);
        Layout layout = detect(csv, col);
        Map<String, List<Integer>> acc = new HashMap<>();
        if (layout == Layout.EVENT_DATES) {
            int dc = dateColumn(col);
            for (int i = 0; i < csv.rows().size(); i++) {
                acc.computeIfAbsent(eventName.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(eventDay(csv, i, dc));
            }
        } else if (layout == Layout.EVENT_TABLE) {
            int ec = col.get("event"), dc = col.get("release_date");
            for (int i = 0; i < csv.rows().size(); i++) {
                String[] row = csv.rows().get(i);
                if (row.length <= Math.max(ec, dc)) throw csv.error(i, "expected " + csv.header().size() + " columns, found " + row.length);
                if (row[ec].isEmpty()) throw csv.error(i, "empty event name");
                acc.computeIfAbsent(row[ec].toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(eventDay(csv, i, dc));
            }
        } else {
            throw new DataException(file, 1, "expected an event calendar (date | event,release_date), found a " + layout + " header");
        }
        Map<String, int[]> out = new HashMap<>();
        acc.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).sorted().distinct().toArray()));
        return out;
    }

    private static int eventDay(CsvFile csv, int row, int col) {
        String[] cells = csv.rows().get(row);
        if (cells.length <= col) throw csv.error(row, "missing date");
        try {
            return Dates.parse(cells[col]);
        } catch (IllegalArgumentException e) {
            throw csv.error(row, e.getMessage());
        }
    }
}
