package sde.config;

import java.util.List;
import sde.backtest.BacktestSettings;
import sde.backtest.SpecReader;
import sde.benchmark.BenchmarkSettings;
import sde.daemon.DaemonSettings;
import sde.pricing.PricingSettings;
import sde.regime.RegimeSettings;
import sde.validate.CoverageSettings;
import sde.validate.GateSettings;

/** Defaults from conf/sde.yaml with --set overrides applied; see that file for what each key means.
 * Each layer owns the record of its own settings (sde.pricing.PricingSettings); this only assembles them. */
public record SdeConfig(Data data, Fetch fetch, Synthetic synthetic, PricingSettings pricing,
                        BacktestSettings backtest, RegimeSettings regime,
                        GateSettings validate, DaemonSettings daemon,
                        BenchmarkSettings benchmark, CoverageSettings coverage) {


    public record Data(String loadFrom, String loadTo, String auditFrom, String auditTo, List<String> requiredSeries,
                       int maxCarryForwardDays, boolean allowGaps, double splitJumpThreshold,
                       double adjustedFractionThreshold, double datingMinCorrelation,
                       double datingMargin, List<Double> plausibleIndex, List<Double> plausibleRate) {}

    public record Fetch(String cboeUrl, String fredUrl, String ohlcvUrl, String polygonUrl, int timeoutSeconds,
                        List<String> cboeIndices, List<String> fredSeries, List<String> symbols) {}

    public record Synthetic(long seed, String from, String to) {}

    /** How every command reads a params file: conf's backtest and regime sections as its defaults. */
    public SpecReader specs() {
        return new SpecReader(backtest, regime);
    }
}
