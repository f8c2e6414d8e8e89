package sde.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import sde.io.Json;
import sde.regime.RegimeSettings;

import java.io.IOException;
import java.io.Serializable;

/**
 * The one place a params object (SPEC §7) becomes a {@link RunSpec}: with conf's backtest and regime
 * sections as the defaults it overlays, the same for the search's executors, the gate, the report,
 * the daemon's replays and every command, so no two readers resolve one params file two ways.
 */
public record SpecReader(BacktestSettings backtest, RegimeSettings regime) implements Serializable {
    public SpecReader {
        if (backtest == null || regime == null) throw new IllegalArgumentException("a params reader needs conf's backtest and regime "
                + "sections");
    }

    /** {@code params} as a run; a bad key or value is an error naming {@code where} and the key. */
    public RunSpec read(JsonNode params, String where) {
        return RunSpec.fromJson(params, backtest, regime, where);
    }

    /** As {@link #read(JsonNode, String)}, from JSON text; text that is not JSON is an error naming {@code where}. */
    public RunSpec read(String params, String where) {
        try {
            return read(Json.MAPPER.readTree(params), where);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": the params are not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
