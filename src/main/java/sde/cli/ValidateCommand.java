package sde.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sde.backtest.Engine;
import sde.backtest.RunOutputs;
import sde.backtest.RunSpec;
import sde.backtest.Trade;
import sde.config.SdeConfig;
import sde.data.Dates;
import sde.data.MarketData;
import sde.io.HadoopPaths;
import sde.io.Json;
import sde.daemon.SearchGate;
import sde.io.Location;
import sde.spark.SparkBackend;
import sde.spark.SparkMonteCarlo;
import sde.sweep.LeaderGate;
import sde.sweep.SweepContext;
import sde.validate.GateSettings;
import sde.validate.MonteCarlo;
import sde.validate.Stress;
import sde.validate.Validator;
import sde.validate.GateReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"The validation gate (SPEC §5) for one candidate: consistency, walk-forward, sensitivity (seeded variants",
                "evaluated as a Spark Dataset), trade count, regime diversity, drawdown reality, overfit score and verdict,",
                "with the Deflated Sharpe Ratio over the study's trials and the PBO over its top configurations.",
                "Writes OUT/validations/ID.json beside the leaderboard."})
public final class ValidateCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    static final class Target {
        @Option(names = "--id", paramLabel = "ID", description = "A row of OUT/leaderboard.parquet.") String id;
        @Option(names = "--params", paramLabel = "FILE", description = "A params JSON or summary.json.") Path params;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--out", paramLabel = "DIR|URI", defaultValue = "output",
            description = "Where the leaderboard is and the verdict goes: a folder or Hadoop URI (default output).")
    Location out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--final", description = "Replay the candidate once on the untouched year (validate.final_year) and record it.")
    boolean fin;

    /** validations/ID.final.json: the candidate's one replay on the untouched year. */
    @JsonPropertyOrder(alphabetic = true)
    record FinalYear(String id, int year, String through, double returnPct, double maxDdPct, int trades, double sharpe, String note) {}

    /** The untouched year, replayed once; a second replay is refused. */
    private int finalYear(SdeConfig cfg, MarketData md, RunSpec spec, String id) {
        Location file = out.resolve("validations").resolve(id + ".final.json");
        if (file.isFile()) throw new IllegalArgumentException(file + " exists: the untouched year is replayed once per candidate");
        int y = cfg.validate().finalYear();
        if (Dates.year(md.lastDay()) < y) throw new IllegalArgumentException("the data end " + Dates.format(md.lastDay())
                + " before " + y);
        RunSpec once = new RunSpec(spec.strategies(), spec.backtest().withYears(y, y), y + "-01-01", y + "-12-31", spec.regime());
        var r = Engine.of(md, cfg.pricing()).run(once);
        var s = RunOutputs.summarize(r);
        FinalYear doc = new FinalYear(id, y, Dates.format(r.days()[r.days().length - 1]), s.years().get(0).returnPct(),
                s.maxDdPct(),
                s.trades(), s.sharpe(), "the only truly out-of-sample figure: no optimizer or gate step has seen this year");
        Json.write(file, doc);
        System.out.printf("untouched year %d (to %s): return %.2f%%, max DD %.2f%%, %d trades, Sharpe %.2f%nwrote %s%n", y,
                doc.through(), doc.returnPct(), doc.maxDdPct(), doc.trades(), doc.sharpe(), file);
        return 0;
    }

    @Override
    public Integer call() throws Exception {
        SdeConfig cfg = common.config();
        GateSettings g = cfg.validate();
        MarketData md = common.marketData(cfg, common.dataDir().dir());
        SparkSession spark = CommonOptions.spark("sde-validate", master);
        try {
            RunSpec spec;
            String id;
            String studyName = null;
            double[] sharpes = new double[0];
            List<String> top = new ArrayList<>();
            if (target.id != null) {
                Location lb = out.resolve("leaderboard.parquet");
                if (!lb.hasParquet()) throw new IllegalArgumentException("--id: no leaderboard at " + lb);
                var all = spark.read().parquet(HadoopPaths.literal(lb.uri()));
                List<Row> row = all.where(col("id").equalTo(target.id)).select("study", "params").limit(1).collectAsList();
                if (row.isEmpty()) throw new IllegalArgumentException("--id " + target.id + ": not in " + lb);
                String study = row.get(0).getString(0);
                studyName = study;
                id = target.id;
                spec = cfg.specs().read(row.get(0).getString(1), "leaderboard row " + id);
                var rows = all.where(col("study").equalTo(study).and(col("error").isNull()));
                sharpes = rows.select("sharpe").collectAsList().stream().mapToDouble(r -> r.getDouble(0)).toArray();
                // PBO's candidates are what the search would rank first: feasible rows by objective (SPEC §4).
                // A folder written before feasibility was recorded has no such column: its rows rank as they always did.
                Dataset<Row> feasible = Arrays.asList(rows.columns()).contains("violation")
                        ? rows.where(col("violation").equalTo(0)) : rows;
                for (Row r : feasible.orderBy(col("fitness").desc(), col("id").asc()).limit(g.pboTop()).select("params").collectAsList()) {
                    top.add(r.getString(0));
                }
            } else {
                spec = cfg.specs().read(Json.MAPPER.readTree(target.params.toFile()), target.params.toString());
                id = spec.id(md.fingerprint(), cfg.pricing().fingerprint());
            }
            if (fin) return finalYear(cfg, md, spec, id);
            // The gate the search uses, on conf's walk-forward years, its variants scored by the same Spark job.
            SweepContext ctx = SparkBackend.context(spark, md, cfg.pricing(), cfg.backtest(), cfg.regime());
            GateReport v = (GateReport) new SearchGate(ctx, g, cfg.coverage())
                    .judge(new LeaderGate.Leader(id, spec, sharpes, top, g.trainYears(), g.testYears(), spec.backtest())).document();
            var run = Engine.of(md, cfg.pricing()).run(spec);
            double years = (run.days()[run.days().length - 1] - run.days()[0]) / 365.25;
            MonteCarlo.Report mc = SparkMonteCarlo.run(spark, Validator.dailyReturns(run),
                    run.trades().stream().mapToDouble(Trade::pnl).toArray(), run.startingCapital(), years, g.mcMeanBlock(),
                    g.seed(), g.mcPaths(), 0);
            Map<String, Stress.Figures> stress = Stress.run(md, cfg.pricing(), spec,
                    new Stress.Settings(g.stressCrashDate(), g.stressGapPct(), g.stressVolFactor(), g.stressVolDays(),
                            g.stressHaltDate()));
            // SPEC §7: snake_case keys (overfit_score, base_score, variant_scores), as every JSON the engine writes.
            ObjectNode doc = Json.MAPPER.valueToTree(v);
            doc.set("monte_carlo", Json.MAPPER.valueToTree(mc));
            doc.set("stress", Json.MAPPER.valueToTree(stress));
            Location file = out.resolve("validations").resolve(id + ".json");
            Json.write(file, doc);
            System.out.print(Validator.report(v));
            System.out.print(mc.table());
            System.out.print(Stress.table(stress));
            // The rest of the one-screen report, where it exists: the untouched year and the study's walk-forward.
            String fin = out.resolve("validations").resolve(id + ".final.json").read().orElse(null);
            if (fin == null) {
                System.out.println("  untouched year: not replayed yet (validate --final, once)");
            } else {
                var y = Json.MAPPER.readTree(fin);
                System.out.printf(Locale.ROOT,
                        "  untouched year %d (to %s): return %.2f %%, max DD %.2f %%, %d trades, Sharpe %.2f%n",
                        y.path("year").asInt(), y.path("through").asText(), y.path("return_pct").asDouble(),
                                y.path("max_dd_pct").asDouble(),
                        y.path("trades").asInt(), y.path("sharpe").asDouble());
            }
            if (studyName != null) {
                String wf = out.resolve("walkforward").resolve(studyName).resolve("walkforward.json").read().orElse(null);
                System.out.println("  walk-forward of " + studyName + ": " + (wf != null
                        ? Json.MAPPER.readTree(wf).get("out_of_sample").toString() : "not run yet (walkforward --study FILE)"));
            }
            System.out.println("wrote " + file);
            return 0;
        } finally {
            spark.stop();
        }
    }
}
