package sde.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sde.config.SdeConfig;
import sde.data.MarketData;
import sde.io.Location;
import sde.spark.SparkBackend;
import sde.sweep.Study;
import sde.sweep.WalkForward;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "walkforward", mixinStandardHelpOptions = true,
        description = {"Rolling anchored walk-forward with re-optimisation: for each year y after the first two of the study,",
                "the study is searched again on [first, y-1] only, its leader played through y, and the test years stitched",
                "into one out-of-sample curve. Writes OUT/walkforward/STUDY/{walkforward.json, walkforward_equity.csv}."})
public final class WalkforwardCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--study", required = true, paramLabel = "FILE", description = "The study (see conf/study.yaml).")
    Path studyFile;

    @Option(names = "--generations", paramLabel = "N", description = "Generations per window (default: the study's).")
    Integer generations;

    @Option(names = "--population", paramLabel = "N", description = "Population per window (default: the study's).")
    Integer population;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--out", paramLabel = "DIR|URI", defaultValue = "output", description = "Output folder or Hadoop URI (default output).")
    Location out;

    @Override
    public Integer call() throws Exception {
        SdeConfig cfg = common.config();
        Study study = Study.load(studyFile).with(generations, population);
        MarketData md = common.marketData(cfg, common.dataDir().dir());
        SparkSession spark = CommonOptions.spark("sde-walkforward " + study.name(), master);
        try {
            Location dir = out.resolve("walkforward").resolve(study.name());
            WalkForward.Result r = WalkForward.run(SparkBackend.context(spark, md, cfg.pricing(), cfg.backtest(), cfg.regime()),
                    study, dir, System.out);
            System.out.println("out-of-sample (stitched test years): " + r.outOfSample());
            System.out.println("wrote " + dir.resolve("walkforward.json"));
            return 0;
        } finally {
            spark.stop();
        }
    }
}
