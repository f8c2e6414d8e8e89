package sde.backtest;

import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.AlignmentRules;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.MarketDataBuilder;
import sde.data.RealData;
import sde.pricing.ModelChain;
import sde.pricing.PricingInputs;
import sde.pricing.PricingSettings;
import sde.pricing.QuoteModel;
import sde.pricing.StrikeGrid;
import sde.pricing.VolSurface;
import sde.pricing.ExpiryCalendar;
import sde.strategy.Strategies;
import sde.strategy.Strategy;

import java.util.List;
import java.util.Map;

/** Test helpers: the real market, a backtester over it, one-strategy specs. */
public final class Engines {
    public static final SdeConfig CONF = ConfigLoader.load(null, List.of());

    private Engines() {}

    private static final class Holder {
        static final MarketData MD = MarketDataBuilder.build(RealData.sources(), Dates.of("2019-01-02"), Dates.of("2025-12-31"),
                AlignmentRules.spec());
    }

    public static MarketData real() { return Holder.MD; }

    public static Backtester backtester(MarketData md, BacktestSettings b) {
        PricingSettings p = CONF.pricing();
        PricingInputs in = new PricingInputs(md, p.surface());
        VolSurface surface = new VolSurface(in, p.surface());
        ModelChain chain = new ModelChain(md, surface, new QuoteModel(p.quotes()), new ExpiryCalendar(p.listing()));
        return new Backtester(md, chain, surface, new StrikeGrid(p.listing()), p.fillModel(), b);
    }

    public static RunSpec spec(String strategy, Map<String, ?> params) {
        Strategy<?> s = Strategies.get(strategy);
        return new RunSpec(List.of(new RunSpec.SlotSpec(strategy, strategy, 1.0, s.space().resolve(params, ""))), CONF.backtest(),
                "2020-01-01", "2025-12-31");
    }

    public static RunResult run(MarketData md, RunSpec spec, String to) {
        return backtester(md, spec.backtest()).run(spec.slots(), Dates.of(spec.from()), Dates.of(to));
    }
}
