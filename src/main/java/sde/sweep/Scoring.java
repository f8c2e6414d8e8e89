package sde.sweep;

import sde.backtest.BacktestSettings;
import sde.backtest.SpecReader;
import sde.results.Feasibility;

import java.io.Serializable;
import java.util.List;

/**
 * How a trial is scored (SPEC §4): the study's search space that decodes a genome (null where only given runs are
 * scored), the reader that resolves params text (with the settings it runs with), the train years its fitness and
 * violation are read over, the test years recorded beside them, and the feasibility lines.
 */
public record Scoring(SearchSpace space, SpecReader specs, List<Integer> trainYears, List<Integer> testYears, Feasibility feasibility)
        implements Serializable {
    public Scoring {
        trainYears = List.copyOf(trainYears);
        testYears = List.copyOf(testYears);
    }

    /** A study's scoring: its search space, its own years and feasibility lines. */
    public static Scoring of(Study study, SearchSpace space, SpecReader specs) {
        return new Scoring(space, specs, study.trainYears(), study.testYears(), study.feasibility());
    }

    public BacktestSettings backtest() {
        return specs.backtest();
    }
}
