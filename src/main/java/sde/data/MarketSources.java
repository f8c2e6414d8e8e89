package sde.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The raw series of one data folder, as its MANIFEST.csv names them, before alignment.
 *
 * @param adjustedOnly symbols whose bars are dividend-adjusted only (manifest kind bars_adjusted)
 * @param unavailable  series the manifest lists without a file, with its note (RVX here)
 * @param ignoredEvents event names in a calendar that are not an {@link EventType}, with counts
 */
public record MarketSources(String origin,
                            Map<Symbol, RawSeries> bars,
                            Set<Symbol> adjustedOnly,
                            Map<Symbol, RawSeries> dividends,
                            Map<SeriesId, RawSeries> scalars,
                            Map<EventType, int[]> events,
                            Map<String, String> unavailable,
                            Map<String, Integer> ignoredEvents,
                            List<String> warnings) {

    public static MarketSources fromFolder(Path dir) {
        Manifest manifest = Manifest.read(dir);
        Map<Symbol, RawSeries> bars = new EnumMap<>(Symbol.class);
        Set<Symbol> adjusted = EnumSet.noneOf(Symbol.class);
        Map<Symbol, RawSeries> dividends = new EnumMap<>(Symbol.class);
        Map<SeriesId, RawSeries> scalars = new EnumMap<>(SeriesId.class);
        Map<EventType, List<Integer>> events = new EnumMap<>(EventType.class);
        Map<String, String> unavailable = new TreeMap<>();
        Map<String, Integer> ignored = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        Path mf = dir.resolve(Manifest.FILE_NAME);

        for (Manifest.Entry e : manifest.entries()) {
            if (!e.available()) {
                unavailable.put(e.series(), e.note());
                continue;
            }
            Path file = manifest.resolve(e);
            switch (e.kind()) {
                case "bars_raw", "bars_adjusted" -> {
                    Symbol s = symbol(mf, e);
                    boolean raw = e.kind().equals("bars_raw");
                    boolean haveRaw = bars.containsKey(s) && !adjusted.contains(s);
                    if (raw ? haveRaw : adjusted.contains(s)) {
                        throw new DataException(mf, e.line(), "second " + e.kind() + " file for " + s);
                    }
                    if (!raw && haveRaw) continue;  // raw prices win: strikes refer to unadjusted prices (SPEC §1)
                    RawSeries series = SeriesReader.read(s.name(), file);
                    requireBars(series, file);
                    bars.put(s, series);
                    if (raw) adjusted.remove(s); else adjusted.add(s);
                }
                case "dividends" -> {
                    Symbol s = symbol(mf, e);
                    RawSeries d = SeriesReader.read(s + " dividends", file);
                    if (d.layout() != Layout.DIVIDENDS) {
                        throw new DataException(file, 1, "expected a dividends file (Date,Dividend), found a " + d.layout() + " header");
                    }
                    dividends.put(s, d);
                }
                case "index", "rate" -> {
                    SeriesId id = SeriesId.find(e.series());
                    if (id == null) {
                        throw new DataException(mf, e.line(), "unknown series '" + e.series() + "'; known: "
                                + java.util.Arrays.toString(SeriesId.values()));
                    }
                    if (scalars.containsKey(id)) throw new DataException(mf, e.line(), "second file for " + id);
                    scalars.put(id, SeriesReader.read(id.name(), file));
                }
                case "calendar" -> {
                    SeriesReader.readEvents(e.series(), file).forEach((name, days) -> {
                        EventType t = EventType.find(name);
                        if (t == null) {
                            ignored.merge(name, days.length, Integer::sum);
                        } else {
                            List<Integer> acc = events.computeIfAbsent(t, k -> new ArrayList<>());
                            for (int d : days) acc.add(d);
                        }
                    });
                }
                default -> { /* options_* rows belong to the pricing layer */ }
            }
        }
        Map<EventType, int[]> ev = new EnumMap<>(EventType.class);
        events.forEach((t, l) -> ev.put(t, l.stream().mapToInt(Integer::intValue).sorted().distinct().toArray()));
        return new MarketSources(dir.toString(), bars, adjusted, dividends, scalars, ev, unavailable, ignored, warnings);
    }

    private static Symbol symbol(Path mf, Manifest.Entry e) {
        try {
            return Symbol.parse(e.series());
        } catch (IllegalArgumentException ex) {
            throw new DataException(mf, e.line(), ex.getMessage());
        }
    }

    private static void requireBars(RawSeries s, Path file) {
        if (!s.hasOhlc()) {
            throw new DataException(file, 1, "expected daily bars (Date,Open,High,Low,Close,…), found a " + s.layout() + " header");
        }
    }
}
