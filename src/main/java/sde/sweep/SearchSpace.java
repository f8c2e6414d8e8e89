package sde.sweep;

import sde.backtest.BacktestSettings;
import sde.backtest.RegimeSpec;
import sde.backtest.RunSpec;
import sde.optimize.Gene;
import sde.param.ParamSpec;
import sde.param.ParamValue;
import sde.param.Params;
import sde.regime.Regime;
import sde.regime.RegimeSettings;
import sde.strategy.Strategies;
import sde.strategy.Strategy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The study's genome: one gene per searched parameter, plus an on/off gene per optional strategy. */
public final class SearchSpace implements Serializable {
    /** Gene slot of a regime threshold (weight genes carry their strategy's slot and a name prefix). */
    private static final int REGIME = -1;
    private static final String WEIGHT = "regime_weight:";
    private static final String SLOT_WEIGHT = "slot_weight:";
    /** Gene slot of the study's leverage. */
    private static final int LEVERAGE = -2;

    private final Study study;
    private final RegimeSettings regimeDefaults;
    private final List<Gene> genes = new ArrayList<>();

    public SearchSpace(Study study) {
        this(study, null);
    }

    /** @param regimeDefaults conf's regime section; thresholds the study neither fixes nor searches keep these */
    public SearchSpace(Study study, RegimeSettings regimeDefaults) {
        this.study = study;
        this.regimeDefaults = regimeDefaults;
        for (int s = 0; s < study.strategies().size(); s++) {
            Study.StudySlot slot = study.strategies().get(s);
            Strategy<?> st = Strategies.get(slot.name());
            if (slot.isOptional()) genes.add(new Gene(s, null, 0, 1));
            for (String name : slot.searched()) {
                if (name.equals(Study.WEIGHT)) {
                    genes.add(new Gene(s, ParamSpec.dbl(SLOT_WEIGHT, 0, 1, slot.slotWeight(), 0.05), 0, 1));
                    continue;
                }
                ParamSpec p = Study.spec(st, name);
                List<Double> b = slot.boundsOverrides().get(name);
                genes.add(new Gene(s, p, b != null ? b.get(0) : p.lo(), b != null ? b.get(1) : p.hi()));
            }
        }
        if (study.leverage() != null) {
            double lo = study.leverage().get(0), hi = study.leverage().get(1);
            genes.add(new Gene(LEVERAGE, ParamSpec.dbl("leverage", lo, hi, Math.max(lo, Math.min(hi, 1.0)), 0.05), lo, hi));
        }
        Study.StudyRegime r = study.regime();
        if (r != null) {
            if (regimeDefaults == null) throw new IllegalArgumentException("a study with a regime section needs conf's regime defaults");
            for (String name : r.searched()) {
                ParamSpec p = Study.regimeSpec(name);
                List<Double> b = r.boundsOverrides().get(name);
                genes.add(new Gene(REGIME, p, b != null ? b.get(0) : p.lo(), b != null ? b.get(1) : p.hi()));
            }
            for (String id : r.searchedWeights()) {
                int slot = slotOf(id);
                for (Regime reg : Regime.values()) {
                    genes.add(new Gene(slot, ParamSpec.dbl(WEIGHT + reg.name(), 0, 1, 1, 0.25), 0, 1));
                }
            }
        }
    }

    private int slotOf(String id) {
        for (int s = 0; s < study.strategies().size(); s++) if (study.strategies().get(s).slotId().equals(id)) return s;
        throw new IllegalArgumentException("no strategy id '" + id + "'");
    }

    public int dimensions() { return genes.size(); }

    /**
     * Searched blend weights sum to at most 1: each slot sizes against weight × equity, so three
     * weights near 1 would triple the exposure, and the optimizer finds leverage, not a better blend
     * (a daemon blend scored 0.98 against its best member's 0.45 that way).
     */
    private void normalizeSearchedWeights(double[] w, boolean[] on) {
        if (genes.stream().noneMatch(g -> !g.isSwitch() && g.spec().name().equals(SLOT_WEIGHT))) return;
        double sum = 0;
        for (int s = 0; s < w.length; s++) if (on[s]) sum += w[s];
        if (sum <= 1) return;
        for (int s = 0; s < w.length; s++) w[s] = Math.round(w[s] / sum * 1e6) / 1e6;
    }

    /** The run a genome stands for: fitness runs cover train and test years in one continuous run. */
    public RunSpec decode(double[] genome, BacktestSettings backtest) {
        List<Map<String, ParamValue>> searched = new ArrayList<>();
        boolean[] on = new boolean[study.strategies().size()];
        double[] slotWeight = new double[on.length];
        for (int s = 0; s < on.length; s++) {
            slotWeight[s] = study.strategies().get(s).slotWeight();
            searched.add(new LinkedHashMap<>());
            on[s] = true;
        }
        Map<String, Number> thresholds = new LinkedHashMap<>();
        Map<String, Map<String, Double>> weights = new TreeMap<>();
        if (study.regime() != null) {
            study.regime().fixedValues().forEach((k, v) -> thresholds.put(k, (Number) v));
            study.regime().fixedWeights().forEach((k, v) -> weights.put(k, new TreeMap<>(v)));
        }
        double leverage = 1;
        for (int g = 0; g < genes.size(); g++) {
            Gene gene = genes.get(g);
            ParamValue value = gene.decode(genome[g]);
            if (gene.isSwitch()) on[gene.slot()] = value.flag();
            else if (gene.slot() == LEVERAGE) leverage = value.number();
            else if (gene.slot() == REGIME) thresholds.put(gene.spec().name(), value.number());
            else if (gene.spec().name().startsWith(WEIGHT)) {
                weights.computeIfAbsent(study.strategies().get(gene.slot()).slotId(), k -> new TreeMap<>())
                        .put(gene.spec().name().substring(WEIGHT.length()), value.number());
            } else if (gene.spec().name().equals(SLOT_WEIGHT)) {
                slotWeight[gene.slot()] = value.number();
            } else searched.get(gene.slot()).put(gene.spec().name(), value);
        }
        normalizeSearchedWeights(slotWeight, on);
        // Leverage as structure: a declared gene that scales every weight after they are normalised,
        // so the blend's shape and its size are searched apart; how far it can go is the engine's
        // buying-power rule (SPEC §3), which refuses what the account cannot carry.
        if (leverage != 1) for (int s = 0; s < slotWeight.length; s++) slotWeight[s] = Math.round(slotWeight[s] * leverage * 1e6) / 1e6;
        List<RunSpec.SlotSpec> slots = new ArrayList<>();
        for (int s = 0; s < on.length; s++) {
            Study.StudySlot slot = study.strategies().get(s);
            // Conditional parameters: a switched-off strategy keeps only its fixed values, so every
            // genome that differs only in its unused genes decodes to one id and is evaluated once.
            Strategy<?> st = Strategies.get(slot.name());
            Params params = st.space().resolve(slot.fixedValues(), slot.slotId() + ".");
            if (on[s]) params = st.space().overlay(params, searched.get(s), slot.slotId() + ".");
            slots.add(new RunSpec.SlotSpec(slot.slotId(), slot.name(), on[s] ? slotWeight[s] : 0.0, params));
        }
        RegimeSpec regime = study.regime() == null ? null
                : new RegimeSpec(regimeDefaults.with(thresholds), weights, study.regime().switchRule());
        return new RunSpec(slots, backtest, study.trainYears().get(0) + "-01-01", study.testYears().get(1) + "-12-31", regime);
    }
}
