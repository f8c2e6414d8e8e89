package sde.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sde.backtest.BacktestSettings;
import sde.backtest.Engine;
import sde.backtest.RunOutputs;
import sde.backtest.RunResult;
import sde.backtest.RunSpec;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.MarketData;
import sde.io.AtomicFiles;
import sde.metrics.Summary;
import sde.metrics.YearStats;
import sde.param.Params;
import picocli.CommandLine.Option;
import sde.io.Json;
import sde.param.ParamSpec;
import sde.pricing.Model;
import sde.results.Feasibility;
import sde.strategy.Strategies;
import sde.strategy.Strategy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = {"Lists every strategy with its parameter space (SPEC §7); --json for the optimizer's form.",
                "--doc FILE backtests every strategy with its defaults on the data (and all of them on one equity) and",
                "rewrites FILE's table between the results markers: `jobs/sde strategies --doc docs/strategies.md`."})
public final class StrategiesCommand implements Callable<Integer> {
    static final String BEGIN = "<!-- results:begin (jobs/sde strategies --doc docs/strategies.md) -->", END = "<!-- results:end -->";

    @Mixin CommonOptions common;

    @Option(names = "--json", description = "A JSON list of {name, params}.")
    boolean json;

    @Option(names = "--doc", paramLabel = "FILE", description = "Regenerate the default-results table in this markdown file.")
    Path doc;

    /** A strategy as {@code strategies --json} lists it. */
    @JsonPropertyOrder(alphabetic = true)
    record Listed(String name, List<Param> params) {}

