package sde.validate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import sde.backtest.Engine;
import sde.backtest.RunOutputs;
import sde.backtest.RunSpec;
import sde.data.Dates;
import sde.data.MarketData;
import sde.metrics.Summary;
import sde.pricing.PricingSettings;
import sde.pricing.QuoteSettings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Stress replays of a candidate, each against the unstressed run: a flash crash
 * injected on a day (prices gap down and stay down, vol indices multiplied for some sessions), a
 * halted session (no exit or entry possible), and doubled bid/ask spreads.
 */
public final class Stress {
    private Stress() {}

    public record Settings(String crashDate, double gapPct, double volFactor, int volDays, String haltDate) {}

    /** A scenario's figures, and (beside the base run) what it cost against the base. */
    @JsonPropertyOrder(alphabetic = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figures(double cagrPct, double maxDdPct, double finalEquity, Double damageCagrPts, Double damageMaxDdPts,
                          Double damageFinalEquity) {}

    /** The scenarios as a table: each one's CAGR, max drawdown and final equity, and what it cost against the base run. */
    public static String table(Map<String, Figures> scenarios) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-44s %9s %9s %15s %11s %11s%n", "stress",
                "CAGR %", "max DD %", "final equity", "ΔCAGR pts", "ΔDD pts"));
        scenarios.forEach((name, f) -> sb.append(String.format(Locale.ROOT, "  %-42s %9.2f %9.2f %15s %11s %11s%n", name,
                f.cagrPct(), f.maxDdPct(), String.format(Locale.ROOT, "%,.0f", f.finalEquity()), pts(f.damageCagrPts()),
                pts(f.damageMaxDdPts()))));
        return sb.toString();
    }

    private static String pts(Double x) {
        return x == null ? "" : String.format(Locale.ROOT, "%+.2f", x);
    }

    /** The base run and each scenario, by name. */
    public static Map<String, Figures> run(MarketData md, PricingSettings p, RunSpec spec, Settings s) {
        Engine engine = Engine.of(md, p);
        Map<String, Figures> out = new LinkedHashMap<>();
        Summary base = summary(engine, spec, Integer.MIN_VALUE);
        out.put("base", figures(base, null));
        int crash = md.indexOnOrAfter(Dates.of(s.crashDate()));
        MarketData shocked = md.shocked(crash, 1 - s.gapPct() / 100, s.volFactor(), s.volDays());
        out.put("flash_crash " + Dates.format(md.day(crash)) + " -" + s.gapPct() + "% vol x" + s.volFactor(),
                figures(summary(Engine.of(shocked, p), spec, Integer.MIN_VALUE), base));
        int halt = md.day(md.indexOnOrAfter(Dates.of(s.haltDate())));
        out.put("halted " + Dates.format(halt), figures(summary(engine, spec, halt), base));
        QuoteSettings q = p.quotes();
        PricingSettings wide = new PricingSettings(p.listing(), p.surface(),
                new QuoteSettings(q.tick(), 2 * q.spreadBase(), 2 * q.spreadPct(), 2 * q.spreadMaxPct(), q.volRef(), q.volPower()),
                        p.fills(), p.liquidity());
        out.put("doubled spreads", figures(summary(Engine.of(md, wide), spec, Integer.MIN_VALUE), base));
        return out;
    }

    private static Summary summary(Engine e, RunSpec spec, int halt) {
        return RunOutputs.summarize(e.run(spec, halt));
    }

    private static Figures figures(Summary s, Summary base) {
        if (base == null) return new Figures(s.cagrPct(), s.maxDdPct(), s.finalEquity(), null, null, null);
        return new Figures(s.cagrPct(), s.maxDdPct(), s.finalEquity(), s.cagrPct() - base.cagrPct(), s.maxDdPct() - base.maxDdPct(),
                s.finalEquity() - base.finalEquity());
    }

}
