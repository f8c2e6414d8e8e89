package sde.data;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * `data fetch` against a loopback HTTP server the test starts (no test touches the internet):
 * the files land whole with a manifest that loads, the Polygon key is used but never shown or
 * written, and a failed download leaves nothing behind.
 */
class DataFetcherTest {
    private static final String KEY = "s3cr3t-K3Y+/=";
    @TempDir Path tmp;
    private HttpServer server;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final List<String> seenQueries = new ArrayList<>();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            synchronized (seenQueries) {
                seenQueries.add(String.valueOf(ex.getRequestURI().getRawQuery()));
            }
            String body = bodies.getOrDefault(path, "not found");
            int status = statuses.getOrDefault(path, bodies.containsKey(path) ? 200 : 404);
            if (path.startsWith("/polygon/") && (ex.getRequestURI().getQuery() == null || !ex.getRequestURI().getQuery().contains("apiKey="
                    + KEY))) {
                status = 401;
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        for (String idx : List.of("VIX", "VIX9D")) {
            bodies.put("/cboe/" + idx + "_History.csv", "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2024,13,14,12,13.2\n01/03/2024,14,15,13,14.1\n");
        }
        bodies.put("/fred/DTB3", "observation_date,DTB3\n2024-01-02,5.25\n2024-01-03,.\n");
        for (String s : List.of("spy", "qqq", "iwm")) {
            bodies.put("/ohlcv/" + s,
                    "Date,Open,High,Low,Close,Volume\n2024-01-02,470.1,472.5,469.2,471.3,100\n2024-01-03,471,473,470,472.12,200\n");
        }
        // Two pages: the first names the second in next_url, as Polygon does.
        for (String s : List.of("SPY", "QQQ", "IWM")) {
            bodies.put("/polygon/" + s,
                    "{\"status\":\"OK\",\"results\":[{\"t\":1704171600000,\"o\":472.16,\"h\":473.67,\"l\":470.49,\"c\":472.65,\"v\":123}],"
                    + "\"next_url\":\"" + base + "/polygon/" + s + "/p2\"}");
            bodies.put("/polygon/" + s + "/p2",
                    "{\"status\":\"OK\",\"results\":[{\"t\":1704258000000,\"o\":470.43,\"h\":471.19,\"l\":468.17,"
                            + "\"c\":468.79,\"v\":456}]}");
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private DataFetcher fetcher(Map<String, String> env, List<String> log) {
        return new DataFetcher(new DataFetcher.Settings(base + "/cboe/{symbol}_History.csv", base + "/fred/{series}",
                base + "/ohlcv/{symbol}", base + "/polygon/{symbol}", Duration.ofSeconds(5), List.of("VIX", "VIX9D", "RVX"),
                List.of("DTB3"), List.of("SPY", "QQQ", "IWM"), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)), env, log::add);
    }

    @Test
    void fetchesEverySourceIntoAFolderThatLoads() {
        List<String> log = new ArrayList<>();
        Path out = tmp.resolve("import");
        fetcher(Map.of(), log).run(out, EnumSet.of(DataFetcher.Source.CBOE, DataFetcher.Source.FRED, DataFetcher.Source.OHLCV));
        MarketSources src = MarketSources.fromFolder(out);
        assertEquals(471.3, src.bars().get(Symbol.SPY).close()[0]);
        assertEquals(14.1, src.scalars().get(SeriesId.VIX).close()[1]);
        assertTrue(Double.isNaN(src.scalars().get(SeriesId.DTB3).close()[1]), "FRED '.' survives as missing");
        assertTrue(src.unavailable().containsKey("RVX"), "404 at Cboe becomes an unavailable row, as in ../shared/data");
        assertTrue(src.adjustedOnly().isEmpty(), "whole-cent closes: raw");
    }

    @Test
    void polygonUsesTheKeyFollowsPagesAndNeverShowsOrWritesIt() throws IOException {
        List<String> log = new ArrayList<>();
        Path out = tmp.resolve("import");
        fetcher(Map.of(DataFetcher.POLYGON_KEY_ENV, KEY), log).run(out, EnumSet.of(DataFetcher.Source.POLYGON));
        RawSeries spy = MarketSources.fromFolder(out).bars().get(Symbol.SPY);
        assertArrayEquals(new int[]{Dates.of("2024-01-02"), Dates.of("2024-01-03")}, spy.days(), "ms timestamps are New York dates");
        assertEquals(468.79, spy.close()[1]);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f).contains(KEY), "key written to " + f);
            }
        }
        assertTrue(log.stream().noneMatch(l -> l.contains(KEY)));
    }

    @Test
    void aServerErrorIsOneRedactedLineAndNothingIsWritten() {
        statuses.put("/polygon/QQQ", 500);
        Path out = tmp.resolve("import");
        List<String> log = new ArrayList<>();
        DataException e = assertThrows(DataException.class, () -> fetcher(Map.of(DataFetcher.POLYGON_KEY_ENV, KEY), log)
                .run(out, EnumSet.of(DataFetcher.Source.POLYGON)));
        assertTrue(e.getMessage().contains("HTTP 500 from Polygon"), e.getMessage());
        assertTrue(e.getMessage().contains(base + "/polygon/QQQ"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY));
        assertFalse(Files.exists(out));
        assertTrue(tmp.toFile().list().length == 0, "no staging folder left");
    }

    @Test
    void aDownloadThatIsNotDataIsRefusedWithItsLine() {
        bodies.put("/fred/DTB3", "observation_date,DTB3\n2024-01-02,5.25\n2024-01-02,5.26\n");
        DataException e = assertThrows(DataException.class, () -> fetcher(Map.of(), new ArrayList<>())
                .run(tmp.resolve("import"), EnumSet.of(DataFetcher.Source.FRED)));
        assertTrue(e.getMessage().endsWith("DTB3.csv:3: duplicate date 2024-01-02"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("import")));
    }

    @Test
    void withoutAKeyPolygonIsSkippedAndSaysWhy() {
        List<String> log = new ArrayList<>();
        fetcher(Map.of(), log).run(tmp.resolve("import"), EnumSet.of(DataFetcher.Source.POLYGON, DataFetcher.Source.OHLCV));
        assertTrue(log.contains("polygon: $POLYGON_API_KEY is not set; skipped"), log.toString());
        synchronized (seenQueries) {
            assertTrue(seenQueries.stream().noneMatch(q -> q.contains("apiKey")));
        }
    }
}
