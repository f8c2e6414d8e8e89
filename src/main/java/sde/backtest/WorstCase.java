package sde.backtest;

import sde.metrics.Summary;
import sde.pricing.Model;
import sde.results.Objective;

import java.util.Locale;

/**
 * SPEC §4: a run at its worst over the model's centre and its band's two edges (every cell at its band's low edge,
 * then every cell at its high edge): the surface whose train years give the lowest objective, with that surface's run
 * and train summary, so that every worst-case figure comes from one surface and none is mixed across them. Ties keep
 * the centre, then low before high. It is not the true worst of a book long one cell and short another, which mixes
 * edges; it is the practical criterion the gate's MODEL_FRAGILE already uses.
 */
public record WorstCase(Model surface, RunResult run, Summary train, boolean edgesRun) {
    private static final Model[] EDGES = {Model.LOW, Model.HIGH};
    /** The surface name of a row whose edges were not run: its fitness is the centre's, an upper bound of its worst. */
    public static final String SKIPPED = "skipped";

    /** {@code centre} (already run, with its train summary) against the same spec on {@code engine}'s two edges. */
    public static WorstCase of(Engine engine, RunSpec spec, RunResult centre, Summary centreTrain, int firstTrain, int lastTrain,
                               Objective objective) {
        return of(engine, spec, centre, centreTrain, firstTrain, lastTrain, objective, Double.NaN);
    }

    /**
     * As {@link #of(Engine, RunSpec, RunResult, Summary, int, int, Objective)}, but the edges are not run when the centre's
     * objective is below {@code bar} (NaN: never): the worst is at most the centre, so it is below the bar too, and the
     * centre stands as the worst case's upper bound ({@link #edgesRun} false, the centre's figures).
     */
    public static WorstCase of(Engine engine, RunSpec spec, RunResult centre, Summary centreTrain, int firstTrain, int lastTrain,
                               Objective objective, double bar) {
        if (centreTrain.objective(objective) < bar) return new WorstCase(Model.BASE, centre, centreTrain, false);
        WorstCase worst = new WorstCase(Model.BASE, centre, centreTrain, true);
        for (Model m : EDGES) {
            RunResult r = engine.on(m).run(spec);
            Summary t = RunOutputs.summarizeWindow(r, firstTrain, lastTrain);
            if (t.objective(objective) < worst.train().objective(objective)) worst = new WorstCase(m, r, t, true);
        }
        return worst;
    }

    /** How rows name the surface: {@code centre}, {@code low} or {@code high}; {@code skipped} when the edges were not run. */
    public String surfaceName() {
        if (!edgesRun) return SKIPPED;
        return surface == Model.BASE ? "centre" : surface.name().toLowerCase(Locale.ROOT);
    }

}
