package sde.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sde.io.Json;
import sde.strategy.ParamSpec;
import sde.strategy.Strategies;
import sde.strategy.Strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = "Lists every strategy with its parameter space (SPEC §7); --json for the optimizer's form.")
public final class StrategiesCommand implements Callable<Integer> {
    @Option(names = "--json", description = "A JSON list of {name, params}.")
    boolean json;

    @Override
    public Integer call() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Strategy<?> s : Strategies.all()) {
            List<Map<String, Object>> params = new ArrayList<>();
            for (ParamSpec p : s.space().specs()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", p.name());
                m.put("type", p.type().name().toLowerCase(java.util.Locale.ROOT));
                if (p.type() == ParamSpec.Type.CHOICE) m.put("choices", p.choices());
                else if (p.type() != ParamSpec.Type.BOOL) { m.put("min", p.lo()); m.put("max", p.hi()); m.put("step", p.step()); }
                m.put("default", p.dflt());
                if (p.log()) m.put("log", true);
                params.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("params", params);
            out.add(m);
        }
        if (json) {
            System.out.println(Json.toJson(out));
        } else {
            for (Map<String, Object> m : out) {
                System.out.println(m.get("name"));
                for (Object p : (List<?>) m.get("params")) System.out.println("  " + p);
            }
        }
        return 0;
    }
}
