package sde.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import sde.io.AtomicFiles;
import sde.io.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * `data fetch`: downloads public daily data for users with internet into a folder with a
 * MANIFEST.csv, ready for `data import`. Every download is parsed by {@link SeriesReader} before it
 * is kept; the folder is staged and swapped in whole. The Polygon key comes from the environment
 * ({@value #POLYGON_KEY_ENV}) and is redacted from every message; it is never written to disk.
 */
public final class DataFetcher {
    public static final String POLYGON_KEY_ENV = "POLYGON_API_KEY";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ObjectMapper JSON = Json.PLAIN;

    public enum Source { CBOE, FRED, OHLCV, POLYGON }

    /** Where to fetch from; templates hold {symbol}, {series}, {from}, {to}. */
    public record Settings(String cboeUrl, String fredUrl, String ohlcvUrl, String polygonUrl, Duration timeout,
                           List<String> cboeIndices, List<String> fredSeries, List<String> symbols,
                           LocalDate from, LocalDate to) {}

    private final HttpClient http;
    private final Settings settings;
    private final String polygonKey;
    private final Consumer<String> log;

    public DataFetcher(Settings settings, Map<String, String> env, Consumer<String> log) {
        this.settings = settings;
        this.polygonKey = env.get(POLYGON_KEY_ENV);
        this.log = log;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Fetches the chosen sources into {@code out}, replacing it only when every chosen download succeeded. */
    public List<String> run(Path out, Set<Source> sources) {
        return AtomicFiles.writeDirectory(out, staged -> {
            List<String> manifest = new ArrayList<>(List.of("series,kind,file,note"));
            List<String> fetched = new ArrayList<>();
            if (sources.contains(Source.CBOE)) {
                for (String idx : settings.cboeIndices()) {
                    String file = idx + "_History.csv";
                    if (download(url(settings.cboeUrl(), idx, idx), staged.resolve(file), idx, true)) {
                        manifest.add(idx + "," + (SeriesId.find(idx) != null && SeriesId.find(idx).kind == SeriesId.Kind.RATE ? "rate"
                                : "index")
                                + "," + file + ",Cboe");
                        fetched.add(file);
                    } else {
                        manifest.add(idx + ",index,,not found at Cboe");
                    }
                }
            }
            if (sources.contains(Source.FRED)) {
                for (String series : settings.fredSeries()) {
                    String file = series + ".csv";
                    download(url(settings.fredUrl(), series, series), staged.resolve(file), series, false);
                    manifest.add(series + ",rate," + file + ",FRED");
                    fetched.add(file);
                }
            }
            boolean polygon = sources.contains(Source.POLYGON);
            if (polygon && (polygonKey == null || polygonKey.isBlank())) {
                log.accept("polygon: $" + POLYGON_KEY_ENV + " is not set; skipped");
                polygon = false;
            }
            for (String sym : settings.symbols()) {
                String file;
                String kind;
                String note;
                if (polygon) {
                    file = sym + "_polygon.csv";
                    polygonBars(sym, staged.resolve(file));
                    kind = "bars_raw";
                    note = "Polygon aggregates adjusted=false";
                } else if (sources.contains(Source.OHLCV)) {
                    file = sym + "_ohlcv.csv";
                    download(url(settings.ohlcvUrl(), sym.toLowerCase(Locale.ROOT), sym), staged.resolve(file), sym, false);
                    kind = DataImport.looksAdjusted(SeriesReader.read(sym, staged.resolve(file))) ? "bars_adjusted" : "bars_raw";
                    note = "OHLCV source; kind from whole-cent check";
                } else {
                    continue;
                }
                manifest.add(sym + "," + kind + "," + file + "," + note);
                fetched.add(file);
            }
            Files.write(staged.resolve(Manifest.FILE_NAME), manifest);
            return fetched;
        });
    }

    /** @return false when the server says 404 and {@code optional}; the file is parsed before it is kept */
    private boolean download(String url, Path file, String name, boolean optional) {
        HttpResponse<byte[]> r = get(url);
        if (r.statusCode() == 404 && optional) {
            log.accept(name + ": not found (" + redact(url) + ")");
            return false;
        }
        if (r.statusCode() != 200) throw new DataException(redact(url), 0, "HTTP " + r.statusCode());
        try {
            Files.write(file, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RawSeries s = SeriesReader.read(name, file);
        log.accept(name + ": " + s.size() + " rows " + Dates.format(s.first()) + ".." + Dates.format(s.last()));
        return true;
    }

    /** Polygon v2 aggregates (JSON, paged by next_url) to a plain date,open,high,low,close,volume CSV. */
    private void polygonBars(String symbol, Path file) throws IOException {
        String next = url(settings.polygonUrl(), symbol, symbol);
        List<String> rows = new ArrayList<>(List.of("date,open,high,low,close,volume"));
        while (next != null) {
            String withKey = next + (next.contains("?") ? "&" : "?") + "apiKey=" + URLEncoder.encode(polygonKey, StandardCharsets.UTF_8);
            HttpResponse<byte[]> r = get(withKey);
            if (r.statusCode() != 200) throw new DataException(redact(next), 0, "HTTP " + r.statusCode() + " from Polygon");
            JsonNode root;
            try {
                root = JSON.readTree(r.body());
            } catch (IOException e) {
                throw new DataException(redact(next), 0, "not JSON: " + redact(e.getMessage()).lines().findFirst().orElse(""));
            }
            for (JsonNode bar : root.path("results")) {
                LocalDate d = Instant.ofEpochMilli(bar.path("t").asLong()).atZone(NEW_YORK).toLocalDate();
                rows.add(d + "," + bar.path("o").asDouble() + "," + bar.path("h").asDouble() + "," + bar.path("l").asDouble()
                        + "," + bar.path("c").asDouble() + "," + bar.path("v").asDouble());
            }
            next = root.hasNonNull("next_url") ? root.get("next_url").asText() : null;
        }
        if (rows.size() == 1) throw new DataException("polygon " + symbol, 0, "no bars returned");
        Files.write(file, rows);
        RawSeries s = SeriesReader.read(symbol, file);
        log.accept(symbol + ": " + s.size() + " Polygon bars " + Dates.format(s.first()) + ".." + Dates.format(s.last()));
    }

    private HttpResponse<byte[]> get(String url) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                    .header("User-Agent", "sde-data-fetch").GET().build();
            return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new DataException(redact(url), 0, "cannot download: " + redact(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException(redact(url), 0, "interrupted");
        } catch (IllegalArgumentException e) {
            throw new DataException(redact(url), 0, "bad URL: " + redact(e.getMessage()));
        }
    }

    private String url(String template, String symbol, String series) {
        return template.replace("{symbol}", symbol).replace("{series}", series)
                .replace("{from}", settings.from().toString()).replace("{to}", settings.to().toString());
    }

    /** Removes the Polygon key from anything that may be printed. */
    String redact(String text) {
        if (text == null || polygonKey == null || polygonKey.isBlank()) return text;
        return text.replace(polygonKey, "***").replace(URLEncoder.encode(polygonKey, StandardCharsets.UTF_8), "***");
    }

    public static Set<Source> parseSources(List<String> names) {
        Set<Source> out = EnumSet.noneOf(Source.class);
        for (String n : names) {
            try {
                out.add(Source.valueOf(n.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--source: unknown source '" + n + "' (expected cboe, fred, ohlcv, polygon)");
            }
        }
        return out;
    }
}
