package sde.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import sde.backtest.RegimeSpec;
import sde.io.ConfigException;
import sde.io.Yaml;
import sde.optimize.Optimizer;
import sde.optimize.OptimizerSettings;
import sde.param.ParamSpec;
import sde.regime.RegimeSettings;
import sde.results.Feasibility;
import sde.results.Objective;
import sde.strategy.Strategies;
import sde.strategy.Strategy;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A study (conf/study.yaml): what to search, how, and over which years. {@link #load} checks every
 * key before a single backtest runs and names the bad one.
 */
public record Study(@JsonProperty("study") String name, long seed, String optimizer, OptimizerSettings optimizerSettings, int population,
                    int generations, int partitions, List<Integer> trainYears, List<Integer> testYears, int topN,
                    List<StudySlot> strategies, StudyRegime regime, List<Double> leverage, String objective, Double maxDrawdown,
                    Integer minTradesPerYear) implements Serializable {

    /**
     * What the search maximizes and what is feasible, over the train years (SPEC §4): keys
     * {@code objective} (score | worst_year), {@code max_drawdown} (percent) and {@code min_trades_per_year},
     * each defaulting to the seed's line ({@link Feasibility#DEFAULT}) when the study leaves it out.
     */
    public Feasibility feasibility() {
        Feasibility d = Feasibility.DEFAULT;
        return new Feasibility(objective == null ? d.objective() : Objective.parse(objective),
                maxDrawdown == null ? d.maxDrawdownPct() : maxDrawdown, minTradesPerYear == null ? d.minTradesPerYear() : minTradesPerYear);
    }

    /**
     * Regime-conditional allocation in a study: thresholds fixed or searched (bounds inside
     * RegimeSettings.SPECS), multipliers per strategy and regime fixed ({@code weights}) or searched
     * ({@code search_weights}: strategy ids, six genes each in steps of 0.25). Fitness still reads the
     * train years only, so the thresholds are chosen there and run frozen through the test years.
     */
    public record StudyRegime(String onSwitch, Map<String, Object> fixed, List<String> search, Map<String, List<Double>> bounds,
                              Map<String, Map<String, Double>> weights, List<String> searchWeights) implements Serializable {
        public Map<String, Object> fixedValues() { return fixed != null ? fixed : Map.of(); }
        public List<String> searched() { return search != null ? search : List.of(); }
        public Map<String, List<Double>> boundsOverrides() { return bounds != null ? bounds : Map.of(); }
        public Map<String, Map<String, Double>> fixedWeights() { return weights != null ? weights : Map.of(); }
        public List<String> searchedWeights() { return searchWeights != null ? searchWeights : List.of(); }
        public String switchRule() { return onSwitch != null ? onSwitch : "keep"; }
    }

    /**
     * {@code weight} in a slot's search list searches the slot's weight in a blend (0–1 in steps of
     * 0.05) instead of a strategy parameter. Each slot sizes against weight × equity, so searched
     * weights summing over 1 are scaled down to sum to 1 (SearchSpace): a blend may not buy leverage.
     */
    public static final String WEIGHT = "weight";

    /** One strategy of the study; {@code optional} adds an on/off gene (conditional parameters). */
    public record StudySlot(String name, String id, Double weight, Boolean optional, Map<String, Object> fixed,
                            List<String> search, Map<String, List<Double>> bounds) implements Serializable {
        public String slotId() { return id != null ? id : name; }
        public double slotWeight() { return weight != null ? weight : 1.0; }
        public boolean isOptional() { return optional != null && optional; }
        public Map<String, Object> fixedValues() { return fixed != null ? fixed : Map.of(); }
        public List<String> searched() { return search != null ? search : List.of(); }
        public Map<String, List<Double>> boundsOverrides() { return bounds != null ? bounds : Map.of(); }
    }

    private static final List<String> REQUIRED = List.of("study", "seed", "optimizer", "optimizer_settings", "population",
            "generations", "train_years", "test_years", "strategies");

    public static Study load(Path file) {
        JsonNode tree = Yaml.readTree(file);
        for (String k : REQUIRED) {
            if (tree == null || !tree.has(k)) throw new ConfigException(file + ": key '" + k + "': missing");
        }
        Study s = Yaml.bindAllowingMissing(tree, Study.class, file.toString());
        s.validate(file.toString());
        return s;
    }

    /** The same study with --generations / --population overrides. */
    public Study with(Integer gens, Integer pop) {
        return toBuilder().population(pop != null ? pop : population).generations(gens != null ? gens : generations).build();
    }

    void validate(String where) {
        String w = where + ": key '";
        if (name == null || !name.matches("[A-Za-z0-9_\\-]+")) throw new ConfigException(w + "study': a name of letters, digits, _ or -");
        try {
            Optimizer.Kind.of(optimizer == null ? "" : optimizer);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(w + "optimizer': " + e.getMessage().replace("optimizer: ", ""));
        }
        if (optimizerSettings == null) throw new ConfigException(w + "optimizer_settings': missing");
        if (population < 2) throw new ConfigException(w + "population': must be >= 2");
        if (generations < 1) throw new ConfigException(w + "generations': must be >= 1");
        if (partitions < 0) throw new ConfigException(w + "partitions': must be >= 0");
        if (topN < 1) throw new ConfigException(w + "top_n': must be >= 1");
        years(w + "train_years'", trainYears);
        years(w + "test_years'", testYears);
        if (testYears.get(0) <= trainYears.get(1)) throw new ConfigException(w + "test_years': must come after train_years");
        if (strategies == null || strategies.isEmpty()) throw new ConfigException(w + "strategies': at least one");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < strategies.size(); i++) {
            StudySlot s = strategies.get(i);
            String k = w + "strategies[" + i + "].";
            if (s.name() == null) throw new ConfigException(k + "name': missing");
            Strategy<?> st;
            try {
                st = Strategies.get(s.name());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(k + "name': " + e.getMessage());
            }
            if (!ids.add(s.slotId())) throw new ConfigException(k + "id': '" + s.slotId() + "' used twice");
            if (!(s.slotWeight() >= 0 && s.slotWeight() <= 1)) throw new ConfigException(k + "weight': must be in [0, 1]");
            try {
                st.space().resolve(s.fixedValues(), "");
            } catch (IllegalArgumentException e) {
                throw new ConfigException(k + "fixed." + e.getMessage());
            }
            for (String p : s.searched()) {
                if (p.equals(WEIGHT)) continue;
                if (spec(st, p) == null) throw new ConfigException(k + "search': unknown parameter '" + p + "' of " + s.name());
                if (s.fixedValues().containsKey(p)) throw new ConfigException(k + "search': '" + p + "' is also fixed");
            }
            for (Map.Entry<String, List<Double>> b : s.boundsOverrides().entrySet()) {
                ParamSpec ps = spec(st, b.getKey());
                String bk = k + "bounds." + b.getKey() + "': ";
                if (ps == null || !s.searched().contains(b.getKey())) throw new ConfigException(bk + "not a searched parameter");
                if (ps.type() == ParamSpec.Type.CHOICE || ps.type() == ParamSpec.Type.BOOL) throw new ConfigException(bk
                        + "only numbers have bounds");
                List<Double> v = b.getValue();
                if (v == null || v.size() != 2 || !(v.get(0) < v.get(1)) || v.get(0) < ps.lo() || v.get(1) > ps.hi()) {
                    throw new ConfigException(bk + "need [lo, hi] with lo < hi inside the declared [" + ps.lo() + ", " + ps.hi() + "]");
                }
            }
        }
        validateRegime(w, ids);
        if (objective != null) {
            try {
                Objective.parse(objective);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(w + "objective': " + e.getMessage());
            }
        }
        if (maxDrawdown != null && !(maxDrawdown > 0 && maxDrawdown <= 100)) {
            throw new ConfigException(w + "max_drawdown': must be in (0, 100] percent, got " + maxDrawdown);
        }
        if (minTradesPerYear != null && minTradesPerYear < 0) {
            throw new ConfigException(w + "min_trades_per_year': must be >= 0, got " + minTradesPerYear);
        }
        if (leverage != null && (leverage.size() != 2 || !(leverage.get(0) > 0 && leverage.get(0) < leverage.get(1)
                && leverage.get(1) <= MAX_LEVERAGE))) {
            throw new ConfigException(w + "leverage': need [lo, hi] with 0 < lo < hi <= " + MAX_LEVERAGE);
        }
    }

    /**
     * The most a study may scale its weights by ({@code leverage: [lo, hi]}): the
     * engine's buying-power rule (backtest.max_buying_power, SPEC §3) is what really bounds it, this
     * only keeps a typo from asking for a hundredfold.
     */
    static final double MAX_LEVERAGE = 10;

    private void validateRegime(String w, Set<String> ids) {
        if (regime == null) return;
        String k = w + "regime.";
        try {
            RegimeSpec.OnSwitch.of(regime.switchRule());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(k + "on_switch': keep or close");
        }
        for (String name : regime.fixedValues().keySet()) {
            if (regimeSpec(name) == null) throw new ConfigException(k + "fixed." + name + "': unknown threshold");
        }
        for (String name : regime.searched()) {
            if (regimeSpec(name) == null) throw new ConfigException(k + "search': unknown threshold '" + name + "'");
            if (regime.fixedValues().containsKey(name)) throw new ConfigException(k + "search': '" + name + "' is also fixed");
        }
        for (Map.Entry<String, List<Double>> b : regime.boundsOverrides().entrySet()) {
            ParamSpec ps = regimeSpec(b.getKey());
            List<Double> v = b.getValue();
            if (ps == null || !regime.searched().contains(b.getKey())) throw new ConfigException(k + "bounds." + b.getKey()
                    + "': not a searched threshold");
            if (v == null || v.size() != 2 || !(v.get(0) < v.get(1)) || v.get(0) < ps.lo() || v.get(1) > ps.hi()) {
                throw new ConfigException(k + "bounds." + b.getKey() + "': need [lo, hi] inside [" + ps.lo() + ", " + ps.hi() + "]");
            }
        }
        for (String id : regime.fixedWeights().keySet()) if (!ids.contains(id)) throw new ConfigException(k + "weights." + id
                + "': no such strategy id");
        for (String id : regime.searchedWeights()) if (!ids.contains(id)) throw new ConfigException(k
                + "search_weights': no such strategy id '" + id + "'");
        try {
            new RegimeSpec(null, regime.fixedWeights(), regime.switchRule());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(w + e.getMessage().replaceFirst(": ", "': "));
        }
    }

    static ParamSpec regimeSpec(String name) {
        for (ParamSpec p : RegimeSettings.SPECS) if (p.name().equals(name)) return p;
        return null;
    }

    static ParamSpec spec(Strategy<?> st, String name) {
        for (ParamSpec p : st.space().specs()) if (p.name().equals(name)) return p;
        return null;
    }

    private static void years(String key, List<Integer> y) {
        if (y == null || y.size() != 2 || y.get(0) > y.get(1)) throw new ConfigException(key + ": need [first, last]");
    }

    /** A builder holding this record's values: set by name what changes, keep the rest (no positional copies). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Named setters for every component of {@link Study}; {@link #build} checks them as the constructor does. */
    public static final class Builder {
        private String name;
        private long seed;
        private String optimizer;
        private OptimizerSettings optimizerSettings;
        private int population;
        private int generations;
        private int partitions;
        private List<Integer> trainYears;
        private List<Integer> testYears;
        private int topN;
        private List<StudySlot> strategies;
        private StudyRegime regime;
        private List<Double> leverage;
        private String objective;
        private Double maxDrawdown;
        private Integer minTradesPerYear;

        private Builder(Study r) {
            name = r.name();
            seed = r.seed();
            optimizer = r.optimizer();
            optimizerSettings = r.optimizerSettings();
            population = r.population();
            generations = r.generations();
            partitions = r.partitions();
            trainYears = r.trainYears();
            testYears = r.testYears();
            topN = r.topN();
            strategies = r.strategies();
            regime = r.regime();
            leverage = r.leverage();
            objective = r.objective();
            maxDrawdown = r.maxDrawdown();
            minTradesPerYear = r.minTradesPerYear();
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder optimizer(String v) {
            optimizer = v;
            return this;
        }

        public Builder optimizerSettings(OptimizerSettings v) {
            optimizerSettings = v;
            return this;
        }

        public Builder population(int v) {
            population = v;
            return this;
        }

        public Builder generations(int v) {
            generations = v;
            return this;
        }

        public Builder partitions(int v) {
            partitions = v;
            return this;
        }

        public Builder trainYears(List<Integer> v) {
            trainYears = v;
            return this;
        }

        public Builder testYears(List<Integer> v) {
            testYears = v;
            return this;
        }

        public Builder topN(int v) {
            topN = v;
            return this;
        }

        public Builder strategies(List<StudySlot> v) {
            strategies = v;
            return this;
        }

        public Builder regime(StudyRegime v) {
            regime = v;
            return this;
        }

        public Builder leverage(List<Double> v) {
            leverage = v;
            return this;
        }

        public Builder objective(String v) {
            objective = v;
            return this;
        }

        public Builder maxDrawdown(Double v) {
            maxDrawdown = v;
            return this;
        }

        public Builder minTradesPerYear(Integer v) {
            minTradesPerYear = v;
            return this;
        }

        public Study build() {
            Study s = new Study(name, seed, optimizer, optimizerSettings, population, generations, partitions, trainYears, testYears, topN,
                    strategies, regime, leverage, objective, maxDrawdown, minTradesPerYear);
            s.validate("study '" + name + "'");
            return s;
        }
    }
}
