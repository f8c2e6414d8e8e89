package sde.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import sde.io.Json;
import sde.io.Location;
import sde.results.Journal;
import sde.results.LeaderboardRow;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The daemon's files in OUT: its state (optimization_state.json, migrating an older
 * daemon_state.json), its journal of decisions (optimization_log.jsonl, published as
 * optimization_log.json at each report and stop), the leaderboard over every study, progress.md and the
 * ceiling report. Every file is written whole (temp file, atomic move) or appended.
 */
final class DaemonStore {
    /** SPEC §7: the daemon's recovery state, as the seed names it. */
    static final String STATE = "optimization_state.json", OLD_STATE = "daemon_state.json";
    static final int LEADERBOARD_ROWS = 50;

    private final Location out;
    private final LongSupplier clockMillis;
    private Journal journal;

    DaemonStore(Location out, LongSupplier clockMillis) {
        this.out = out;
        this.clockMillis = clockMillis;
    }

    Daemon.Saved load() {
        Location p = out.resolve(STATE);
        // A folder of an older version keeps its state as daemon_state.json: read it, and the next
        // save writes optimization_state.json and removes the old file.
        if (!p.isFile()) p = out.resolve(OLD_STATE);
        String text = p.read().orElse(null);
        if (text == null) return null;
        try {
            return Json.MAPPER.readValue(text, Daemon.Saved.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(p + ": unreadable daemon state (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    void save(Daemon.Saved state) {
        Json.write(out.resolve(STATE), state);
        out.resolve(OLD_STATE).delete();   // migrated: the new file is whole on disk first
    }

    /**
     * optimization_log.json from the journal and the daemon's leaderboard.json over every study's: at
     * each report and stop, not each generation. The log grows (the journal is appended), and the
     * leaderboard reads every study's file: about 50 ms with 24 studies, on the loop's thread while
     * the executors waited, a few percent of every generation. Each study's own
     * leaderboard.json stays current.
     */
    void publish() {
        if (journal != null) journal.publish();
        writeLeaderboard();
    }

    /** What the daemon's journal records: {@link #toString} is the {@code event} field's value. */
    enum Event {
        START, REOPENED, DECISION, OUTCOME, SETTLED, STOP, RECONCILED, ANSWER_FAILED, TELEGRAM_FAILED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Every decision goes to the append-only journal at once; optimization_log.json follows at each {@link #publish}. The
     * fields are a JSON line's (the map is that line's edge).
     */
    void log(Event event, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", Instant.ofEpochMilli(clockMillis.getAsLong()).toString());
        m.put("event", event.toString());
        m.putAll(fields);
        if (journal == null) journal = Journal.in(out);
        journal.append(m);
    }

    /**
     * Each study's best-so-far curve as its "outcome" lines recorded it: evaluations so far (the sum of
     * each line's "evaluated") and the best train score. The state file keeps the curves now; this
     * reads back those of a state written before it did, so that no earlier point is lost.
     */
    Map<String, List<double[]>> curvesInJournal() {
        if (journal == null) journal = Journal.in(out);
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        Map<String, Double> evaluations = new LinkedHashMap<>();
        for (JsonNode e : journal.entries()) {
            if (!Event.OUTCOME.toString().equals(e.path("event").asText())) continue;
            String study = e.path("study").asText();
            double n = evaluations.merge(study, e.path("evaluated").asDouble(), Double::sum);
            JsonNode f = e.path("best_fitness");
            if (f.isNumber() && Double.isFinite(f.asDouble())) points.computeIfAbsent(study, k -> new ArrayList<>()).add(new double[]{n,
                    f.asDouble()});
        }
        return points;
    }

    /** Adds one report to progress.md, newest last. */
    void progress(String text) {
        Location md = out.resolve("progress.md");
        String before = md.read()
                .orElse("# Daemon progress\n\nNewest last. Written every daemon.report_every_runs evaluated runs or "
                        + "daemon.report_every_minutes minutes, and at each stop.\n");
        md.write(before + "\n## " + text.lines().findFirst().orElse("") + "\n\n" + text.lines().skip(1).reduce("", (a, b) -> a + b + "\n"));
    }

    void ceiling(CeilingReport.Written c) {
        out.resolve("ceiling.md").write(c.markdown());
        Json.write(out.resolve("ceiling.json"), c.json());
    }

    /** The top feasible rows over every study, by train objective (a study's leaderboard.json lists feasible rows only). */
    private void writeLeaderboard() {
        List<LeaderboardRow> all = new ArrayList<>();
        for (Location d : out.resolve("studies").children()) {
            for (LeaderboardRow row : Json.readListOf(d.resolve("leaderboard.json"), LeaderboardRow.class)) {
                if (row.feasible()) all.add(row.inStudy(d.name()));
            }
        }
        all.sort((a, b) -> Double.compare(num(b.fitness()), num(a.fitness())));
        Json.write(out.resolve("leaderboard.json"), all.subList(0, Math.min(LEADERBOARD_ROWS, all.size())));
    }

    private static double num(double v) { return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v; }
}
