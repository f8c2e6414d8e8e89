package sde.report;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sde.backtest.Engines;
import sde.data.Fixtures;
import sde.io.Location;
import sde.results.LeaderboardRow;
import sde.spark.SparkBackend;
import sde.spark.SparkSessionExtension;
import sde.sweep.Evaluation;
import sde.sweep.Study;
import sde.sweep.SweepJob;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A small sweep whose every row misses SPEC §4's lines still gets a report: the study, and its least violating rows
 * under a line that says none is feasible, rather than an error that there are no leaderboard rows.
 */
@ExtendWith(SparkSessionExtension.class)
class NoFeasibleReportTest {
    @Test
    void aStudyWithNoFeasibleRowIsReportedOnItsLeastViolatingRows(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("study.yaml");
        Fixtures.write(f, """
                study: strict
                seed: 5
                optimizer: random
                optimizer_settings: {elites: 1, tournament: 2, crossover: 0.9, mutation_rate: 0.3, mutation_sigma: 0.2,
                                     tpe_gamma: 0.25, tpe_candidates: 16, tpe_startup: 4}
                population: 4
                generations: 1
                # No credit spread trades 400 times a year: every row is infeasible.
                min_trades_per_year: 400
                train_years: [2020, 2022]
                test_years: [2023, 2025]
                top_n: 10
                strategies:
                  - name: credit_spread
                    fixed: {symbol: SPY}
                    search: [short_delta, dte]
                """);
        Path out = tmp.resolve("out");
        SweepJob.StudyResult r = new SweepJob(Engines.context(spark), Study.load(f), Location.of(out),
                new PrintStream(new ByteArrayOutputStream())).run(false);
        assertNull(r.best(), "no feasible row leads");

        Report report = new Report(Engines.real(), Engines.CONF.regime(), Engines.engine(), node -> Engines.CONF.specs().read(node, "x"));
        Report.Request q = new Report.Request(Location.of(out), null, null, 10, 100, 20, 1);
        assertThrows(IllegalArgumentException.class, () -> report.write(q), "without a source of rows it still says there are none");
        report.withLeastViolating((dir, study, n) -> {
            List<LeaderboardRow> rows = new ArrayList<>();
            for (Evaluation e : new SparkBackend(spark, null).store(dir, study).top(n)) rows.add(e.toRow(rows.size() + 1));
            return rows;
        });
        String html = Files.readString(report.write(q).local().orElseThrow());
        assertTrue(html.contains("id=\"none-feasible\""), "the page says no row is feasible");
        Evaluation least = new SparkBackend(spark, null).store(Location.of(out), "strict").top(1).get(0);
        assertFalse(least.feasible());
        assertTrue(html.contains("<b>" + least.id() + "</b>"), "the least violating row is the one charted");
        assertTrue(html.contains("no ("), "its violation is in the leaderboard's feasible column");
    }
}
