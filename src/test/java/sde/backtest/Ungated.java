package sde.backtest;

import sde.param.ParamSpace;
import sde.param.Params;
import sde.strategy.Action;
import sde.strategy.MarketView;
import sde.strategy.PortfolioView;
import sde.strategy.PositionView;
import sde.strategy.PricedSignal;
import sde.strategy.Signal;
import sde.strategy.Strategy;

import java.util.List;

/** A strategy with its entry gate always open: every signal is built and priced, and its sizing refuses it (EntryGateTest, the bench). */
public record Ungated<P>(Strategy<P> s) implements Strategy<P> {
    public String name() { return s.name(); }
    public ParamSpace space() { return s.space(); }
    public P configure(Params params) { return s.configure(params); }
    public void generateSignals(MarketView view, P params, List<Signal> out) { s.generateSignals(view, params, out); }
    public long sizePosition(PricedSignal signal, PortfolioView portfolio, P params) { return s.sizePosition(signal, portfolio, params); }
    public Action managePosition(PositionView position, MarketView view, P params) { return s.managePosition(position, view, params); }
}
