package sde.strategy;

import sde.param.ParamSpec;
import sde.param.ParamSpace;
import sde.param.Params;
import sde.data.NyseCalendar;
import sde.data.Symbol;

import java.util.List;

/**
 * Covered calls as a buy-write: one position of 100 shares and one short call per unit, so a call
 * is never written without the shares under it. When the call is closed by its exits or settles,
 * the position rolls: shares and a new call, through the fill function like any trade (the share
 * round trip costs its spread and commission; docs/strategies.md). Shares called away before an
 * ex-dividend date close the position whole.
 */
public final class CoveredCall implements Strategy<CoveredCall.P> {
    public record P(Symbol symbol, int dte, int dteWindow, double callDelta, double profitTarget, int exitDte, double investPct) {}

    @Override
    public String name() { return "covered_call"; }

    @Override
    public ParamSpace space() {
        return new ParamSpace(List.of(
                ParamSpec.choice("symbol", "SPY", "SPY", "QQQ", "IWM"),
                ParamSpec.integer("dte", 7, 90, 30),
                ParamSpec.integer("dte_window", 2, 20, 10),
                ParamSpec.dbl("call_delta", 0.05, 0.50, 0.25, 0.01),
                ParamSpec.dbl("profit_target", 0.1, 1.0, 0.8, 0.05),
                ParamSpec.integer("exit_dte", 0, 30, 0),
                ParamSpec.dbl("invest_pct", 0.1, 1.0, 1.0, 0.05)));
    }

    @Override
    public P configure(Params p) {
        return new P(Symbol.parse(p.text("symbol")), p.integer("dte"), p.integer("dte_window"), p.dbl("call_delta"), p.dbl("profit_target"),
                p.integer("exit_dte"), p.dbl("invest_pct"));
    }

    @Override
    public void generateSignals(MarketView v, P p, List<Signal> out) {
        int expiry = v.expiry(p.symbol(), p.dte(), Math.max(1, p.dte() - p.dteWindow()), p.dte() + p.dteWindow());
        if (expiry < 0) return;
        double k = v.strikeForDelta(p.symbol(), expiry, true, p.callDelta());
        out.add(new Signal("buy_write", List.of(Leg.shares(p.symbol(), 100), Leg.option(p.symbol(), expiry, k, true, -1))));
    }

    @Override
    public boolean wantsEntry(PortfolioView pf, P p) {
        return pf.openPositions() == 0;   // one buy-write at a time
    }

    @Override
    public long sizePosition(PricedSignal s, PortfolioView pf, P p) {
        if (pf.openPositions() > 0) return 0;   // one buy-write at a time
        double invest = Math.min(pf.capitalBase() * p.investPct(), pf.freeBuyingPower());
        return Sizing.whole(invest / s.requirement());
    }

    @Override
    public Action managePosition(PositionView pos, MarketView v, P p) {
        if (pos.daysToExpiry() == Integer.MAX_VALUE) return Action.ROLL;               // the call has settled
        if (p.exitDte() > 0 && pos.daysToExpiry() <= p.exitDte()) return Action.ROLL;
        // The call's own P&L: its entry credit less what buying it back costs now.
        // The call's premium is the entry cash less the shares at the entry close (their fill costs are
        // a few cents, close enough for a decision rule; the fills themselves are exact).
        if (p.profitTarget() >= 1.0) return Action.HOLD;
        Leg call = pos.legs().get(1);
        int lag = NyseCalendar.sessionsBetween(pos.entryDay(), v.day());
        if (lag >= v.available()) return Action.HOLD;
        double shares = pos.units() * 100.0;
        double credit = pos.entryCash() + shares * v.close(p.symbol(), lag);
        var q = v.quote(call.symbol(), call.expiry(), call.strike(), true);
        if (q == null || credit <= 0) return Action.HOLD;
        return credit - shares * q.mid() >= p.profitTarget() * credit ? Action.ROLL : Action.HOLD;
    }
}
