package sde.sweep;

import sde.backtest.BacktestSettings;
import sde.results.Feasibility;

import java.io.Serializable;
import java.util.List;

/**
 * How a trial is scored (SPEC §4): the settings it runs with, the train years its fitness and violation are read over,
 * the test years recorded beside them, and the feasibility lines.
 */
public record Scoring(BacktestSettings backtest, List<Integer> trainYears, List<Integer> testYears, Feasibility feasibility)
        implements Serializable {
    public Scoring {
        trainYears = List.copyOf(trainYears);
        testYears = List.copyOf(testYears);
    }

    /** A study's scoring: its own years and feasibility lines, over {@code backtest}. */
    public static Scoring of(Study study, BacktestSettings backtest) {
        return new Scoring(backtest, study.trainYears(), study.testYears(), study.feasibility());
    }
}
