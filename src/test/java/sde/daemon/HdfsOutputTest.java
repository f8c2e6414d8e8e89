package sde.daemon;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sde.backtest.Engines;
import sde.backtest.RunSpec;
import sde.data.Fixtures;
import sde.io.HadoopPaths;
import sde.io.Json;
import sde.io.Location;
import sde.report.Report;
import sde.results.LeaderboardRow;
import sde.spark.SparkSessionExtension;
import sde.sweep.Study;
import sde.sweep.SweepJob;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Results on a distributed filesystem, against an in-JVM HDFS: the executors
 * write the Parquet leaderboard there through Spark, the driver its JSON and state through Hadoop's
 * FileSystem, and a sweep, its resume, the daemon and the report all run on an {@code hdfs://} URI
 * with the same files, byte for byte, as on a local disk.
 */
@ExtendWith(SparkSessionExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HdfsOutputTest {
    @TempDir static Path tmp;
    MiniDFSCluster hdfs;
    String root;

    @BeforeAll
    void startHdfs() throws Exception {
        // The driver's Hadoop settings come from spark.hadoop.* (as under spark-submit --conf): one
        // datanode holds one replica, so appends to the journal need no pipeline of three.
        System.setProperty("spark.hadoop.dfs.replication", "1");
        Configuration c = new Configuration();
        c.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
        hdfs = new MiniDFSCluster.Builder(c).numDataNodes(1).build();
        hdfs.waitActive();
        root = hdfs.getURI().toString();
    }

    @AfterAll
    void stopHdfs() {
        System.clearProperty("spark.hadoop.dfs.replication");
        if (hdfs != null) hdfs.shutdown();
    }

    private Path study(int generations) {
        Path f = tmp.resolve("study-" + generations + ".yaml");
        Fixtures.write(f, """
                study: hdfs
                seed: 11
                optimizer: ga
                optimizer_settings: {elites: 1, tournament: 2, crossover: 0.9, mutation_rate: 0.3, mutation_sigma: 0.2,
                                     tpe_gamma: 0.25, tpe_candidates: 16, tpe_startup: 4}
                population: 4
                generations: %d
                # Every row feasible (SPEC §4 limits opened): this test is about the sweep's mechanics, not the seed's lines.
                max_drawdown: 100
                min_trades_per_year: 0
                train_years: [2020, 2022]
                test_years: [2023, 2025]
                top_n: 10
                strategies:
                  - name: credit_spread
                    fixed: {symbol: SPY, entry_every: 5}
                    search: [short_delta, dte]
                """.formatted(generations));
        return f;
    }

    private static SweepJob.StudyResult sweep(SparkSession spark, Path studyFile, Location out, boolean resume) {
        return new SweepJob(Engines.context(spark), Study.load(studyFile), out,
                new PrintStream(new ByteArrayOutputStream())).withGate(Engines.gate(spark)).run(resume);
    }

    private List<String> files(String under) throws Exception {
        FileSystem fs = hdfs.getFileSystem();
        List<String> out = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(new org.apache.hadoop.fs.Path(under), true);
        while (it.hasNext()) out.add(it.next().getPath().toUri().getPath());
        return out;
    }

    @Test
    void aSweepAndItsResumeOnHdfsWriteWhatTheyWriteOnALocalDisk(SparkSession spark) throws Exception {
        // Glob characters in the name, as a master URL gives them: taken literally there too.
        Location remote = Location.of(root + "/sde/local[1]");
        Location local = Location.of(tmp.resolve("local"));
        for (Location out : List.of(remote, local)) {
            sweep(spark, study(2), out, false);
            sweep(spark, study(3), out, true);   // one more generation, resumed from the Parquet leaderboard
        }
        for (String f : List.of("leaderboard.json", "optimization_state.json", "optimization_log.json")) {
            assertEquals(local.resolve(f).read().orElseThrow(), remote.resolve(f).read().orElseThrow(), f + " on hdfs:// as on disk");
        }
        List<Location> verdicts = remote.resolve("validations").children();
        assertFalse(verdicts.isEmpty(), "the gate's verdicts are on HDFS");
        assertEquals(local.resolve("validations").children().stream().map(Location::name).toList(),
                verdicts.stream().map(Location::name).toList());
        List<String> stored = files("/sde");
        assertTrue(stored.stream().anyMatch(p -> p.contains("leaderboard.parquet/study=hdfs/generation=2/") && p.endsWith(".parquet")),
                "the executors wrote generation 3's Parquet part on HDFS: " + stored);
        assertTrue(stored.stream().noneMatch(p -> p.endsWith(".tmp")), "every temp file was renamed over its target: " + stored);
        assertEquals(12, spark.read().parquet(HadoopPaths.literal(remote.resolve("leaderboard.parquet").uri())).count(),
                "three generations of four, none repeated by the resume");

        Report report = new Report(Engines.real(), Engines.CONF.regime(), Engines.engine(),
                node -> Engines.CONF.specs().read(node, "leaderboard"));
        Location index = report.write(new Report.Request(remote, "hdfs", null, 3, 100, 20, 2024));
        assertEquals(root + "/sde/local[1]/report/index.html", index.uri());
        String best = Json.readListOf(remote.resolve("leaderboard.json"), LeaderboardRow.class).get(0).id();
        assertTrue(index.read().orElseThrow().contains(best), "the report on HDFS charts the best row");
        assertTrue(remote.resolve("report/data/equity_" + best + ".csv").isFile());
    }

    @Test
    void theDaemonKeepsItsStateAndLockOnHdfs(SparkSession spark) throws Exception {
        Location out = Location.of(root + "/daemon");
        DaemonSettings s = new DaemonSettings(List.of("credit_spread"), "tpe", 4, 3, 0.001, 12, 2, 5, 100, 0, 0, 1, List.of(2020, 2022),
                List.of(2023, 2025), "http://127.0.0.1:1", 2, 0, 2, 1.0, null, 3, 0.25, 24);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        for (int session = 1; session <= 2; session++) {
            try (DaemonLock lock = DaemonLock.acquire(out)) {
                IllegalArgumentException busy = assertThrows(IllegalArgumentException.class, () -> DaemonLock.acquire(out));
                assertTrue(busy.getMessage().contains("another daemon"), busy.getMessage());
                StudyRunner runner = new StudyRunner(Engines.context(spark), Engines.CONF.validate(), Engines.CONF.coverage(), out, quiet);
                Daemon.SessionEnd o = new Daemon(s, runner, null, out, quiet, null, System::currentTimeMillis).run(new Daemon.Budget(4, 0),
                        () -> false);
                assertEquals(4 * session, o.runsTotal(), "session " + session + " continues from the state on HDFS");
            }
        }
        Daemon.Saved state = Json.readAs(out.resolve("optimization_state.json"), Daemon.Saved.class);
        assertEquals(8, state.runsTotal());
        assertTrue(out.resolve("studies").children().get(0).resolve("leaderboard.parquet").hasParquet());
        assertFalse(out.resolve("daemon.lock").isFile(), "released on close");
        assertTrue(out.resolve("progress.md").read().orElseThrow().contains("runs in total"));

        // A lock left by a daemon of this host that was killed (its pid is gone) is taken over.
        String host = InetAddress.getLocalHost().getHostName();
        assertTrue(out.resolve("daemon.lock").createNew(host + " " + Integer.MAX_VALUE));
        DaemonLock.acquire(out).close();
        // One held from another host is not.
        assertTrue(out.resolve("daemon.lock").createNew("elsewhere 1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DaemonLock.acquire(out));
        assertTrue(e.getMessage().contains("elsewhere 1"), e.getMessage());
    }

    @Test
    void aLocalPathAndAFileUriAreTheLocalDisk() {
        assertEquals(tmp.resolve("x").toString(), Location.of(tmp.resolve("x").toUri().toString()).uri());
        assertTrue(Location.of("out/local[2]").local().isPresent());
        assertTrue(Location.of(root + "/x").local().isEmpty());
        assertTrue(Files.isDirectory(tmp));
    }
}
