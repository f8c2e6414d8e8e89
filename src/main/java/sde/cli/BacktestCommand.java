package sde.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sde.backtest.Engine;
import sde.backtest.RunOutputs;
import sde.backtest.RunResult;
import sde.backtest.RunSpec;
import sde.backtest.RunSummary;
import sde.backtest.WorstCase;
import sde.results.Objective;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.SyntheticMarket;
import sde.io.Json;
import sde.metrics.Summary;
import sde.pricing.Model;
import sde.results.Feasibility;
import sde.strategy.Strategies;
import sde.strategy.Strategy;
import sde.validate.Coverage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Backtests one strategy (--strategy, defaults overridden by --set param=value) or a blend (--params FILE,",
                "the `params` object of a summary.json) over the evaluated years; writes OUT/{summary.json, trades.csv,",
                "equity.csv, monthly.csv} (default output/runs/ID) and prints the per-year table (SPEC §3-4, §7).",
                "--set keys starting with data., pricing., backtest. … override conf/sde.yaml instead."})
public final class BacktestCommand implements Callable<Integer> {
    private static final Set<String> CONFIG_SECTIONS = Set.of("data", "fetch", "synthetic", "pricing", "backtest");

    @Mixin CommonOptions common;

    @Option(names = "--strategy", paramLabel = "NAME", description = "A strategy name (`jobs/sde strategies`).")
    String strategy;

    @Option(names = "--symbol", paramLabel = "SYM", description = "The strategy's symbol parameter.")
    String symbol;

    @Option(names = "--params", paramLabel = "FILE", description = "A params JSON (or a whole summary.json).")
    Path params;

