package sde.daemon;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sde.backtest.Engines;
import sde.io.Location;
import sde.results.AnswerTally;
import sde.spark.SparkSessionExtension;
import sde.sweep.Study;
import sde.sweep.SweepContext;
import sde.sweep.SweepJob;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A sweep folder written by the jar of the version before answer tallies and the retention rule (src/test/resources/
 * old-output: `sweep --study study.yaml` on the real data, two generations of 12, every row with its years) resumes
 * with today's: its rows are folded into a tally when the study opens, the new generation is appended beside them, and
 * the answer from the tally is the answer from every row.
 */
@ExtendWith(SparkSessionExtension.class)
class OldFolderResumeTest {
    @Test
    void aFolderWrittenBeforeTalliesResumesAndAnswers(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        copy(Path.of("src/test/resources/old-output"), out);
        assertFalse(Files.exists(out.resolve("tallies")), "written before tallies");
        Path studyFile = tmp.resolve("study.yaml");
        Files.writeString(studyFile, Files.readString(out.resolve("study.yaml")).replace("generations: 2", "generations: 3"));

        // The fixture's rows were priced on the data of their day; what is tested here is its layout, so the state is told
        // today's data fingerprint (a changed fingerprint refuses a resume, as it should, and the shared data does change).
        SweepContext ctx = Engines.context(spark);
        Path state = out.resolve("optimization_state.json");
        Files.writeString(state, Files.readString(state).replaceAll("\"data_fingerprint\" : \"[0-9a-f]+\"",
                "\"data_fingerprint\" : \"" + ctx.md().fingerprint() + "\""));
        SweepJob.StudyResult r = new SweepJob(ctx, Study.load(studyFile), Location.of(out),
                new PrintStream(new ByteArrayOutputStream())).run(true);
        assertEquals(36, r.evaluations(), "two generations on record, one more now");

        Dataset<Row> rows = spark.read().parquet(out.resolve("leaderboard.parquet").toString());
        assertEquals(36, rows.count());
        assertEquals(36, rows.select("id").distinct().count(), "no id evaluated twice");
        assertEquals(24, rows.where(col("generation").lt(2)).where(col("years").isNotNull()).count(), "the old rows as they were");
        AnswerTally t = AnswerTally.read(AnswerTally.file(Location.of(out), "old_output"));
        assertNotNull(t, "the study's tally, its old generations folded in when it opened");
        assertEquals(36, t.rows());
        assertEquals(3, t.generations().size());
        AnswerTest.both(spark, Location.of(out), 2020, 2025);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
