package sde.pricing;

import sde.data.CsvFile;
import sde.data.DataException;
import sde.data.Dates;
import sde.data.Manifest;
import sde.data.Symbol;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real option quotes from files. Layouts, told apart by the header:
 * <ul>
 *   <li>canonical: {@code quote_date,underlying,underlying_price,expiration,strike,type,bid,ask[,iv,delta][,source_id]}
 *       (type C/P) — the layout of ../shared/data/options/real_quotes_2019_2025.csv, and of the
 *       canonical Parquet files (same column names, {@link #readParquet}) that {@code calibrate --chains} reads;</li>
 *   <li>mid only: the same with {@code mid} instead of bid/ask;</li>
 *   <li>a yfinance chain snapshot: contractSymbol,…,bid,ask,…,optionType,expirationDate,…,underlyingPrice,
 *       whose quote date is given by the caller (the file does not hold it).</li>
 * </ul>
 * Chains of kind {@code options_liquidity} (a Yahoo scrape: datePulled,contract,type,expiry,strike,bid,ask,volume,oi,…)
 * are never read for prices (SPEC §1: the 2020-08-18 file's prices are check rows, the 2020-07-31 file's are
 * already the calibration rows of real_quotes): {@link #activity} reads their volume and open interest, and
 * the same columns of the yfinance snapshots.
 * Vendor IV and delta columns are ignored on purpose: SOURCES.md shows them unreliable, so IV is
 * always recomputed from the prices.
 */
public final class HistoricalQuotes {
    /** The manifest kind of a chain read for its volume and open interest only. */

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
                    if (!type.equals("C") && !type.equals("P")) throw new IllegalArgumentException("type must be C or P, got '" + type
                            + "'");
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
        return yfinance ? atParitySpot(out) : out;
    }

    /** Strikes within this fraction of the stated spot vote on the parity spot. */
    private static final double PARITY_BAND = 0.01;

    /**
     * A snapshot's rows with the spot put–call parity implies: a yfinance chain is taken intraday and
     * states one underlyingPrice that can lag its quotes (QQQ 2026-02-11: 610.61 stated, 611.35 by
     * parity). On the nearest expiry with at least three two-sided call–put pairs within 1 % of the
     * stated spot, the median of C − P + K; that expiry is the shortest, so discounting and early
     * exercise move it by cents. Rows keep the stated spot when no expiry has three pairs.
     */
    static List<OptionRow> atParitySpot(List<OptionRow> rows) {
        if (rows.isEmpty()) return rows;
        double stated = rows.get(0).underlying();
        Map<Integer, Map<Double, double[]>> byExpiry = new TreeMap<>();
        for (OptionRow r : rows) {
            if (!(r.bid() > 0 && r.ask() >= r.bid()) || Math.abs(r.strike() / stated - 1) > PARITY_BAND || r.dte() < 0) continue;
            double[] cp = byExpiry.computeIfAbsent(r.expiry(), e -> new TreeMap<>())
                    .computeIfAbsent(r.strike(), k -> new double[]{Double.NaN, Double.NaN});
            cp[r.call() ? 0 : 1] = (r.bid() + r.ask()) / 2;
        }
        for (Map<Double, double[]> strikes : byExpiry.values()) {
            List<Double> votes = new ArrayList<>();
            strikes.forEach((k, cp) -> { if (!Double.isNaN(cp[0]) && !Double.isNaN(cp[1])) votes.add(cp[0] - cp[1] + k); });
            if (votes.size() < 3) continue;
            Collections.sort(votes);
            int m = votes.size();
            double spot = m % 2 == 1 ? votes.get(m / 2) : (votes.get(m / 2 - 1) + votes.get(m / 2)) / 2;
            List<OptionRow> out = new ArrayList<>(rows.size());
            for (OptionRow r : rows) {
                out.add(new OptionRow(r.quoteDate(), r.symbol(), spot, r.expiry(), r.strike(), r.call(), r.bid(), r.ask(), r.mid(),
                        r.source()));
            }
            return out;
        }
        return rows;
    }

    private static double num(String s) {
        if (s.isEmpty()) return Double.NaN;
        return Double.parseDouble(s);
    }

    /** The real-quote files a data folder's MANIFEST.csv names (kinds options_*), each with its role. */
    public record Source(Path file, Manifest.Kind kind, int snapshotDate, String note) {}

    public static List<Source> sources(Path dataDir) {
        List<Source> out = new ArrayList<>();
        for (Manifest.Entry e : Manifest.read(dataDir).entries()) {
            if (!e.type().options() || !e.available()) continue;
            int snap = 0;
            Matcher m = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})").matcher(e.file());
            if (m.find()) snap = Dates.of(m.group(1));
            out.add(new Source(dataDir.resolve(e.file()), e.type(), snap, e.note()));
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
        Set<Integer> calDates = new HashSet<>();
        for (Source s : sources) {
            if (s.kind() != Manifest.Kind.OPTIONS_QUOTES_CALIBRATION) continue;
            Matcher m = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})").matcher(s.note());
            while (m.find()) calDates.add(Dates.of(m.group(1)));
        }
        List<OptionRow> cal = new ArrayList<>(), check = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Source s : sources) {
            if (s.kind() == Manifest.Kind.OPTIONS_LIQUIDITY) continue;   // volume and open interest only (SPEC §1), read by activity()
            if (!seen.add(s.file())) continue;   // a file listed twice (calibration and check rows) is read once
            for (OptionRow r : read(s.file(), s.snapshotDate())) {
                boolean calibration = s.kind() == Manifest.Kind.OPTIONS_SNAPSHOT || calDates.contains(r.quoteDate())
                        && sources.stream().anyMatch(x ->
                                x.file().equals(s.file()) && x.kind() == Manifest.Kind.OPTIONS_QUOTES_CALIBRATION);
                (calibration ? cal : check).add(r);
            }
        }
        return new Split(cal, check);
    }

    /**
     * Volume and open interest of every real chain the manifest names that carries them: the
     * {@code options_liquidity} chains and the yfinance snapshots. A snapshot's volume covers the session up to
     * its time: {@code sessionElapsed} is read from the latest trade time in the file (Yahoo's lastTradeDate / lastTrd),
     * as the share of the 6.5-hour regular session elapsed then, and 1 when the latest trade is at or after the
     * close or on an earlier day (a file pulled after the close, as the 2020-07-31 scrape pulled on a Sunday).
     */
    public static List<ChainActivity> activity(Path dataDir) {
        List<ChainActivity> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Source s : sources(dataDir)) {
            if (!(s.kind() == Manifest.Kind.OPTIONS_LIQUIDITY || s.kind() == Manifest.Kind.OPTIONS_SNAPSHOT) || !seen.add(s.file())) {
                continue;
            }
            out.addAll(readActivity(s.file(), s.snapshotDate()));
        }
        return out;
    }

    /** One chain file's volume and open interest; the quote date is the file name's (the files do not all hold it). */
    public static List<ChainActivity> readActivity(Path file, int quoteDate) {
        CsvFile csv = CsvFile.read(file);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < csv.header().size(); i++) col.put(csv.header().get(i).toLowerCase(Locale.ROOT), i);
        boolean yfinance = col.containsKey("contractsymbol");
        String[] need = yfinance ? new String[]{"contractsymbol", "strike", "optiontype", "expirationdate", "volume", "openinterest",
                "lasttradedate", "underlyingprice"} : new String[]{"contract", "type", "expiry", "strike", "volume", "oi", "lasttrd"};
        for (String n : need) if (!col.containsKey(n)) throw new DataException(file, 1, "a chain with volume needs column '" + n + "'");
        if (quoteDate == 0) throw new DataException(file, 0, "a chain's file name must carry its quote date (YYYY-MM-DD)");
        List<String[]> rows = csv.rows();
        // The latest trade in the file, in minutes after midnight ET on the quote date (-1: none that day).
        int latest = -1;
        for (int r = 0; r < rows.size(); r++) {
            String[] c = rows.get(r);
            try {
                latest = Math.max(latest, yfinance ? minutesEt(c[col.get("lasttradedate")], quoteDate)
                        : minutesYahoo(c[col.get("lasttrd")], quoteDate));
            } catch (RuntimeException e) {
                throw csv.error(r, "unreadable last trade time: " + e.getMessage());
            }
        }
        double elapsed = latest < 0 || latest >= CLOSE_MINUTES ? 1.0 : Math.max(1.0 / 390, (latest - OPEN_MINUTES) / 390.0);
        List<ChainActivity> out = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            String[] c = rows.get(r);
            try {
                String contract = c[col.get(yfinance ? "contractsymbol" : "contract")];
                Symbol sym = Symbol.parse(contract.replaceAll("\\d.*$", ""));
                boolean call = c[col.get(yfinance ? "optiontype" : "type")].toLowerCase(Locale.ROOT).startsWith("c");
                double spot = yfinance ? num(c[col.get("underlyingprice")]) : Double.NaN;
                double bid = col.containsKey("bid") ? price(c[col.get("bid")]) : Double.NaN;
                double ask = col.containsKey("ask") ? price(c[col.get("ask")]) : Double.NaN;
                double mid = bid > 0 && ask >= bid ? (bid + ask) / 2 : Double.NaN;
                long volume = count(c[col.get("volume")]), openInterest = count(c[col.get(yfinance ? "openinterest" : "oi")]);
                out.add(new ChainActivity(quoteDate, sym, spot, Dates.parse(c[col.get(yfinance ? "expirationdate" : "expiry")]),
                        num(c[col.get("strike")]), call, mid, volume, openInterest, elapsed, file.getFileName().toString()));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw csv.error(r, e instanceof ArrayIndexOutOfBoundsException ? "too few columns" : e.getMessage());
            }
        }
        return out;
    }

    private static final int OPEN_MINUTES = 9 * 60 + 30, CLOSE_MINUTES = 16 * 60;

    /** A quote price as a bucket needs it: NaN where Yahoo wrote none ("-" or blank). */
    private static double price(String text) {
        String s = text.replace(",", "");
        return s.isEmpty() || s.equals("-") ? Double.NaN : Double.parseDouble(s);
    }

    /** Yahoo writes none as blank or "-" and thousands with a comma ("1,000"); yfinance as a decimal ("37.0"). */
    private static long count(String text) {
        String s = text.replace(",", "");
        if (s.isEmpty() || s.equals("-")) return 0;
        double v = Double.parseDouble(s);
        if (!(v >= 0) || v != Math.rint(v)) throw new IllegalArgumentException("a contract count must be a whole number >= 0, got '" + s
                + "'");
        return (long) v;
    }

    /** yfinance's "2026-02-10 14:55:42+00:00" (UTC) as minutes after midnight New York time, -1 when not on {@code day}. */
    private static int minutesEt(String s, int day) {
        if (s.isEmpty()) return -1;
        ZonedDateTime t = OffsetDateTime.parse(s.replace(' ', 'T'))
                .atZoneSameInstant(ZoneId.of("America/New_York"));
        if (Dates.of(t.toLocalDate().toString()) != day) return -1;
        return t.getHour() * 60 + t.getMinute();
    }

    /** Yahoo's page form "2020-07-31 4:15PM EDT" (New York time), -1 when not on {@code day}. */
    private static int minutesYahoo(String s, int day) {
        if (s.isEmpty()) return -1;
        Matcher m = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d{1,2}):(\\d{2})([AP]M)").matcher(s);
        if (!m.find()) throw new IllegalArgumentException("expected 'YYYY-MM-DD h:mmAM', got '" + s + "'");
        if (Dates.of(m.group(1)) != day) return -1;
        int h = Integer.parseInt(m.group(2)) % 12 + (m.group(4).equals("PM") ? 12 : 0);
        return h * 60 + Integer.parseInt(m.group(3));
    }
}
