package sde.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import sde.io.Json;
import sde.io.Location;

import java.util.List;
import java.util.Map;

/**
 * What the orchestration and the report read back from a verdict file, validations/ID.json (the
 * gate writes its whole report there): the verdict, the SPEC §5 components and their pass marks,
 * the flags, and the statistics beside the score, which stay JSON (numbers and notes).
 * {@code overfitVerdict} is the score's own grade where REJECTED overrides it (SPEC §5), else null. A
 * file written before REJECTED was a verdict ("verdict": "ROBUST", "rejected": true) reads as REJECTED.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VerdictFile(String id, double overfitScore, Verdict verdict, boolean rejected, List<String> flags, double baseScore,
                          List<Double> variantScores, Map<String, Double> components, Map<String, Boolean> passes, JsonNode statistics,
                          Verdict overfitVerdict) {
    public VerdictFile {
        if (rejected && verdict != Verdict.REJECTED) {
            overfitVerdict = verdict;
            verdict = Verdict.REJECTED;
        }
        flags = flags == null ? List.of() : flags;
        variantScores = variantScores == null ? List.of() : variantScores;
        components = components == null ? Map.of() : components;
        passes = passes == null ? Map.of() : passes;
    }

    public VerdictFile(String id, double overfitScore, Verdict verdict, boolean rejected, List<String> flags) {
        this(id, overfitScore, verdict, rejected, flags, Double.NaN, List.of(), Map.of(), Map.of(), null, null);
    }

    /**
     * The verdict file at {@code p}, or null when there is none. Files older versions wrote with
     * camelCase keys at the top are read too.
     */
    public static VerdictFile read(Location p) {
        ObjectNode m = Json.readSnake(p);
        if (m == null) return null;
        try {
            return Json.MAPPER.treeToValue(m, VerdictFile.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(p + ": not a verdict file: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The grade the overfit score alone earns (SPEC §5): the verdict, unless REJECTED overrides it. */
    public Verdict grade() {
        return overfitVerdict != null ? overfitVerdict : verdict;
    }

    public boolean robust() {
        return verdict == Verdict.ROBUST;
    }

    /**
     * SPEC §4 victory's verdict: ROBUST, not rejected, neither MODEL_FRAGILE nor MODEL_UNVERIFIED, and judged on its model
     * coverage at all (a verdict without the gate's {@code coverage} statistic was written before the gate judged it).
     */
    public boolean vouched() {
        return robust() && !flags.contains(Flag.MODEL_FRAGILE.name()) && !flags.contains(Flag.MODEL_UNVERIFIED.name()) && statistics != null
                && statistics.has("coverage");
    }
}
