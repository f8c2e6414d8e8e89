package sde.daemon;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import sde.io.Json;
import sde.sweep.SweepJob;
import sde.optimize.Optimizer;
import sde.optimize.OptimizerSettings;
import sde.regime.RegimeSettings;
import sde.param.ParamSpec;
import sde.strategy.Strategies;
import sde.sweep.Study;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The escalation ladder, free of Spark and files so a test can drive it with a synthetic objective.
 * Rules:
 * <ul>
 *   <li>single rung: each configured strategy alone, all its parameters searched; the study with
 *       the fewest generations that has not plateaued runs next;</li>
 *   <li>a study plateaus after {@code plateau_generations} generations without improving its best
 *       train score by {@code min_improvement}, or at {@code max_generations_per_study};</li>
 *   <li>when every single has plateaued: a blend of the top {@code blend_top_k} singles' best
 *       parameter sets, weights searched; when it plateaus, the same members with regime-switching
 *       weights and thresholds searched;</li>
 *   <li>every {@code explore_every} generations above the single rung, one generation goes back to
 *       the least-run single study; if it finds a new best, the ladder is back on the single rung,
 *       and a changed top K makes new blend and regime studies;</li>
 *   <li>when every study has plateaued, a rung restarts ({@link #restart}: a fresh seed, a doubled
 *       population, the next optimizer); {@link #next} returns null only on the ceiling criterion,
 *       when every reached rung has had {@code daemon.restarts} restarts in a row that did not raise
 *       its best.</li>
 * </ul>
 */
public final class Ladder {
    /** Rows each daemon study keeps in its leaderboard.json (the daemon's leaderboard merges them). */
    static final int TOP_N = 20;

    /** What the daemon persists of the ladder. */
    public record Snapshot(List<StudyProgress> studies, int sinceExplore) {}

    /** The next experiment and why. */
    public record Decision(Study study, Rung rung, String reason) {}

    private final DaemonSettings s;
    private final Map<String, StudyProgress> studies = new LinkedHashMap<>();
    private final Map<String, double[]> returnsCache = new HashMap<>();
    private Function<StudyProgress, double[]> returns;
    private int sinceExplore;

    /**
     * Gives the ladder each single's daily returns over the train years (its best run's), so that a
     * blend takes uncorrelated members rather than the top K scores alone. Without
     * it the blend is the top blend_top_k by score.
     */
    public Ladder withReturns(Function<StudyProgress, double[]> dailyReturns) {
        this.returns = dailyReturns;
        return this;
    }

    public Ladder(DaemonSettings s, Snapshot saved) {
        this.s = s;
        if (saved != null) {
            for (StudyProgress p : saved.studies()) studies.put(p.name(), p);
            sinceExplore = saved.sinceExplore();
        }
        for (String name : s.strategies()) studies.putIfAbsent(singleName(name), StudyProgress.fresh(singleName(name), Rung.SINGLE,
                List.of(name)));
    }

    /**
     * Opens every plateaued study again (their bests are kept, their stale counts reset): after a
     * ceiling stop, a restart would otherwise stop at once. Returns how many were reopened.
     */
    public int reopen() {
        int n = 0;
        for (Map.Entry<String, StudyProgress> e : studies.entrySet()) {
            StudyProgress p = e.getValue();
            if (!p.plateaued() && p.stale() == 0) continue;
            if (p.plateaued()) n++;
            e.setValue(p.reopened(s.maxGenerationsPerStudy()));
        }
        return n;
    }

    /**
     * Gives the studies that have searched but carry no curve (a state file written before the curves
     * were kept) the curve the journal recorded for them; the journal is read only when one lacks it.
     */
    void restoreCurves(Supplier<Map<String, List<double[]>>> journal) {
        if (studies.values().stream().noneMatch(p -> p.generations() > 0 && p.curve().isEmpty())) return;
        Map<String, List<double[]>> fromJournal = journal.get();
        for (Map.Entry<String, StudyProgress> e : studies.entrySet()) {
            StudyProgress p = e.getValue();
            List<double[]> c = fromJournal.get(p.name());
            if (p.generations() == 0 || !p.curve().isEmpty() || c == null) continue;
            e.setValue(p.withCurve(c));
        }
    }

    public Snapshot state() { return new Snapshot(List.copyOf(studies.values()), sinceExplore); }

    public List<StudyProgress> studies() { return List.copyOf(studies.values()); }

    public StudyProgress progress(String study) { return studies.get(study); }

    static String singleName(String strategy) { return "single_" + strategy; }

    /** The next generation to run, or null when every rung has plateaued. */
    public Decision next() {
        List<StudyProgress> singles = ofRung(Rung.SINGLE);
        StudyProgress open = leastRun(singles.stream().filter(p -> !p.plateaued()).toList());
        if (open != null) {
            return new Decision(singleStudy(open), Rung.SINGLE, open.name() + " has not plateaued (" + open.stale() + " of "
                    + s.plateauGenerations() + " generations without improvement, " + open.generations() + " run)");
        }
        List<StudyProgress> top = topSingles();
        if (top.size() < 2) return restart();
        for (Rung rung : new Rung[]{Rung.BLEND, Rung.REGIME}) {
            StudyProgress p = studies.computeIfAbsent(compositeName(rung, top), n -> StudyProgress.fresh(n, rung, names(top)));
            if (p.plateaued()) continue;
            if (sinceExplore >= s.exploreEvery()) {
                StudyProgress back = leastRun(singles.stream().filter(x -> x.generations() < s.maxGenerationsPerStudy()).toList());
                if (back != null) {
                    sinceExplore = 0;
                    return new Decision(singleStudy(back), Rung.SINGLE, "exploration: " + s.exploreEvery() + " generations on the "
                            + rung.label + " rung, one more for " + back.name() + " (a new single best would send the ladder back down)");
                }
            }
            sinceExplore++;
            String why = rung == Rung.BLEND
                    ? "every single has plateaued; blending the top " + top.size() + " (" + String.join(", ",
                            names(top)) + ") with searched weights"
                    : "the blend of " + String.join(", ", names(top)) + " has plateaued; searching regime-switching weights and thresholds";
            return new Decision(compositeStudy(rung, p, top), rung, why);
        }
        return restart();
    }

    // ---- restarts ----------------------------------------------------------------

    /** A study's restart index: 0 for the first search, k for NAME_rk. */
    static int restartIndex(String name) {
        int i = name.lastIndexOf("_r");
        if (i < 0 || i + 2 >= name.length()) return 0;
        for (int k = i + 2; k < name.length(); k++) if (!Character.isDigit(name.charAt(k))) return 0;
        return Integer.parseInt(name.substring(i + 2));
    }

    static String baseName(String name) {
        return restartIndex(name) == 0 ? name : name.substring(0, name.lastIndexOf("_r"));
    }

    /**
     * How many of the rung's latest restarts, in a row, plateaued without raising the rung's best
     * train score by more than min_improvement over what the studies before each had found.
     */
    int failedRestarts(Rung rung) {
        List<StudyProgress> of = ofRung(rung).stream().sorted(Comparator.comparingInt((StudyProgress p) -> restartIndex(p.name()))
                .thenComparing(StudyProgress::name)).toList();
        double best = Double.NEGATIVE_INFINITY;
        int failed = 0;
        for (StudyProgress p : of) {
            double f = p.hasBest() ? p.bestFitness() : Double.NEGATIVE_INFINITY;
            if (restartIndex(p.name()) > 0) {
                if (!p.plateaued()) return failed;   // still searching: not yet a failure
                failed = f > best + s.minImprovement() ? 0 : failed + 1;
            }
            best = Math.max(best, f);
        }
        return failed;
    }

    /**
     * When every study has plateaued: restart a rung instead of stopping (IPOP, Auger and Hansen
     * 2005). Restart k of a rung is NAME_rk: a fresh seed, the population doubled k times, and the
     * next optimizer of the cycle (the daemon's, then CMA-ES, then GA). The rung with the fewest
     * failed restarts goes first, the lower rung on a tie. The ladder stops (null) only on the
     * ceiling criterion: every reached rung has had daemon.restarts restarts in a row that each
     * failed to raise its best by min_improvement.
     * <p>
     * On the single rung restarts go round the restart_rotation best strategies, so one strategy's
     * local optimum does not take every restart, and each searches a window re-centred on that
     * strategy's best ({@link #recentred}). A composite's restart re-blends the current top singles
     * over the declared bounds: its members' parameters are fixed, and what it searches (weights,
     * thresholds) has no one best to centre on that the members would not change.
     */
    private Decision restart() {
        // A composite restart is not the study next() builds from the current top singles: go on with it here.
        StudyProgress running = leastRun(studies.values().stream().filter(p -> restartIndex(p.name()) > 0 && !p.plateaued()).toList());
        if (running != null) {
            Study study = running.rung() == Rung.SINGLE ? singleStudy(running) : compositeStudy(running.rung(), running, topSingles());
            return new Decision(study, running.rung(), running.name() + ", a restart, has not plateaued (" + running.stale() + " of "
                    + s.plateauGenerations() + " generations without improvement)");
        }
        Rung pick = null;
        int fewest = Integer.MAX_VALUE;
        for (Rung r : Rung.values()) {
            if (ofRung(r).isEmpty()) continue;
            int f = failedRestarts(r);
            if (f < s.restarts() && f < fewest) { fewest = f; pick = r; }
        }
        if (pick == null) return null;
        Rung rung = pick;
        int k = ofRung(rung).stream().mapToInt(p -> restartIndex(p.name())).max().orElse(0) + 1;
        List<StudyProgress> families = families(rung);
        StudyProgress from = families.isEmpty() ? ofRung(rung).get(0)
                : families.get(rung == Rung.SINGLE ? (k - 1) % Math.min(s.restartRotation(), families.size()) : 0);
        String family = baseName(from.name());
        String name = family + "_r" + k;
        StudyProgress fresh = StudyProgress.fresh(name, rung, from.members());
        String window = "";
        if (rung == Rung.SINGLE && from.hasBest()) {
            long earlier = ofRung(rung).stream().filter(p -> restartIndex(p.name()) > 0 && baseName(p.name()).equals(family)).count();
            double width = Math.min(1, s.restartWidth() * Math.pow(2, earlier));
            fresh = fresh.withBounds(recentred(from, width));
            window = fresh.bounds().isEmpty() ? ", declared bounds" : ", " + fmtPct(width) + " of each range around its best";
        }
        studies.put(name, fresh);
        Study study = rung == Rung.SINGLE ? singleStudy(fresh) : compositeStudy(rung, fresh, topSingles());
        return new Decision(study, rung, "every study has plateaued; restart " + k + " of the " + rung.label + " rung from " + from.name()
                + " (" + fmt(from.bestFitness()) + "): population " + study.population() + ", optimizer " + study.optimizer() + window
                        + ", "
                + fewest + " of " + s.restarts() + " restarts in a row without a better best so far");
    }

    /**
     * The best study of each family (a first search and its restarts) on a rung, best train score
     * first, the name on a tie.
     */
    private List<StudyProgress> families(Rung rung) {
        Map<String, StudyProgress> best = new LinkedHashMap<>();
        for (StudyProgress p : ofRung(rung)) {
            if (!p.hasBest()) continue;
            best.merge(baseName(p.name()), p, (a, b) -> b.bestFitness() > a.bestFitness() ? b : a);
        }
        return best.values().stream().sorted(Comparator.comparingDouble(StudyProgress::bestFitness).reversed()
                .thenComparing(StudyProgress::name)).toList();
    }

    /**
     * A restart's bounds: each numeric parameter of the single's best row gets a
     * window of {@code width} × its declared range (on its own scale, log where declared), centred
     * on the best value and shifted to stay inside the declared bounds, then widened outward to the
     * parameter's step grid so every value it decodes to is one the declared search could reach.
     * Choices and switches keep their declared range; so does a window that would not be narrower.
     */
    static Map<String, List<Double>> recentred(StudyProgress from, double width) {
        Map<String, List<Double>> out = new TreeMap<>();
        if (width >= 1) return out;
        JsonNode params = from.bestParams().path("strategies").path(0).path("params");
        for (ParamSpec p : Strategies.get(from.members().get(0)).space().specs()) {
            JsonNode v = params.get(p.name());
            if (v == null || !v.isNumber() || (p.type() != ParamSpec.Type.DOUBLE && p.type() != ParamSpec.Type.INT)
                    || !(p.lo() < p.hi())) continue;
            // On the parameter's own scale: the unit interval is log(lo)..log(hi) for a log-scale one.
            boolean log = p.log() && p.lo() > 0;
            DoubleUnaryOperator scale = log ? Math::log : x -> x, unscale = log ? Math::exp : x -> x;
            double s0 = scale.applyAsDouble(p.lo()), s1 = scale.applyAsDouble(p.hi());
            double u = (scale.applyAsDouble(v.asDouble()) - s0) / (s1 - s0);
            double a = Math.max(0, Math.min(1 - width, u - width / 2)), b = a + width;
            double lo = unscale.applyAsDouble(s0 + a * (s1 - s0)), hi = unscale.applyAsDouble(s0 + b * (s1 - s0));
            double step = p.type() == ParamSpec.Type.INT ? 1 : p.step();
            if (step > 0) {
                lo = p.lo() + Math.floor((lo - p.lo()) / step + 1e-9) * step;
                hi = p.lo() + Math.ceil((hi - p.lo()) / step - 1e-9) * step;
            }
            lo = Math.max(p.lo(), Math.rint(lo * 1e9) / 1e9);
            hi = Math.min(p.hi(), Math.rint(hi * 1e9) / 1e9);
            if (lo < hi && (lo > p.lo() || hi < p.hi())) out.put(p.name(), List.of(lo, hi));
        }
        return out;
    }

    /** Takes a study's ROBUST best as it stands once the gate has caught up, without counting a generation. */
    public void settle(String study, SweepJob.StudyResult r) {
        StudyProgress p = studies.get(study);
        if (p == null) return;
        studies.put(study, p.withRobust(r));
    }

    /**
     * Records a generation's outcome; returns a note when it changes the ladder's course (a plateau,
     * or a new single best that sends the ladder back down), else null.
     */
    public String record(String study, SweepJob.StudyResult r) {
        StudyProgress p = studies.get(study);
        if (p == null) throw new IllegalArgumentException("no study " + study + " on the ladder");
        boolean improved = r.bestId() != null && (!p.hasBest() || r.bestFitness() > p.bestFitness() + s.minImprovement());
        int stale = improved ? 0 : p.stale() + 1;
        boolean plateaued = stale >= s.plateauGenerations() || r.generations() >= s.maxGenerationsPerStudy();
        boolean wasBlending = p.rung() == Rung.SINGLE && p.plateaued() && studies.values().stream().anyMatch(x -> x.rung() != Rung.SINGLE);
        studies.put(study, p.after(r, improved, stale, plateaued));
        if (improved && wasBlending) return "new best in " + study + " (" + fmt(r.bestFitness()) + "): back to the single rung";
        if (plateaued && !p.plateaued()) return study + " plateaued at " + fmt(improved ? r.bestFitness() : p.bestFitness()) + " after "
                + r.generations() + " generations";
        return null;
    }

    /** Best train score per rung over its studies (NaN where none has run). */
    public Map<Rung, StudyProgress> bestPerRung() {
        Map<Rung, StudyProgress> out = new LinkedHashMap<>();
        for (Rung r : Rung.values()) {
            ofRung(r).stream().filter(StudyProgress::hasBest).max(Comparator.comparingDouble(StudyProgress::bestFitness)).ifPresent(p ->
                    out.put(r, p));
        }
        return out;
    }

    // ---- building studies ------------------------------------------------------------------------

    private List<StudyProgress> ofRung(Rung r) { return studies.values().stream().filter(p -> p.rung() == r).toList(); }

    private static StudyProgress leastRun(List<StudyProgress> ps) {
        return ps.stream().min(Comparator.comparingInt(StudyProgress::generations).thenComparing(StudyProgress::name)).orElse(null);
    }

    /**
     * The blend's members: from the best blend_pool singles by train score, the best, then each time
     * the one whose daily returns correlate least (the largest correlation with any member chosen)
     * while that is at most blend_max_correlation, else the next by score. A restart of a strategy
     * (NAME_rK) competes with its first search: only the better of the two is a candidate.
     */
    private List<StudyProgress> topSingles() {
        List<StudyProgress> pool = new ArrayList<>();
        Set<String> strategies = new HashSet<>();
        for (StudyProgress p : ofRung(Rung.SINGLE).stream().filter(x -> x.hasBest() && !x.bestParams().isEmpty())
                .sorted(Comparator.comparingDouble(StudyProgress::bestFitness).reversed().thenComparing(StudyProgress::name)).toList()) {
            if (returns != null && !strategies.add(p.members().get(0))) continue;
            if (pool.size() < (returns == null ? s.blendTopK() : s.blendPool())) pool.add(p);
        }
        if (returns == null || pool.size() <= s.blendTopK()) return pool.subList(0, Math.min(s.blendTopK(), pool.size()));
        List<StudyProgress> chosen = new ArrayList<>(List.of(pool.remove(0)));
        while (chosen.size() < s.blendTopK() && !pool.isEmpty()) {
            StudyProgress pick = null;
            double least = Double.POSITIVE_INFINITY;
            for (StudyProgress c : pool) {
                double worst = Double.NEGATIVE_INFINITY;
                for (StudyProgress m : chosen) worst = Math.max(worst, correlation(daily(c), daily(m)));
                if (worst < least) { least = worst; pick = c; }
            }
            if (!(least <= s.blendMaxCorrelation())) pick = pool.get(0);
            pool.remove(pick);
            chosen.add(pick);
        }
        return chosen;
    }

    private double[] daily(StudyProgress p) {
        return returnsCache.computeIfAbsent(p.name() + "=" + p.bestId(), k -> returns.apply(p));
    }

    /** Pearson correlation of two daily return series over their common (last) sessions; 0 when either is flat. */
    static double correlation(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        if (n < 3) return 0;
        double[] x = Arrays.copyOfRange(a, a.length - n, a.length), y = Arrays.copyOfRange(b, b.length - n, b.length);
        double c = new PearsonsCorrelation().correlation(x, y);
        return Double.isNaN(c) ? 0 : c;
    }

    private static List<String> names(List<StudyProgress> ps) { return ps.stream().map(StudyProgress::name).toList(); }

    private String compositeName(Rung rung, List<StudyProgress> top) {
        StringBuilder key = new StringBuilder();
        for (StudyProgress p : top) key.append(p.name()).append('=').append(p.bestId()).append(';');
        // A searched leverage is another study (a folder of an older daemon keeps its studies as they were).
        if (s.blendLeverage() != null && !s.blendLeverage().isEmpty()) key.append("leverage=").append(s.blendLeverage());
        return rung.name().toLowerCase(Locale.ROOT) + "_" + hash(key.toString());
    }

    /** The optimizers restarts cycle through after the daemon's own: restart 1 CMA-ES, 2 GA, 3 the daemon's again. */
    static final List<Optimizer.Kind> RESTART_OPTIMIZERS = List.of(Optimizer.Kind.CMAES, Optimizer.Kind.GA);

    private Study base(String name, long seedOffset, List<Study.StudySlot> slots, Study.StudyRegime regime) {
        int k = restartIndex(name);
        int cycle = k % (RESTART_OPTIMIZERS.size() + 1);
        String optimizer = cycle == 0 ? s.optimizer() : RESTART_OPTIMIZERS.get(cycle - 1).toString();
        // IPOP: each restart doubles the population (capped so that 2^k cannot overflow).
        int population = (int) Math.min(1 << 20, (long) s.population() << Math.min(k, 20));
        return new Study(name, s.seed() + seedOffset + RESTART_SEED_STRIDE * k, optimizer,
                OptimizerSettings.defaults().withTpeCandidates(s.tpeCandidates()),
                population, 1, 0,
                s.trainYears(), s.testYears(), TOP_N, slots, regime, null, null, null, null);
    }

    /** Seeds of restart k are offset by k × this, away from every first search's offset. */
    static final long RESTART_SEED_STRIDE = 1_000_003L;

    private Study singleStudy(StudyProgress p) {
        String strategy = p.members().get(0);
        List<String> search = new ArrayList<>();
        for (ParamSpec spec : Strategies.get(strategy).space().specs()) search.add(spec.name());
        long offset = s.strategies().indexOf(strategy) + 1;
        return base(p.name(), offset, List.of(new Study.StudySlot(strategy, strategy, 1.0, false, Map.of(), search, p.bounds())), null);
    }

    /** The members' best rows, parameters fixed; weights (blend) or regime weights and thresholds (regime) searched. */
    @SuppressWarnings("unchecked")
    private Study compositeStudy(Rung rung, StudyProgress p, List<StudyProgress> top) {
        List<Study.StudySlot> slots = new ArrayList<>();
        for (StudyProgress m : top) {
            JsonNode slot = m.bestParams().get("strategies").get(0);
            String id = m.members().get(0);
            slots.add(new Study.StudySlot(slot.get("name").asText(), id, 1.0 / top.size(), false,
                    Json.MAPPER.convertValue(slot.get("params"), new TypeReference<Map<String,
                            Object>>() {}),
                    rung == Rung.BLEND ? List.of(Study.WEIGHT) : List.of(), Map.of()));
        }
        Study.StudyRegime regime = null;
        if (rung == Rung.REGIME) {
            List<String> thresholds = RegimeSettings.SPECS.stream().map(ParamSpec::name).toList();
            regime = new Study.StudyRegime("close", Map.of(), thresholds, Map.of(), Map.of(),
                    slots.stream().map(Study.StudySlot::slotId).toList());
        }
        Study st = base(p.name(), 1000L * (rung.ordinal() + 1), slots, regime);
        return s.blendLeverage() == null || s.blendLeverage().isEmpty() ? st : st.toBuilder().leverage(s.blendLeverage()).build();
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fmtPct(double v) { return String.format(Locale.ROOT, "%.0f %%", 100 * v); }

    static String fmt(double v) { return String.format(Locale.ROOT, "%.4f", v); }
}
