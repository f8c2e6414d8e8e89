package sde.sweep;

import sde.backtest.BacktestSettings;
import sde.backtest.SpecReader;
import sde.results.Feasibility;

import java.io.Serializable;
import java.util.List;

/**
 * How a trial is scored (SPEC §4): the reader that resolves its params (with the settings it runs with), the train
 * years its fitness and violation are read over, the test years recorded beside them, and the feasibility lines.
 */
public record Scoring(SpecReader specs, List<Integer> trainYears, List<Integer> testYears,
        Feasibility feasibility) implements Serializable {
    public Scoring {
        trainYears = List.copyOf(trainYears);
        testYears = List.copyOf(testYears);
    }

    /** A study's scoring: its own years and feasibility lines. */
    public static Scoring of(Study study, SpecReader specs) {
        return new Scoring(specs, study.trainYears(), study.testYears(), study.feasibility());
    }

    public BacktestSettings backtest() {
        return specs.backtest();
    }
}
