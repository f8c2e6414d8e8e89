package sde.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.type.TypeReference;
import sde.io.Json;
import sde.io.Location;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the answer (SPEC §7 `answer`) reads from one study's rows, kept as the rows are written, so that the daemon's
 * answer costs the same after a month as after an hour: a few numbers per generation and per year, never a number per row.
 * <ul>
 *   <li>the rows and the feasible rows (SPEC §4), a failed row counted in neither;</li>
 *   <li>each year's best feasible return in each drawdown band of {@link #CAPS} (the tightest cap the year's drawdown
 *       meets): the feasible frontier, once the bands are run over from tight to loose;</li>
 *   <li>per generation and optimizer, its rows and each year's best feasible return at ≤ {@link #SATURATION_DD_PCT} %
 *       drawdown: the saturation curves, whose clock is the generation;</li>
 *   <li>the years of every row sent to the gate ({@link #keep}): the judged populations' frontier and the victory test
 *       read those, since a verdict arrives after its row and names one id of thousands.</li>
 * </ul>
 * A year whose return or drawdown is not a number is left out everywhere, as the answer leaves it out. Ties between
 * equal returns go to the larger id, then the larger drawdown: Spark SQL's order of {@code struct(ret, id, dd)}, which
 * the answer computed from scratch uses, so that the two agree to the id.
 * <p>
 * {@link #generations()} says which generations it holds: a kill between a generation's rows and its tally leaves the
 * tally one generation behind the rows, and whoever reads it folds the missing generations' rows in.
 */
public final class AnswerTally {
    /** The drawdown caps of the answer's frontier, in %. */
    public static final List<Double> CAPS = List.of(5.0, 10.0, 15.0, 20.0, 25.0, 35.0);
    /** SPEC §4's goal's drawdown: the saturation curves' point. */
    public static final double SATURATION_DD_PCT = 15;
    static final int VERSION = 1;

    /** The best of some rows in Spark SQL's order of {@code struct(ret, id, dd)}. */
    public record Best(double ret, String id, double dd) {
        public static final Comparator<Best> ORDER = Comparator.comparing(Best::ret, AnswerTally::compareDoubles)
                .thenComparing(Best::id).thenComparing(Best::dd, AnswerTally::compareDoubles);

        /** The better of {@code a} (may be null) and {@code b}. */
        public static Best max(Best a, Best b) {
            return a == null || ORDER.compare(b, a) > 0 ? b : a;
        }
    }

    /** One year of a kept row: its return and drawdown, in %. */
    public record YearPoint(int year, double ret, double dd) {}

    /** A row sent to the gate: its years, and its params text (SPEC §7), which the answer's checks run again. */
    public record Kept(List<YearPoint> years, String params) {}

    /** One generation's rows of one optimizer, and each year's best feasible return at ≤ 15 % drawdown. */
    @JsonPropertyOrder(alphabetic = true)
    public record Generation(int generation, String optimizer, long rows, Map<Integer, Best> best15) {}

    /** One band of the feasible frontier: the best feasible return in {@code year} among drawdowns in (the previous cap, {@code cap}]. */
    public record Band(int year, double cap, Best best) {}

    /** The tally as its file holds it. */
    @JsonPropertyOrder(alphabetic = true)
    public record Saved(int version, String study, long rows, long feasibleRows, List<Integer> generationsHeld,
                        List<Generation> generations, List<Band> frontier, Map<String, Kept> kept) {}

    private final String study;
    private long rows, feasibleRows;
    private final TreeSet<Integer> generations = new TreeSet<>();
    /** generation → optimizer → rows, and → year → best at ≤ 15 %. */
    private final TreeMap<Integer, TreeMap<String, long[]>> counts = new TreeMap<>();
    private final TreeMap<Integer, TreeMap<String, TreeMap<Integer, Best>>> best15 = new TreeMap<>();
    /** year → cap index → best. */
    private final TreeMap<Integer, Best[]> frontier = new TreeMap<>();
    private final TreeMap<String, Kept> kept = new TreeMap<>();

    public AnswerTally(String study) {
        this.study = study;
    }

    /** Spark SQL's order of doubles: −0.0 equals 0.0, NaN is the largest. */
    static int compareDoubles(double a, double b) {
        return a == b ? 0 : Double.compare(a, b);
    }

    public String study() { return study; }
    public long rows() { return rows; }
    public long feasibleRows() { return feasibleRows; }
    /** The generations whose rows it holds. */
    public Set<Integer> generations() { return java.util.Collections.unmodifiableSet(generations); }

    /**
     * Adds one row. {@code years} is the row's yearly figures as its {@code years} column holds them (JSON text); a failed
     * row ({@code error} set) is not counted, as the answer does not count it.
     */
    public void add(int generation, String optimizer, String id, boolean feasible, String error, String years) {
        generations.add(generation);
        if (error != null) return;
        rows++;
        counts.computeIfAbsent(generation, g -> new TreeMap<>()).computeIfAbsent(String.valueOf(optimizer), o -> new long[1])[0]++;
        if (!feasible) return;
        feasibleRows++;
        for (YearPoint y : points(id, years)) {
            int cap = tightestCap(y.dd());
            if (cap < 0) continue;
            Best b = new Best(y.ret(), id, y.dd());
            Best[] bands = frontier.computeIfAbsent(y.year(), k -> new Best[CAPS.size()]);
            bands[cap] = Best.max(bands[cap], b);
            if (y.dd() <= SATURATION_DD_PCT) {
                best15.computeIfAbsent(generation, g -> new TreeMap<>()).computeIfAbsent(String.valueOf(optimizer), o -> new TreeMap<>())
                        .merge(y.year(), b, Best::max);
            }
        }
    }

    /** Keeps the years and params of a row sent to the gate: the judged populations are read from these. */
    public void keep(String id, String years, String params) {
        kept.put(id, new Kept(points(id, years), params));
    }

    /** What was kept of {@code id}, or null when it was never sent to the gate here. */
    public Kept kept(String id) {
        return kept.get(id);
    }

    public Set<String> keptIds() {
        return java.util.Collections.unmodifiableSet(kept.keySet());
    }

    /**
     * The ids the tally's figures name as it stands: each frontier band's best, and each year's best at ≤ 15 % of
     * {@code generation}. What the answer can ever read a row's years for, besides the rows sent to the gate.
     */
    public Set<String> winners(int generation) {
        Set<String> out = new TreeSet<>();
        frontier.values().forEach(bands -> {
            for (Best b : bands) if (b != null) out.add(b.id());
        });
        best15.getOrDefault(generation, new TreeMap<>()).values().forEach(byYear -> byYear.values().forEach(b -> out.add(b.id())));
        return out;
    }

    /** The generations' rows and ≤ 15 % bests, generation by generation. */
    public List<Generation> generationRows() {
        List<Generation> out = new ArrayList<>();
        counts.forEach((g, byOpt) -> byOpt.forEach((o, n) -> out.add(new Generation(g, o, n[0],
                best15.getOrDefault(g, new TreeMap<>()).getOrDefault(o, new TreeMap<>())))));
        return out;
    }

    /** The feasible frontier's bands, year by year, tightest cap first. */
    public List<Band> bands() {
        List<Band> out = new ArrayList<>();
        frontier.forEach((y, bands) -> {
            for (int c = 0; c < bands.length; c++) if (bands[c] != null) out.add(new Band(y, CAPS.get(c), bands[c]));
        });
        return out;
    }

    /** The index in {@link #CAPS} of the tightest cap {@code dd} meets, or −1 when it meets none. */
    public static int tightestCap(double dd) {
        for (int c = 0; c < CAPS.size(); c++) if (dd <= CAPS.get(c)) return c;
        return -1;
    }

    private static List<YearPoint> points(String id, String years) {
        if (years == null) return List.of();
        List<YearFigures> ys;
        try {
            ys = Json.MAPPER.readValue(years, new TypeReference<List<YearFigures>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(id + ": unreadable years JSON", e);
        }
        List<YearPoint> out = new ArrayList<>(ys.size());
        for (YearFigures y : ys) {
            if (!Double.isNaN(y.returnPct()) && !Double.isNaN(y.maxDdPct())) out.add(new YearPoint(y.year(), y.returnPct(), y.maxDdPct()));
        }
        return out;
    }

    // ---- the file ----------------------------------------------------------------------------------

    public Saved saved() {
        return new Saved(VERSION, study, rows, feasibleRows, List.copyOf(generations), generationRows(), bands(), new TreeMap<>(kept));
    }

    /** Writes the tally to {@code file}, whole or not at all (one line of JSON). */
    public void write(Location file) {
        file.write(Json.compact(saved()) + "\n");
    }

    /** The tally in {@code file}, or null when there is none or it was written by another version. */
    public static AnswerTally read(Location file) {
        Saved s = Json.readAs(file, Saved.class);
        if (s == null || s.version() != VERSION) return null;
        AnswerTally t = new AnswerTally(s.study());
        t.rows = s.rows();
        t.feasibleRows = s.feasibleRows();
        t.generations.addAll(s.generationsHeld());
        for (Generation g : s.generations()) {
            t.counts.computeIfAbsent(g.generation(), k -> new TreeMap<>()).put(g.optimizer(), new long[]{g.rows()});
            if (!g.best15().isEmpty()) {
                t.best15.computeIfAbsent(g.generation(), k -> new TreeMap<>()).put(g.optimizer(), new TreeMap<>(g.best15()));
            }
        }
        for (Band b : s.frontier()) t.frontier.computeIfAbsent(b.year(), k -> new Best[CAPS.size()])[CAPS.indexOf(b.cap())] = b.best();
        t.kept.putAll(s.kept());
        return t;
    }

    /** The ids with a verdict file in the sweep folder {@code out} (validations/ID.json): the rows whose years are kept. */
    public static Set<String> judged(Location out) {
        Set<String> ids = new TreeSet<>();
        for (Location f : out.resolve("validations").children()) {
            if (f.name().endsWith(".json")) ids.add(f.name().substring(0, f.name().length() - ".json".length()));
        }
        return ids;
    }

    /** Where a study's tally lives in its sweep folder. */
    public static Location file(Location out, String study) {
        return out.resolve("tallies").resolve(study + ".json");
    }
}
