package sde.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

import sde.io.Json;
import sde.results.Feasibility;
import sde.results.LeaderboardRow;
import sde.results.YearFigures;

/**
 * One leaderboard row (SPEC §6): the trial it evaluated (study, generation, optimizer, id, params
 * text, genome), the data and code it ran on, the run's {@link Figures}, the error when it failed
 * and its wall time. {@code fitness} is the study's objective over the train years and
 * {@code violation} its SPEC §4 constraint violation there: the only numbers selection reads (Deb's
 * order, {@link Feasibility}); test-year figures are kept beside them. The Parquet
 * leaderboard's columns are these components, figures flattened, by name (see sde.spark's
 * ParquetRows).
 */
public record Evaluation(String study, int generation, String optimizer, String id, String params, String genome,
                         String dataFingerprint, String codeVersion, Figures figures, String error, double wallMs)
        implements Serializable {

    public Evaluation {
        if (figures == null) throw new IllegalArgumentException(id + ": an evaluation needs its figures (Figures.FAILED for none)");
    }

    /**
     * What a run measured. {@code fitness} is the study's objective over the train years (the score,
     * or with {@code objective: worst_year} the smallest yearly score) at its worst over the model's
     * centre and its band's two edges (SPEC §4), {@code worstSurface} the one it came from
     * ({@code centre}, {@code low} or {@code high}); {@code violation} and {@code feasible} are that
     * surface's, and so is {@code scoreWorst} (the whole run's score there). Every other figure is the
     * centre's: it is not always {@code trainScore}. {@code feasible} is always {@code violation == 0};
     * both are recorded, as SPEC §7 asks. {@code years} is the yearly figures' JSON, {@code tier}
     * SPEC §4's tier.
     */
    public record Figures(double fitness, double violation, boolean feasible, double trainScore, double trainCagrPct,
                          double trainMaxDdPct, double testScore, double testCagrPct, double testMaxDdPct, double score, double cagrPct,
                          double maxDdPct, double sharpe, int trades, int capacityBoundTrades, String tier, String years,
                          double scoreWorst, String worstSurface)
            implements Serializable {
        /** A failed run's: no fitness (NaN), every other figure zero or absent. */
        public static final Figures FAILED = new Figures(Double.NaN, 0, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, Double.NaN,
                null);

        /** The figures a study's memory ranks and breeds by (its trials as read back), the rest zero or absent. */
        public static Figures ranking(double fitness, double violation, double sharpe) {
            return new Figures(fitness, violation, Feasibility.feasible(violation), 0, 0, 0, 0, 0, 0, 0, 0, 0, sharpe, 0, 0, null, null,
                    Double.NaN, null);
        }
    }

    /**
     * This row as the retention rule keeps a row no reader reads in full (docs/daemon.md): its yearly figures dropped (null)
     * and its run-level returns, drawdowns and scores too (NaN: not kept, not zero); what the optimizers, de-duplication,
     * the Deflated Sharpe Ratio and the answer's count read (id, params, genome, fitness, violation, feasibility, Sharpe,
     * trades, tier, worst surface, wall time) kept.
     */
    public Evaluation slim() {
        Figures f = figures;
        if (f.years() == null) return this;
        double x = Double.NaN;
        return new Evaluation(study, generation, optimizer, id, params, genome, dataFingerprint, codeVersion, new Figures(f.fitness(),
                f.violation(), f.feasible(), x, x, x, x, x, x, x, x, x, f.sharpe(), f.trades(), f.capacityBoundTrades(), f.tier(), null, x,
                f.worstSurface()), error, wallMs);
    }

    public double fitness() { return figures.fitness(); }
    public double violation() { return figures.violation(); }
    public boolean feasible() { return figures.feasible(); }
    public double sharpe() { return figures.sharpe(); }
    public double score() { return figures.score(); }
    public double trainMaxDdPct() { return figures.trainMaxDdPct(); }

    /** This row as leaderboard.json lists it, at {@code rank} (SPEC §7). */
    public LeaderboardRow toRow(int rank) {
        Figures f = figures;
        try {
            List<YearFigures> y = Json.MAPPER.readValue(f.years(),
                    Json.MAPPER.getTypeFactory().constructCollectionType(List.class, YearFigures.class));
            return new LeaderboardRow(rank, id, f.fitness(), f.feasible(), f.violation(), f.score(), f.trainScore(), f.testScore(),
                    f.trainCagrPct(), f.trainMaxDdPct(), f.testCagrPct(), f.testMaxDdPct(), f.cagrPct(), f.maxDdPct(), f.sharpe(),
                    f.trades(), f.capacityBoundTrades(), f.tier(), generation, optimizer, y, Json.MAPPER.readTree(params), dataFingerprint,
                    codeVersion, null, Double.isNaN(f.scoreWorst()) ? null : f.scoreWorst(), f.worstSurface());
        } catch (IOException e) {
            throw new UncheckedIOException(id + ": unreadable years or params JSON", e);
        }
    }
}
