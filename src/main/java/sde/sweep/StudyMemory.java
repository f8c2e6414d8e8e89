package sde.sweep;

import sde.io.Json;
import sde.optimize.Optimizer;
import sde.results.Feasibility;
import sde.results.LeaderboardRow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a sweep remembers of its study between generations, so that no
 * generation reads the growing Parquet leaderboard back: the optimizer's history (genome and train
 * score, by generation then id), the ids already evaluated, the best rows in full (the leaderboard
 * file's top N and the gate's PBO top), and every successful row's Sharpe ratio with its rank key
 * (the Deflated Sharpe Ratio's trials). Built once from the Parquet leaderboard when a sweep opens,
 * then kept up to date from each generation's evaluations.
 */
final class StudyMemory {
    /** Best first by SPEC §4's order (feasible by objective, then infeasible by violation), then id. */
    static final Comparator<Ranked> RANK = ((Comparator<Ranked>) (a, b) ->
            Feasibility.compare(a.fitness(), a.violation(), b.fitness(), b.violation())).thenComparing(Ranked::id);
    /** The same order over full rows: what leaderboard.json and the gate read. */
    static final Comparator<Evaluation> ROWS = ((Comparator<Evaluation>) (a, b) -> Feasibility.compare(a.fitness(), a.violation(),
            b.fitness(), b.violation())).thenComparing(Evaluation::id);

    /** A successful row's rank keys and Sharpe ratio. */
    record Ranked(String id, double fitness, double violation, double sharpe) {}

    private final int keep;
    final List<Optimizer.Evaluated> history = new ArrayList<>();
    final List<String> ids = new ArrayList<>();
    final Set<String> seen = new HashSet<>();
    private final List<Ranked> ranked = new ArrayList<>();
    private final List<Evaluation> best = new ArrayList<>();
    int nextGeneration;

    /** Keeps the best {@code keep} rows in full. */
    StudyMemory(int keep) {
        this.keep = keep;
    }

    /** Adds one generation's rows in full. */
    void add(List<Evaluation> rows) {
        add(rows, true);
    }

    /**
     * What a sweep opens with: every row so far without its params and years ({@code trials}),
     * and the best rows in full ({@code top}, as {@link LeaderboardStore#top} reads them).
     */
    void load(List<Evaluation> trials, List<Evaluation> top) {
        add(trials, false);
        best.addAll(top);
        best.sort(ROWS);
        if (best.size() > keep) best.subList(keep, best.size()).clear();
    }

    private void add(List<Evaluation> rows, boolean full) {
        List<Evaluation> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(Evaluation::generation).thenComparing(Evaluation::id));
        for (Evaluation e : sorted) {
            seen.add(e.id());   // the sweep proposes no id twice, and adds its proposals here before they run
            ids.add(e.id());
            history.add(new Optimizer.Evaluated(genome(e.genome()), e.fitness(), e.violation()));
            nextGeneration = Math.max(nextGeneration, e.generation() + 1);
            if (e.error() != null) continue;
            ranked.add(new Ranked(e.id(), e.fitness(), e.violation(), e.sharpe()));
            if (full && !Double.isNaN(e.fitness())) best.add(e);
        }
        best.sort(ROWS);
        if (best.size() > keep) best.subList(keep, best.size()).clear();
    }

    int evaluations() {
        return ids.size();
    }

    /** The top {@code n} feasible rows as leaderboard.json lists them: an infeasible row never leads (SPEC §4). */
    List<LeaderboardRow> top(int n) {
        List<LeaderboardRow> out = new ArrayList<>();
        for (Evaluation e : best) {
            if (out.size() >= n || !e.feasible()) break;
            out.add(e.toRow(out.size() + 1));
        }
        return out;
    }

    /** The params of the best {@code n} feasible rows, best first (the gate's PBO candidates). */
    List<String> topParams(int n) {
        return best.stream().filter(Evaluation::feasible).limit(n).map(Evaluation::params).toList();
    }

    /** The row closest to feasible when none is feasible yet, else null: what a study names instead of a best. */
    Evaluation leastViolating() {
        return best.isEmpty() || best.get(0).feasible() ? null : best.get(0);
    }

    /** The full row of {@code id} when it is among the best kept, else null. */
    Evaluation row(String id) {
        return best.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    }

    /** The ids of the rows kept in full: the best {@code keep}. */
    Set<String> bestIds() {
        Set<String> out = new HashSet<>();
        for (Evaluation e : best) out.add(e.id());
        return out;
    }

    /** Every successful row's Sharpe ratio, best row first. */
    double[] sharpes() {
        List<Ranked> r = new ArrayList<>(ranked);
        r.sort(RANK);
        return r.stream().mapToDouble(Ranked::sharpe).toArray();
    }

    private static double[] genome(String json) {
        try {
            return Json.MAPPER.readValue(json, double[].class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