    @Option(names = "--from", paramLabel = "DATE", description = "First evaluated day (default backtest.first_year-01-01).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last evaluated day (default backtest.last_year-12-31).")
    String to;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default output/runs/ID).")
    Path out;

    @Option(names = "--model", defaultValue = "base", paramLabel = "base|low|high",
            description = {"Price on the fitted surface (base) or on the low or high edge of its model band (SPEC §5 model risk,",
                    "docs/pricing.md); a low or high run's id ends in -low or -high (default base)."})
    String model;

    @Option(names = "--demo", description = "Run on the seeded SYNTHETIC market (labeled so in every output).")
    boolean demo;

    @Override
    public Integer call() throws IOException {
        List<String> configSets = new ArrayList<>(), paramSets = new ArrayList<>();
        for (String s : common.overrides) {
            String head = s.contains(".") ? s.substring(0, s.indexOf('.')) : "";
            (CONFIG_SECTIONS.contains(head) ? configSets : paramSets).add(s);
        }
        SdeConfig cfg = ConfigLoader.load(common.config, configSets);
        RunSpec spec = spec(cfg, paramSets);
        MarketData md;
        if (demo) {
            md = SyntheticMarket.generate(cfg.synthetic().seed(), ConfigLoader.date("config", "synthetic.from",
                    cfg.synthetic().from()),
                    ConfigLoader.date("config", "synthetic.to", cfg.synthetic().to()));
            System.out.println("*** SYNTHETIC MARKET (seed " + cfg.synthetic().seed() + "): a demo, not a result ***");
        } else {
            md = common.marketData(cfg, common.dataDir().dir());
        }
        long t0 = System.nanoTime();
        Model m = Model.parse(model);
        if (m != Model.BASE) System.out.println("*** priced on the " + m + " surface of the model band ***");
        ConfigLoader.date("--from", "from", spec.from());   // a bad date is named by its option before anything runs
        ConfigLoader.date("--to", "to", spec.to());
        Engine engine = Engine.of(md, cfg.pricing().model(m));
        RunResult r = engine.run(spec);
        double wallMs = (System.nanoTime() - t0) / 1e6;
        Summary s = RunOutputs.summarize(r);
        String id = spec.id(md.fingerprint(), cfg.pricing().fingerprint())
                + (m == Model.BASE ? "" : "-" + m.name().toLowerCase(Locale.ROOT));
        Path dir = out != null ? out : (demo ? Path.of("output", "demo", "runs", id) : Path.of("output", "runs", id));
        List<Integer> train = cfg.validate().trainYears();
        boolean coversTrain = Dates.year(r.days()[0]) < train.get(0) && Dates.year(r.days()[r.days().length - 1]) >= train.get(1);
        Summary trainWindow = coversTrain ? RunOutputs.summarizeWindow(r, train.get(0), train.get(1)) : s;
        RunSummary summary = RunOutputs.summaryJson(id, spec, r, s, trainWindow, md.fingerprint(), wallMs)
                .onModel(m.name().toLowerCase(Locale.ROOT));
        if (m == Model.BASE && coversTrain) {
            // SPEC §4, §7: what the search ranks this run by, its worst case over the model band.
            WorstCase w = WorstCase.of(engine, spec, r, trainWindow, train.get(0), train.get(1), Objective.SCORE);
            Summary worstAll = w.run() == r ? s : RunOutputs.summarize(w.run());
            summary = summary.withWorst(w, worstAll, RunOutputs.years(s, worstAll), w.train().violation(Feasibility.DEFAULT));
        }
        RunOutputs.write(dir, summary, r);
        System.out.print(RunOutputs.table(s));
        String violation = summary.feasible() ? "" : String.format(Locale.ROOT, ", violation %.3f", summary.violation());
        System.out.printf(Locale.ROOT, "%s (SPEC §4 over %s: max DD <= %.0f %%, >= %d closed trades every year, no ruin)%s;"
                        + " capacity cut %d orders (SPEC §2)%n", summary.feasible() ? "feasible" : "INFEASIBLE",
                coversTrain ? train.get(0) + "-" + train.get(1) : "the run", Feasibility.DEFAULT.maxDrawdownPct(),
                Feasibility.DEFAULT.minTradesPerYear(), violation, s.capacityBoundTrades());
        if (summary.worstSurface() != null) {
            System.out.printf(Locale.ROOT, "worst case over the model band (SPEC §4, what the search ranks by): score %.4f on the %s"
                            + " surface%n",
                    summary.scoreWorst(), summary.worstSurface().equals("centre") ? "centre's own" : summary.worstSurface());
        }
        // SPEC §5 model coverage: where the option P&L was made, and whether real data checked the model there.
        System.out.println("model coverage (SPEC §5): " + Coverage.of(r.cellGrossPnl(), cfg.coverage()).describe());
        System.out.printf("run %s in %.0f ms; wrote %s%n", id, wallMs, dir);
        return 0;
    }

    private RunSpec spec(SdeConfig cfg, List<String> paramSets) throws IOException {
        if ((strategy == null) == (params == null)) throw new IllegalArgumentException("give exactly one of --strategy NAME and "
                + "--params FILE");
        RunSpec spec;
        if (params != null) {
            if (!paramSets.isEmpty()) throw new IllegalArgumentException("--set " + paramSets.get(0)
                    + ": with --params, put strategy values in the file");
            spec = cfg.specs().read(Json.MAPPER.readTree(params.toFile()), params.toString());
        } else {
            Strategy<?> st = Strategies.get(strategy);
            Map<String, Object> raw = new LinkedHashMap<>();
            if (symbol != null) raw.put("symbol", symbol.toUpperCase(Locale.ROOT));
            for (String kv : paramSets) {
                int eq = kv.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("--set " + kv + ": expected key=value");
                raw.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            }
            spec = new RunSpec(List.of(new RunSpec.SlotSpec(strategy, strategy, 1.0, st.space().resolve(raw, "--set "))),
                    cfg.backtest(), cfg.backtest().firstYear() + "-01-01", cfg.backtest().lastYear() + "-12-31");
        }
        return new RunSpec(spec.strategies(), spec.backtest(), from != null ? from : spec.from(), to != null ? to : spec.to(),
                spec.regime());
    }
}
