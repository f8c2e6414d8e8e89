package sde.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import sde.backtest.RunResult;
import sde.pricing.Model;

/** Re-runs a result from its params file (SPEC §7) on one of the model's surfaces: how the ceiling report replays the rungs' bests. */
@FunctionalInterface
public interface Replay {
    RunResult run(JsonNode params, Model model);
}
