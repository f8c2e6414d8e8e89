package sde.validate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The statistics SPEC §5 reports beside the overfit score: the run's daily Sharpe moments, the
 * Deflated Sharpe Ratio over the study's trials, PBO and Hansen's SPA over its top configurations,
 * the walk-forward years' CAGR, and where its option P&L was made (model coverage). A figure the gate
 * could not compute is null and left out of the file, with a note saying why where one helps.
 * Written in the verdict file's "statistics" object, keys sorted as every other object there.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record GateStatistics(
        @JsonProperty("sharpe_daily") Double sharpeDaily,
        @JsonProperty("skew") Double skew,
        @JsonProperty("kurtosis") Double kurtosis,
        @JsonProperty("trials") Integer trials,
        @JsonProperty("sharpe_variance_daily") Double sharpeVarianceDaily,
        @JsonProperty("expected_max_sharpe_daily") Double expectedMaxSharpeDaily,
        @JsonProperty("deflated_sharpe") Double deflatedSharpe,
        @JsonProperty("deflated_sharpe_note") String deflatedSharpeNote,
        @JsonProperty("pbo") Double pbo,
        @JsonProperty("pbo_configurations") Integer pboConfigurations,
        @JsonProperty("spa_p_value_vs_buy_and_hold") Double spaPValueVsBuyAndHold,
        @JsonProperty("pbo_note") String pboNote,
        @JsonProperty("train_cagr_pct") Double trainCagrPct,
        @JsonProperty("test_cagr_pct") Double testCagrPct,
        @JsonProperty("option_pnl_by_cell") Map<String, Double> optionPnlByCell,
        @JsonProperty("unverified_share") Double unverifiedShare,
        @JsonProperty("coverage") String coverage) {

    /** No statistics: a judgement on another surface of the model band, which reports only its score and verdict. */
    public static GateStatistics none() {
        return new GateStatistics(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** One statistic as a reader wants it, in the order the gate computes them. */
    public record Line(String name, String value) {}

    /**
     * The statistics present, each as a line under its file name, in the order the components are
     * declared (the order the gate computes them): a number to 4 places, a share by cell as
     * "SPY P d25-40 dte31-60 58 %, …". Read from the components, so a statistic added is printed too.
     */
    public List<Line> lines() {
        List<Line> out = new ArrayList<>();
        for (RecordComponent c : GateStatistics.class.getRecordComponents()) {
            Object x;
            try {
                x = c.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (x == null) continue;
            String name = c.getAccessor().getAnnotation(JsonProperty.class).value();
            out.add(new Line(name, x instanceof Double d ? String.format("%.4f", d) : x instanceof Map<?, ?> m ? shares(m)
                    : String.valueOf(x)));
        }
        return out;
    }

    private static String shares(Map<?, ?> byCell) {
        List<String> parts = new ArrayList<>();
        byCell.forEach((cell, share) -> parts.add(String.format(Locale.ROOT, "%s %.0f %%", cell, 100 * (Double) share)));
        return parts.isEmpty() ? "{}" : String.join(", ", parts);
    }
}
