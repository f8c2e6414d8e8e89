package sde.report;

import sde.io.Json;
import sde.io.Location;
import sde.results.LeaderboardRow;
import sde.results.StudyState;
import sde.results.VerdictFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a report reads from an output folder: the leaderboard rows and the gate's verdicts, typed. */
final class ReportSources {
    private ReportSources() {}

    /** The leaderboard rows of OUT (a sweep's leaderboard.json, or a daemon's over all studies), best first. */
    static List<LeaderboardRow> rows(Location out, String study) {
        List<LeaderboardRow> rows = new ArrayList<>(Json.readListOf(out.resolve("leaderboard.json"), LeaderboardRow.class));
        if (study == null) return rows;
        Location own = out.resolve("studies").resolve(study).resolve("leaderboard.json");
        if (own.isFile()) return Json.readListOf(own, LeaderboardRow.class);
        if (rows.stream().anyMatch(r -> r.study() != null)) {
            rows.removeIf(r -> !study.equals(r.study()));
        } else {
            StudyState state = Json.readAs(out.resolve("optimization_state.json"), StudyState.class);
            if (state != null && !study.equals(state.study())) rows.clear();
        }
        return rows;
    }

    /**
     * The least violating rows of the study reported (a daemon's study under OUT/studies/NAME, else the sweep's folder and
     * the study its state names), ranked from 1; none when the folder names no study.
     */
    static List<LeaderboardRow> leastViolating(Location out, String study, int n, Report.LeastViolating source) {
        Location dir = study != null && out.resolve("studies").resolve(study).isDirectory() ? out.resolve("studies").resolve(study) : out;
        String name = study;
        if (name == null) {
            StudyState state = Json.readAs(out.resolve("optimization_state.json"), StudyState.class);
            name = state == null ? null : state.study();
        }
        return name == null ? List.of() : source.rows(dir, name, n);
    }

    /** Every verdict under OUT/validations and OUT/studies/NAME/validations, by id (the untouched year's .final.json files aside). */
    static Map<String, VerdictFile> verdicts(Location out) {
        Map<String, VerdictFile> v = new LinkedHashMap<>();
        List<Location> dirs = new ArrayList<>(List.of(out.resolve("validations")));
        for (Location d : out.resolve("studies").children()) dirs.add(d.resolve("validations"));
        for (Location d : dirs) {
            for (Location f : d.children()) {
                if (!f.name().endsWith(".json") || f.name().endsWith(".final.json")) continue;
                VerdictFile m = VerdictFile.read(f);
                if (m != null && m.id() != null && m.verdict() != null) v.put(m.id(), m);
            }
        }
        return v;
    }
}
