package sde.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import sde.io.Json;
import sde.io.Location;
import sde.results.LeaderboardRow;
import sde.results.VerdictFile;
import sde.results.YearFigures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The best row of one rung of a daemon's ladder (the study leaderboards' top rows under OUT/studies, by the fitness the
 * search ranks, SPEC §4's worst case), with what the gate found about it: where its option P&L was made and how much of
 * it real data verified (SPEC §5 coverage), and its centre's figures beside its worst case's. What the answer shows so
 * that a reader sees whether the search still climbs where the model cannot be checked.
 *
 * @param fitness        the train objective at its worst over the model band, on {@code worstSurface}
 * @param trainScore     the centre's train score
 * @param verifiedShare  the share of its gross option P&L in cells real data verified; null when the gate has not judged it
 * @param cells          its largest cells by share of gross option P&L, at most three, largest first
 * @param verdict        the gate's verdict and model flags, or null when not judged yet
 */
public record RungBest(String rung, String study, String id, double fitness, String worstSurface, double trainScore, double score,
                       Double scoreWorst, Double verifiedShare, Map<String, Double> cells, String verdict, List<YearFigures> years) {
    private static final int CELLS = 3;

    /** Each reached rung's best under the daemon folder {@code dir}, in the ladder's order; none for a sweep's folder. */
    public static List<RungBest> under(Location dir) {
        Location studies = dir.resolve("studies");
        if (!studies.isDirectory()) return List.of();
        Map<Rung, LeaderboardRow> best = new LinkedHashMap<>();
        Map<Rung, String> of = new LinkedHashMap<>();
        for (Location s : studies.children()) {
            Rung r = Rung.ofStudy(s.name());
            List<LeaderboardRow> rows = Json.readListOf(s.resolve("leaderboard.json"), LeaderboardRow.class);
            if (r == null || rows == null || rows.isEmpty()) continue;
            LeaderboardRow top = rows.get(0);
            LeaderboardRow held = best.get(r);
            if (held == null || top.fitness() > held.fitness() || top.fitness() == held.fitness() && top.id().compareTo(held.id()) < 0) {
                best.put(r, top);
                of.put(r, s.name());
            }
        }
        List<RungBest> out = new ArrayList<>();
        for (Rung r : Rung.values()) {
            LeaderboardRow row = best.get(r);
            if (row == null) continue;
            String study = of.get(r);
            VerdictFile v = VerdictFile.read(studies.resolve(study).resolve("validations").resolve(row.id() + ".json"));
            JsonNode stats = v == null ? null : v.statistics();
            Double verified = stats != null && stats.has("unverified_share") ? 1 - stats.get("unverified_share").asDouble() : null;
            Map<String, Double> cells = new LinkedHashMap<>();
            if (stats != null && stats.has("option_pnl_by_cell")) {
                List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
                stats.get("option_pnl_by_cell").fields().forEachRemaining(all::add);
                all.sort(Comparator.comparingDouble((Map.Entry<String, JsonNode> e) -> -e.getValue().asDouble())
                        .thenComparing(Map.Entry::getKey));
                for (Map.Entry<String, JsonNode> e : all.subList(0, Math.min(CELLS, all.size()))) {
                    cells.put(e.getKey(), e.getValue().asDouble());
                }
            }
            String verdict = v == null ? null : v.verdict() + (v.flags().isEmpty() ? "" : " " + v.flags());
            out.add(new RungBest(r.label, study, row.id(), row.fitness(), row.worstSurface(), row.trainScore(), row.score(),
                    row.scoreWorst(), verified, cells, verdict, row.years()));
        }
        return out;
    }
}
