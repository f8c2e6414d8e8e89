package sde.backtest;

import sde.data.Dates;
import sde.data.MarketData;
import sde.pricing.ExpiryCalendar;
import sde.pricing.FillModel;
import sde.pricing.LiquidityModel;
import sde.pricing.Model;
import sde.pricing.ModelChain;
import sde.pricing.PricingInputs;
import sde.pricing.PricingSettings;
import sde.pricing.QuoteModel;
import sde.pricing.StrikeGrid;
import sde.pricing.VolSurface;

import java.io.Serializable;

/**
 * The backtest's one entry point. The market's modeled option chain is built once:
 * the surface's parameters for every symbol and session, the chain, the strike grid, the fill
 * function and what the market could fill (the liquidity model, SPEC §2). Then any {@link RunSpec}
 * runs on it, with the account settings, window and regime it carries. Runs share nothing mutable,
 * so one engine serves every thread of an executor: a sweep
 * broadcasts one (SweepContext), so that no task rebuilds the surface and the listing calendar.
 */
public final class Engine implements Serializable {
    private static final long serialVersionUID = 1L;
    private final MarketData md;
    private final PricingSettings pricing;
    private final VolSurface surface;
    private final ModelChain chain;
    private final StrikeGrid grid;
    private final FillModel fills;
    private final LiquidityModel liquidity;

    private Engine(MarketData md, PricingSettings pricing) {
        if (md == null || pricing == null) throw new IllegalArgumentException("an engine needs market data and pricing settings");
        this.md = md;
        this.pricing = pricing;
        this.surface = new VolSurface(new PricingInputs(md, pricing.surface()), pricing.surface());
        this.chain = new ModelChain(md, surface, new QuoteModel(pricing.quotes()), new ExpiryCalendar(pricing.listing()));
        this.grid = new StrikeGrid(pricing.listing());
        this.fills = pricing.fillModel();
        this.liquidity = new LiquidityModel(md, pricing.liquidity());
    }

    /** The engine over {@code md} on the modeled chain of {@code pricing}. */
    public static Engine of(MarketData md, PricingSettings pricing) {
        return new Engine(md, pricing);
    }

    /** The band's edges, built once per engine where they are first asked for (an executor's copy builds its own). */
    private transient volatile Engine low, high;

    /**
     * The same market on another surface of the model band (SPEC §4, §5): the search's worst case and the gate's model
     * risk ask every trial's edges, so each is built once per engine and kept.
     */
    public Engine on(Model model) {
        if (model == Model.BASE) return this;
        Engine e = model == Model.LOW ? low : high;
        if (e != null) return e;
        synchronized (this) {
            e = model == Model.LOW ? low : high;
            if (e == null) {
                e = new Engine(md, pricing.model(model));
                if (model == Model.LOW) low = e; else high = e;
            }
            return e;
        }
    }

    /** The spec's strategies over its window (the first session on or after {@code from} to the last on or before {@code to}). */
    public RunResult run(RunSpec spec) {
        return run(spec, Integer.MIN_VALUE);
    }

    /** As {@link #run(RunSpec)} with a halted session (a stress replay): on epoch day {@code halted} nothing trades. */
    public RunResult run(RunSpec spec, int halted) {
        return loop(spec.backtest()).run(spec.slots(), spec.regime(), Dates.of(spec.from()), Dates.of(spec.to()), halted);
    }

    /**
     * The session loop itself with these account settings, for runs that are not a parameter set:
     * the benchmark's sleeves, a test's hand-made slots.
     */
    public Backtester loop(BacktestSettings account) {
        return new Backtester(md, chain, surface, grid, fills, liquidity, account);
    }

    /**
     * The session loop for an emulation of a Cboe strategy index: no SPY capacity and no impact. The
     * index trades SPX options, a market about ten times SPY's in notional, and the replica's large
     * capital only keeps whole contracts from rounding the index's fractional count; SPY's capacity
     * would measure neither (docs/benchmarks.md).
     */
    public Backtester indexEmulation(BacktestSettings account) {
        return new Backtester(md, chain, surface, grid, fills, null, account);
    }

    public MarketData market() {
        return md;
    }

    public PricingSettings pricing() {
        return pricing;
    }
}
