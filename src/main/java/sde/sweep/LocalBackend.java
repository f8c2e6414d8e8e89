package sde.sweep;

import sde.backtest.Engine;
import sde.io.Location;
import sde.results.AnswerTally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seam without Spark: trials evaluated on this JVM's common pool, one {@link TrialRunner} per slice, and
 * each study's rows kept in memory for the life of the backend. What a test drives a whole study with, and the plain
 * thread pool a benchmark measures Spark against.
 */
public final class LocalBackend implements SweepBackend {
    private final Engine engine;
    private final Map<Location, List<Evaluation>> stores = new HashMap<>();

    public LocalBackend(Engine engine) {
        this.engine = engine;
    }

    @Override
    public TrialEvaluator evaluator(Scoring scoring, int partitions) {
        return trials -> {
            // One slice a core (the common pool has one thread fewer: the caller's thread runs a slice too).
            int cores = Runtime.getRuntime().availableProcessors();
            int slices = Math.max(1, Math.min(trials.size(), partitions > 0 ? partitions : cores));
            List<List<Trial>> parts = new ArrayList<>();
            for (int s = 0; s < slices; s++) {
                parts.add(trials.subList((int) ((long) s * trials.size() / slices), (int) ((long) (s + 1) * trials.size() / slices)));
            }
            List<Evaluation> rows = new ArrayList<>(parts.parallelStream().flatMap(part -> {
                TrialRunner ev = new TrialRunner(engine, scoring);
                return part.stream().map(ev::evaluate).toList().stream();
            }).toList());
            rows.sort(Comparator.comparing(Evaluation::id));
            return rows;
        };
    }

    @Override
    public synchronized TrialStore store(Location out, String study) {
        Location at = out.resolve("leaderboard.parquet");
        List<Evaluation> rows = stores.computeIfAbsent(at, k -> new ArrayList<>());
        return new TrialStore() {
            @Override
            public Location location() { return at; }

            @Override
            public void append(List<Evaluation> more) {
                synchronized (rows) { rows.addAll(more); }
            }

            @Override
            public List<Evaluation> trials() {
                synchronized (rows) { return rows.stream().filter(e -> study.equals(e.study())).toList(); }
            }

            @Override
            public AnswerTally caughtUp(AnswerTally held, Set<String> judged) {
                AnswerTally t = held == null ? new AnswerTally(study) : held;
                Set<Integer> had = Set.copyOf(t.generations());
                synchronized (rows) {
                    for (Evaluation e : rows) {
                        if (!study.equals(e.study()) || had.contains(e.generation())) continue;
                        t.add(e.generation(), e.optimizer(), e.id(), e.feasible(), e.error(), e.figures().years());
                        if (judged.contains(e.id()) && e.error() == null) t.keep(e.id(), e.figures().years(), e.params());
                    }
                }
                return t;
            }

            @Override
            public List<Evaluation> top(int n) {
                synchronized (rows) {
                    return rows.stream().filter(e -> study.equals(e.study()) && e.error() == null && !Double.isNaN(e.fitness()))
                            .sorted(Comparator.comparingDouble(Evaluation::violation)
                                    .thenComparing(Comparator.comparingDouble((Evaluation e) -> e.violation() > 0 ? 0 : e.fitness())
                                            .reversed())
                                    .thenComparing(Evaluation::id))
                            .limit(n).toList();
                }
            }
        };
    }

    @Override
    public synchronized double[] sharpes(Location leaderboard) {
        List<Evaluation> rows = stores.getOrDefault(leaderboard, List.of());
        synchronized (rows) { return rows.stream().filter(e -> e.error() == null).mapToDouble(Evaluation::sharpe).toArray(); }
    }
}
