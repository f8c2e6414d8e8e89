package sde.sweep;

import sde.backtest.BacktestSettings;
import sde.backtest.RunSpec;
import sde.results.Flag;
import sde.results.Verdict;

import java.util.List;

/**
 * What a sweep asks when a generation's fitness leader changes: is it believable (SPEC §5)? The
 * gate is passed in, so the sweep knows what a verdict means but not how it is reached;
 * {@code sde.daemon.SearchGate} is the gate the commands pass.
 */
@FunctionalInterface
public interface LeaderGate {
    Judgement judge(Leader leader);

    /** How many of the study's best parameter sets {@link Leader#rankedParams} must hold (the gate's PBO top). */
    default int topNeeded() {
        return 50;
    }

    /**
     * The study's new leader and what judging it needs: its run; the Sharpe ratios of every trial so
     * far (the Deflated Sharpe Ratio deflates by all of them); the study's parameter sets ranked by
     * train score, best first, as the leaderboard stores them (the gate takes its PBO top from them);
     * the study's years; the settings it ran with.
     */
    record Leader(String id, RunSpec spec, double[] trialSharpes, List<String> rankedParams, List<Integer> trainYears,
                  List<Integer> testYears, BacktestSettings backtest) {}

    /** The verdict with its flags (MODEL_FRAGILE, MODEL_UNVERIFIED, …), and the document the sweep writes as validations/ID.json. */
    record Judgement(Verdict verdict, boolean rejected, double overfitScore, List<Flag> flags, Object document) {
        public boolean robust() {
            return verdict == Verdict.ROBUST;
        }
    }
}
