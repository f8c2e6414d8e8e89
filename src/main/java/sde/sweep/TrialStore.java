package sde.sweep;

import sde.io.Location;
import sde.results.AnswerTally;

import java.util.List;
import java.util.Set;

/**
 * A study's leaderboard as the sweep writes and reopens it: each generation's rows appended, never rewritten. The
 * folder is the truth a resume rebuilds from; it is read when a study opens ({@link StudyMemory} keeps what the search
 * needs after that), never once per generation.
 */
public interface TrialStore {
    /** Where the rows are. */
    Location location();

    /** Appends one generation's rows, whole or not at all. */
    void append(List<Evaluation> rows);

    /** Every row of the study so far without params and years (what the optimizer and the trial count need). */
    List<Evaluation> trials();

    /**
     * The best {@code n} rows in full by SPEC §4's order (feasible by objective, then infeasible by violation; ties by
     * id); failed and NaN rows left out.
     */
    List<Evaluation> top(int n);

    /**
     * {@code held} (a new one when null) with every generation of the study on disk that it does not hold added, and the
     * years of those generations' rows whose ids are in {@code judged} kept: the study's answer tally caught up with its rows.
     */
    AnswerTally caughtUp(AnswerTally held, Set<String> judged);
}
