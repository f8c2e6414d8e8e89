package sde.pricing;

import sde.data.CsvFile;
import sde.data.DataException;
import sde.data.Dates;
import sde.data.Manifest;
import sde.data.Symbol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Real option quotes from files (issue 3 item 5). Layouts, told apart by the header:
 * <ul>
 *   <li>canonical: {@code quote_date,underlying,underlying_price,expiration,strike,type,bid,ask[,iv,delta][,source_id]}
 *       (type C/P) — the layout of ../shared/data/options/real_quotes_2019_2025.csv, and of the
 *       canonical Parquet files (same column names, {@link #readParquet}) that {@code calibrate --chains} reads;</li>
 *   <li>mid only: the same with {@code mid} instead of bid/ask;</li>
 *   <li>a yfinance chain snapshot: contractSymbol,…,bid,ask,…,optionType,expirationDate,…,underlyingPrice,
 *       whose quote date is given by the caller (the file does not hold it).</li>
 * </ul>
 * Vendor IV and delta columns are ignored on purpose: SOURCES.md shows them unreliable, so IV is
 * always recomputed from the prices.
 */
public final class HistoricalQuotes {
    private HistoricalQuotes() {}

    public static List<OptionRow> read(Path file, int snapshotDate) {
        CsvFile csv = CsvFile.read(file);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < csv.header().size(); i++) col.put(csv.header().get(i).toLowerCase(Locale.ROOT), i);
        boolean yfinance = col.containsKey("contractsymbol");
        String[] need = yfinance ? new String[]{"strike", "bid", "ask", "optiontype", "expirationdate", "underlyingprice"}
                : new String[]{"quote_date", "underlying", "expiration", "strike", "type"};
        for (String n : need) if (!col.containsKey(n)) throw new DataException(file, 1, "option quotes need column '" + n + "'");
        boolean midOnly = !yfinance && col.containsKey("mid") && !col.containsKey("bid");
        List<OptionRow> out = new ArrayList<>();
        for (int r = 0; r < csv.rows().size(); r++) {
            String[] c = csv.rows().get(r);
            try {
                if (yfinance) {
                    String sym = c[col.get("contractsymbol")].replaceAll("\\d.*$", "");
                    out.add(new OptionRow(snapshotDate, Symbol.parse(sym), num(c[col.get("underlyingprice")]),
                            Dates.parse(c[col.get("expirationdate")]), num(c[col.get("strike")]),
                            c[col.get("optiontype")].toLowerCase(Locale.ROOT).startsWith("c"),
                            num(c[col.get("bid")]), num(c[col.get("ask")]), Double.NaN, "yfinance " + file.getFileName()));
                } else {
                    String type = c[col.get("type")].toUpperCase(Locale.ROOT);
                    if (!type.equals("C") && !type.equals("P")) throw new IllegalArgumentException("type must be C or P, got '" + type + "'");
                    double bid = midOnly ? Double.NaN : num(c[col.get("bid")]), ask = midOnly ? Double.NaN : num(c[col.get("ask")]);
                    double mid = midOnly ? num(c[col.get("mid")]) : Double.NaN;
                    out.add(new OptionRow(Dates.parse(c[col.get("quote_date")]), Symbol.parse(c[col.get("underlying")]),
                            col.containsKey("underlying_price") ? num(c[col.get("underlying_price")]) : Double.NaN,
                            Dates.parse(c[col.get("expiration")]), num(c[col.get("strike")]), type.equals("C"), bid, ask, mid,
                            col.containsKey("source_id") ? c[col.get("source_id")] : file.getFileName().toString()));
                }
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw csv.error(r, e instanceof ArrayIndexOutOfBoundsException ? "too few columns" : e.getMessage());
            }
        }
        return out;
    }

    private static double num(String s) {
        if (s.isEmpty()) return Double.NaN;
        return Double.parseDouble(s);
    }

    /** The real-quote files a data folder's MANIFEST.csv names (kinds options_*), each with its role. */
    public record Source(Path file, String kind, int snapshotDate, String note) {}

    public static List<Source> sources(Path dataDir) {
        List<Source> out = new ArrayList<>();
        for (Manifest.Entry e : Manifest.read(dataDir).entries()) {
            if (!e.kind().startsWith("options") || !e.available()) continue;
            int snap = 0;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})").matcher(e.file());
            if (m.find()) snap = Dates.of(m.group(1));
            out.add(new Source(dataDir.resolve(e.file()), e.kind(), snap, e.note()));
        }
        return out;
    }

    /**
     * The two sets MANIFEST.csv defines: calibration = rows of an options_quotes_calibration file on the
     * dates its note names, plus options_snapshot files; check = every other row of the real-quote files.
     */
    public record Split(List<OptionRow> calibration, List<OptionRow> check) {}

    public static Split split(Path dataDir) {
        List<Source> sources = sources(dataDir);
        java.util.Set<Integer> calDates = new java.util.HashSet<>();
        for (Source s : sources) {
            if (!s.kind().equals("options_quotes_calibration")) continue;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})").matcher(s.note());
            while (m.find()) calDates.add(Dates.of(m.group(1)));
        }
        List<OptionRow> cal = new ArrayList<>(), check = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (Source s : sources) {
            if (!seen.add(s.file())) continue;   // a file listed twice (calibration and check rows) is read once
            for (OptionRow r : read(s.file(), s.snapshotDate())) {
                boolean calibration = s.kind().equals("options_snapshot") || calDates.contains(r.quoteDate())
                        && sources.stream().anyMatch(x -> x.file().equals(s.file()) && x.kind().equals("options_quotes_calibration"));
                (calibration ? cal : check).add(r);
            }
        }
        return new Split(cal, check);
    }
}