    /** A declared parameter: its type, its choices or its range and step, its default. */
    @JsonPropertyOrder(alphabetic = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Param(String name, String type, List<String> choices, Double min, Double max, Double step,
                 @JsonInclude(JsonInclude.Include.ALWAYS)
                 @JsonProperty("default") Object dflt, Boolean log) {}

    @Override
    public Integer call() throws IOException {
        if (doc != null) return writeDoc();
        List<Listed> out = new ArrayList<>();
        for (Strategy<?> s : Strategies.all()) {
            List<Param> params = new ArrayList<>();
            for (ParamSpec p : s.space().specs()) {
                boolean choice = p.type() == ParamSpec.Type.CHOICE, ranged = !choice && p.type() != ParamSpec.Type.BOOL;
                params.add(new Param(p.name(), p.type().name().toLowerCase(Locale.ROOT), choice ? p.choices() : null,
                        ranged ? p.lo() : null, ranged ? p.hi() : null, ranged ? p.step() : null, p.dflt(), p.log() ? Boolean.TRUE : null));
            }
            out.add(new Listed(s.name(), params));
        }
        if (json) {
            System.out.println(Json.toJson(out));
        } else {
            System.out.print(table(out));
        }
        return 0;
    }

    /** The listing as a reader scans it: a strategy's name, then one aligned line per parameter. */
    static String table(List<Listed> out) {
        StringBuilder sb = new StringBuilder();
        for (Listed m : out) {
            sb.append(m.name()).append('\n');
            sb.append(String.format(Locale.ROOT, "  %-22s %-7s %-48s %-10s %s", "parameter", "type", "range or choices", "default", "step")
                    .stripTrailing()).append('\n');
            for (Param p : m.params()) {
                String range = p.choices() != null ? String.join(" | ", p.choices())
                        : p.min() != null ? num(p.min()) + " .. " + num(p.max()) + (Boolean.TRUE.equals(p.log()) ? " (log)" : "")
                        : "true | false";
                sb.append(String.format(Locale.ROOT, "  %-22s %-7s %-48s %-10s %s", p.name(), p.type(), range,
                        p.dflt() instanceof Double d ? num(d) : String.valueOf(p.dflt()), p.step() == null ? "" : num(p.step()))
                        .stripTrailing()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private int writeDoc() throws IOException {
        String text = Files.readString(doc);
        int b = text.indexOf(BEGIN), e = text.indexOf(END);
        if (b < 0 || e < b) throw new IllegalArgumentException(doc + ": no '" + BEGIN + "' ... '" + END + "' markers");
        SdeConfig cfg = ConfigLoader.load(common.config, common.overrides);
        MarketData md = common.marketData(cfg, common.dataDir().dir());
        StringBuilder per = new StringBuilder(), all = new StringBuilder();
        per.append("| strategy | year | return % | max DD % | trades | Sharpe |\n|---|---:|---:|---:|---:|---:|\n");
        all.append("| strategy | CAGR % | max DD % | Sharpe | trades | losing years | tier "
                + "| feasible (SPEC §4, train years) | capacity cut |\n"
                + "|---|---:|---:|---:|---:|---:|---|---|---:|\n");
        List<RunSpec.SlotSpec> blend = new ArrayList<>();
        List<Strategy<?>> every = Strategies.all();
        // The same runs on the low and high surfaces of the model band (SPEC §5 model risk): the range
        // in which the real premiums lay decides how far any default's result can be believed.
        Engine engine = Engine.of(md, cfg.pricing());
        Engine low = engine.on(Model.LOW), high = engine.on(Model.HIGH);
        StringBuilder sens = new StringBuilder(String.format(Locale.ROOT,
                "| strategy | CAGR %% low surface (each bucket's low edge) | CAGR %% fitted "
                        + "| CAGR %% high surface (each bucket's high edge)"
                        + " | losing years low / high |%n|---|---:|---:|---:|---:|%n"));
        for (Strategy<?> s : every) {
            Params p = s.space().resolve(Map.of(), "");
            blend.add(new RunSpec.SlotSpec(s.name(), s.name(), 1.0 / every.size(), p));
            List<RunSpec.SlotSpec> alone = List.of(new RunSpec.SlotSpec(s.name(), s.name(), 1.0, p));
            Summary base = row(engine, cfg, s.name(), alone, cfg.backtest(), per, all);
            Summary lo = summary(low, cfg, alone, cfg.backtest()), hi = summary(high, cfg, alone, cfg.backtest());
            sens.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %d / %d of %d |%n", s.name(), lo.cagrPct(), base.cagrPct(),
                    hi.cagrPct(), lo.years().stream().filter(y -> y.returnPct() < 0).count(),
                    hi.years().stream().filter(y -> y.returnPct() < 0).count(), lo.years().size()));
        }
        // Equal weights on one account; the larger capital lets a 1/17 slot hold one cash-secured SPY put.
        var big = ConfigLoader.load(common.config, concat(common.overrides, "backtest.starting_capital=2000000")).backtest();
        row(engine, cfg, "all " + every.size() + ", equal weights (2,000,000)", blend, big, per, all);
        String table = "Data fingerprint " + md.fingerprint() + (md.synthetic() ? " (SYNTHETIC: not a result)" : " (the real data)")
                + "; every strategy at its declared defaults (`jobs/sde strategies`), " + cfg.backtest().firstYear() + "–"
                + cfg.backtest().lastYear() + ", starting capital " + (long) cfg.backtest().startingCapital() + ".\n\n" + all + "\n" + per
                + "\n### Model risk: the same defaults on the low and high surfaces of the model band\n\n" + sens
                + "\n### Parameters (name = default [bounds])\n\n" + params(every);
        String out = text.substring(0, b + BEGIN.length()) + "\n" + table + text.substring(e);
        AtomicFiles.writeString(doc, out);
        System.out.println("wrote " + every.size() + " strategies' default results into " + doc);
        return 0;
    }

    private static String params(List<Strategy<?>> every) {
        StringBuilder sb = new StringBuilder();
        for (Strategy<?> s : every) {
            sb.append("- **").append(s.name()).append("**: ");
            List<String> items = new ArrayList<>();
            for (ParamSpec p : s.space().specs()) {
                String range = switch (p.type()) {
                    case CHOICE -> String.join(" | ", p.choices());
                    case BOOL -> "true | false";
                    case INT -> (long) p.lo() + "–" + (long) p.hi();
                    case DOUBLE -> fmt(p.lo()) + "–" + fmt(p.hi());
                };
                items.add("`" + p.name() + "` = " + p.dflt() + " [" + range + "]");
            }
            sb.append(String.join(", ", items)).append('\n');
        }
        return sb.toString();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    private static Summary summary(Engine engine, SdeConfig cfg, List<RunSpec.SlotSpec> slots,
            BacktestSettings b) {
        return RunOutputs.summarize(run(engine, cfg, slots, b));
    }

    private static RunResult run(Engine engine, SdeConfig cfg, List<RunSpec.SlotSpec> slots,
                                              BacktestSettings b) {
        return engine.run(new RunSpec(slots, b, cfg.backtest().firstYear() + "-01-01", cfg.backtest().lastYear() + "-12-31"));
    }

    private static Summary row(Engine engine, SdeConfig cfg, String name, List<RunSpec.SlotSpec> slots,
            BacktestSettings b,
                               StringBuilder per, StringBuilder all) {
        RunResult r = run(engine, cfg, slots, b);
        Summary s = RunOutputs.summarize(r);
        List<Integer> train = cfg.validate().trainYears();
        double violation = RunOutputs.summarizeWindow(r, train.get(0), train.get(1)).violation(Feasibility.DEFAULT);
        int losing = 0;
        for (YearStats y : s.years()) {
            per.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %d | %.2f |%n", name, y.year(), y.returnPct(), y.maxDdPct(),
                    y.trades(), y.sharpe()));
            if (y.returnPct() < 0) losing++;
        }
        all.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %d | %d of %d | %s | %s | %d |%n",
                name, s.cagrPct(), s.maxDdPct(), s.sharpe(), s.trades(), losing, s.years().size(), s.tier(),
                violation == 0 ? "yes" : String.format(Locale.ROOT, "no (%.2f)", violation), s.capacityBoundTrades()));
        System.out.printf(Locale.ROOT, "%-40s CAGR %7.2f%%  maxDD %6.2f%%  losing years %d%n", name, s.cagrPct(), s.maxDdPct(), losing);
        return s;
    }
}
