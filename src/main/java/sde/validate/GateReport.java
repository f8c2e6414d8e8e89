package sde.validate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import sde.results.Flag;
import sde.results.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gate's report (SPEC §5), written as output/validations/ID.json beside the leaderboard row:
 * the five components with their pass marks, the flags, the composite overfit_score and verdict
 * (REJECTED when a reality check rejects it, with the score's own grade beside it as overfit_verdict),
 * whether the drawdown-reality check rejects it, the variant seed, and the statistics reported
 * beside the score (Deflated Sharpe Ratio, PBO). {@code scoreLow} and {@code scoreHigh} are the
 * SPEC §4 scores on the low and high surfaces of the model band (SPEC §5 model risk; null where the
 * gate ran without them), {@code verdictLow} and {@code verdictHigh} the verdicts there.
 */
public record GateReport(String id, double overfitScore, Verdict verdict, boolean rejected, Map<String, Double> components,
                      Map<String, Boolean> passes, List<Flag> flags, long seed, List<Double> variantScores, double baseScore,
                      GateStatistics statistics, Double scoreLow, Double scoreHigh, String verdictLow, String verdictHigh,
                      @JsonIgnore Verdict grade) {
    public GateReport {
        if (verdict != Verdict.of(grade, rejected)) throw new IllegalArgumentException(id + ": verdict " + verdict + " with grade " + grade
                + (rejected ? ", rejected" : ""));
    }

    /** SPEC §5: the grade the score alone gives, written only where REJECTED overrides it (else it is the verdict). */
    @JsonProperty("overfit_verdict")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Verdict overfitVerdict() { return rejected ? grade : null; }

    public boolean robust() { return verdict == Verdict.ROBUST; }

    /**
     * SPEC §4 victory's verdict: ROBUST, not rejected, and neither MODEL_FRAGILE nor MODEL_UNVERIFIED (the
     * model's band and coverage both vouch for it).
     */
    public boolean vouched() {
        return robust() && flags.stream().noneMatch(Flag::modelRisk);
    }

    /** This verdict with one more flag. */
    public GateReport withFlag(Flag flag) {
        List<Flag> f = new ArrayList<>(flags);
        f.add(flag);
        return new GateReport(id, overfitScore, verdict, rejected, components, passes, List.copyOf(f), seed, variantScores, baseScore,
                statistics, scoreLow, scoreHigh, verdictLow, verdictHigh, grade);
    }

    /**
     * This verdict with its model-risk figures: the candidate judged on the low and the high
     * surface; a ROBUST verdict that does not hold on both is flagged MODEL_FRAGILE (SPEC §5).
     */
    public GateReport withModelRisk(GateReport low, GateReport high) {
        List<Flag> f = new ArrayList<>(flags);
        if (robust() && !(low.robust() && high.robust())) f.add(Flag.MODEL_FRAGILE);
        return new GateReport(id, overfitScore, verdict, rejected, components, passes, List.copyOf(f), seed, variantScores, baseScore,
                statistics, low.baseScore(), high.baseScore(), low.verdict().toString(), high.verdict().toString(), grade);
    }
}
