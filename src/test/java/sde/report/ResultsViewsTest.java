package sde.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sde.backtest.Engines;
import sde.backtest.RunSpec;
import sde.benchmark.BenchmarkReport;
import sde.benchmark.CboeIndex;
import sde.benchmark.Replication;
import sde.data.Fixtures;
import sde.data.RealData;
import sde.io.Location;
import sde.results.VerdictFile;
import sde.spark.Answer;
import sde.spark.SparkSessionExtension;
import sde.spark.TrialSample;
import sde.sweep.Study;
import sde.sweep.SweepJob;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What users look at, on a small real run (a gated sweep of 2 × 6 parameter sets on the real data):
 * the HTML report rendered by headless Chromium, the Jupyter notebook executed by nbconvert, and
 * the Zeppelin note's SQL run on Spark. CI installs Debian's chromium and jupyter packages.
 */
@ExtendWith(SparkSessionExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsViewsTest {
    @TempDir static Path tmp;
    Path out, index;
    double reportSeconds;

    @BeforeAll
    void aSmallRealRunAndItsReport(SparkSession spark) {
        Path f = tmp.resolve("study.yaml");
        Fixtures.write(f, """
                study: views
                seed: 3
                optimizer: tpe
                optimizer_settings: {elites: 1, tournament: 2, crossover: 0.9, mutation_rate: 0.3, mutation_sigma: 0.2,
                                     tpe_gamma: 0.25, tpe_candidates: 16, tpe_startup: 4}
                population: 6
                generations: 2
                # Every row feasible (SPEC §4 limits opened): this test is about the sweep's mechanics, not the seed's lines.
                max_drawdown: 100
                min_trades_per_year: 0
                train_years: [2020, 2022]
                test_years: [2023, 2025]
                top_n: 10
                strategies:
                  - name: credit_spread
                    fixed: {symbol: SPY}
                    search: [short_delta, dte]
                  - name: momentum
                    optional: true
                    weight: 0.5
                    search: [lookback]
                """);
        out = tmp.resolve("out");
        new SweepJob(Engines.context(spark), Study.load(f), Location.of(out),
                new PrintStream(new ByteArrayOutputStream())).withGate(Engines.gate(spark)).run(false);
        // The benchmark command's outputs beside the leaderboard: the report charts replica against index.
        var replication = new Replication(Engines.real(), Engines.CONF.pricing(), Engines.CONF.backtest(),
                Engines.CONF.benchmark());
        List<Replication.Result> replicas = new ArrayList<>();
        for (String name : List.of("PUT", "BXM")) {
            replicas.add(replication.run(CboeIndex.parse(name), RealData.sources().benchmarks().get(name)));
        }
        BenchmarkReport.write(out, replicas, Engines.real().fingerprint());
        // The answer over the study's leaderboard (SPEC §7), which the report opens with.
        Answer.write(Location.of(out), Answer.compute(spark, Location.of(out), 2020, 2025));
        long t0 = System.nanoTime();
        Report report = new Report(Engines.real(), Engines.CONF.regime(), Engines.engine(),
                node -> Engines.CONF.specs().read(node, "leaderboard"))
                .withTrials((dir, name) -> TrialSample.read(spark, dir, name, 20_000));
        index = report.write(new Report.Request(Location.of(out), "views", null, 10, 500, 20, 2024)).local().orElseThrow();
        reportSeconds = (System.nanoTime() - t0) / 1e9;
    }

    private static Process run(Path log, List<String> cmd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        // Debian's python (with its jupyter, pandas and matplotlib) before any pyenv shim.
        pb.environment().put("PATH", "/usr/bin:/bin:" + pb.environment().getOrDefault("PATH", ""));
        return pb.start();
    }

    @Test
    void theReportIsOneSelfContainedPageWithEveryChart() throws Exception {
        String html = Files.readString(index);
        for (String id : List.of("leaderboard", "years", "equity", "drawdown", "monthly", "contribution", "regimes", "scatter", "bench_PUT",
                "bench_BXM", "bench_table_PUT", "history", "importance", "parallel", "years-return", "years-drawdown")) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").matches("(?s).*https?://.*"),
                "nothing to fetch: no URL but the SVG namespace");
        assertFalse(html.contains("<script src"), "no external script");
        assertTrue(html.contains("(real data)"));
        assertTrue(html.contains("id=\"answer\"") && html.indexOf("id=\"answer\"") < html.indexOf("id=\"leaderboard\""),
                "the report opens with the answer's verdict line");
        assertTrue(html.contains("NO VICTORY FOUND over 12 evaluations"), "the verdict of the 12 trials");
        assertTrue(html.contains("id=\"saturation\""), "the saturation curves");
        // The leaderboard's verdict column is the gate's: the best row's verdict shows in the board as in the gate's section.
        Map<?, ?> state = new ObjectMapper().readValue(out.resolve("optimization_state.json").toFile(),
                Map.class);
        String judged = String.valueOf(state.get("best_id"));
        String verdict = VerdictFile.read(Location.of(out.resolve("validations/" + judged + ".json"))).verdict().name();
        String board = html.substring(html.indexOf("id=\"leaderboard\""), html.indexOf("</table>", html.indexOf("id=\"leaderboard\"")));
        String row = board.substring(board.indexOf(judged));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("<span class=\"" + verdict + "\">" + verdict + " "), row);
        assertTrue(html.matches("(?s).*>trials</td><td class=\"l\">\\d+</td>.*"), "a count reads as an integer");
        assertTrue(Files.exists(out.resolve("report/data/verdicts.csv")));
        // The study views: every trial of the study, and a slice for each searched parameter that varied.
        List<String> trials = Files.readAllLines(out.resolve("report/data/trials.csv"));
        assertEquals(12 + 1, trials.size(), "2 generations × 6 trials, and the header");
        assertTrue(trials.get(0).startsWith("study,generation,id,train_score,") && trials.get(0).contains("spy_spread.short_delta")
                || trials.get(0).contains("credit_spread.short_delta"), trials.get(0));
        List<String> importance = Files.readAllLines(out.resolve("report/data/importance.csv"));
        double sum = importance.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).sum();
        assertEquals(1.0, sum, 1e-9, "importance shares sum to 1");
        assertTrue(html.contains("id=\"slice-"), "slice plots");
        assertTrue(html.contains("goal ≥ 200 %") && html.contains("goal ≤ 15 %"), "the goal's lines");
        System.out.printf("report built in %.2f s (%d bytes)%n", reportSeconds, Files.size(index));
    }

    @Test
    void headlessChromiumRendersTheReportWithItsCharts() throws Exception {
        Path shot = tmp.resolve("report.png"), dom = tmp.resolve("dom.html");
        List<String> chrome = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + tmp.resolve("chrome-profile")));
        List<String> screenshot = new ArrayList<>(chrome);
        screenshot.addAll(List.of("--window-size=1100,4000", "--screenshot=" + shot, index.toUri().toString()));
        Process p = run(tmp.resolve("chrome.log"), screenshot, Map.of());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        assertTrue(Files.exists(shot), Files.readString(tmp.resolve("chrome.log")));
        BufferedImage img = ImageIO.read(shot.toFile());
        long ink = 0, blue = 0, red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                if (rgb != 0xffffff) ink++;
                if (near(rgb, 0x1f77b4)) blue++;       // the equity line
                if (near(rgb, 0xd62728)) red++;        // drawdown and losing bars
            }
        }
        double share = ink / (double) (img.getWidth() * img.getHeight());
        assertTrue(share > 0.05, "not blank: " + share);
        assertTrue(blue > 200, "the equity line is drawn: " + blue);
        assertTrue(red > 200, "the drawdown is drawn: " + red);

        List<String> dump = new ArrayList<>(chrome);
        dump.addAll(List.of("--dump-dom", index.toUri().toString()));
        Process d = run(dom, dump, Map.of());
        assertTrue(d.waitFor(120, TimeUnit.SECONDS));
        String rendered = Files.readString(dom);
        long charts = rendered.split("<svg class=\"chart\"", -1).length - 1;
        long slices = rendered.split("<svg class=\"chart\" id=\"slice-", -1).length - 1;
        assertTrue(slices >= 2, "a slice per varying parameter: " + slices);
        long answer = rendered.split("<svg class=\"chart\" id=\"frontier_", -1).length - 1;
        assertTrue(answer >= 1, "a frontier chart at least (the feasible rows')");
        assertEquals(8 + 5 + slices + answer + 1, charts, "equity, drawdown, monthly, contribution, regimes, PUT and BXM replicas, scatter;"
                + " history, importance, the slices, parallel coordinates, return and drawdown per year against the goal; the answer's"
                + " frontiers and saturation, in the rendered DOM");
        assertTrue(rendered.contains("class=\"trial\""), "parallel coordinates' lines");
        assertTrue(rendered.contains("class=\"cell\""), "heatmap cells");
    }

    private static boolean near(int rgb, int target) {
        int dr = Math.abs((rgb >> 16 & 255) - (target >> 16 & 255)), dg = Math.abs((rgb >> 8 & 255) - (target >> 8 & 255)),
                db = Math.abs((rgb & 255) - (target & 255));
        return dr + dg + db < 40;
    }

    @Test
    void theJupyterNotebookRunsTopToBottomOnTheRun() throws Exception {
        Path executed = tmp.resolve("executed.ipynb");
        Process p = run(tmp.resolve("nbconvert.log"), List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
                        "--ExecutePreprocessor.timeout=300", Path.of("notebooks/leaderboard.ipynb").toAbsolutePath().toString(),
                                "--output", executed.toString()),
                Map.of("SDE_OUT", out.toString(), "PYDEVD_DISABLE_FILE_VALIDATION", "1"));
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "nbconvert finished");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("nbconvert.log")));
        JsonNode nb = new ObjectMapper().readTree(executed.toFile());
        int images = 0;
        for (JsonNode cell : nb.get("cells")) {
            for (JsonNode o : cell.path("outputs")) {
                assertNotEquals("error", o.path("output_type").asText(), o.toString());
                if (o.path("data").has("image/png")) images++;
            }
        }
        assertEquals(5 + 4, images, "equity+drawdown, heatmap, contribution, scatter, regime timeline; and the study views: history with "
                + "importance, slices, parallel coordinates, each year against the goal");
    }

    @Test
    void everyZeppelinSqlParagraphRunsOnSpark(SparkSession spark) throws Exception {
        JsonNode note = new ObjectMapper().readTree(Path.of("notebooks/leaderboard.zpln").toFile());
        // The views the note's %spark paragraph registers, registered the same way here.
        spark.read().parquet(out.resolve("leaderboard.parquet").toString()).where("error is null").createOrReplaceTempView("leaderboard");
        String best = spark.sql("select id from leaderboard order by fitness desc, id limit 1").first().getString(0);
        for (String[] v : new String[][]{{"equity", "equity_" + best + ".csv"}, {"monthly", "monthly_" + best + ".csv"}, {"verdicts",
                "verdicts.csv"}}) {
            spark.read().option("header", "true").option("inferSchema", "true").csv(out.resolve("report/data").resolve(v[1]).toString())
                    .createOrReplaceTempView(v[0]);
        }
        int ran = 0;
        for (JsonNode p : note.get("paragraphs")) {
            String text = p.get("text").asText();
            if (!text.startsWith("%spark.sql")) continue;
            long rows = spark.sql(text.substring("%spark.sql".length())).count();
            assertTrue(rows > 0 || p.get("title").asText().contains("validated"), p.get("title").asText() + " returned nothing");
            ran++;
        }
        assertEquals(8, ran);
    }
}
