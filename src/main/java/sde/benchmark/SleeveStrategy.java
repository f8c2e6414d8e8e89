package sde.benchmark;

import sde.data.Symbol;
import sde.strategy.Action;
import sde.strategy.Leg;
import sde.strategy.MarketView;
import sde.param.ParamSpace;
import sde.param.Params;
import sde.strategy.PortfolioView;
import sde.strategy.PositionView;
import sde.strategy.PricedSignal;
import sde.strategy.Signal;
import sde.strategy.Sizing;
import sde.strategy.Strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * A replica's sleeve as a strategy of the engine, so that it fills, settles, earns interest and
 * receives dividends exactly as every searched strategy does. It writes (or buys) its options at
 * each roll close, expiring at the next roll, and holds them to expiry; a sleeve with shares is
 * closed and bought again at each of its rolls, which reinvests the dividends, the interest and the
 * options' P&L as the index does (the share round trip costs its spread: docs/benchmarks.md).
 *
 * <p>Off its cycle a sleeve opens only on the first decision day (the index was invested then), and
 * a sleeve with shares also after an early assignment closed it (it stays invested); an
 * option-only sleeve whose option was assigned early waits in T-bills for the next roll. Signals
 * are made only on the days one can be taken (the engine prices every signal it gets).
 */
public final class SleeveStrategy implements Strategy<Sleeve> {
    private static final int NEVER = Integer.MIN_VALUE / 2;

    private final double collateralMultiple, strikeFraction;
    private final boolean morningRoll, earlyAssignment;
    private final int firstDay;

    /**
     * @param collateralMultiple benchmark.collateral_multiple: CNDR's and BFLY's T-bills over the spread's max loss
     * @param strikeFraction     benchmark.strike_fraction: where in the roll session the strike level is read
     * @param morningRoll        roll in the late morning, as an AM-settled index does (expiry_settlement open);
     *                           false: at the close, as a trader of PM-settled SPY options would
     * @param firstDay           the run's first decision day (epoch day), when every sleeve opens
     * @param earlyAssignment    whether the run assigns early: a sleeve with shares may then re-enter any day
     */
    public SleeveStrategy(double collateralMultiple, double strikeFraction, boolean morningRoll, int firstDay, boolean earlyAssignment) {
        if (!(collateralMultiple > 0)) throw new IllegalArgumentException("benchmark.collateral_multiple must be > 0");
        if (!(strikeFraction >= 0
                && strikeFraction <= 1)) throw new IllegalArgumentException("benchmark.strike_fraction must be in [0, 1]");
        this.collateralMultiple = collateralMultiple;
        this.strikeFraction = strikeFraction;
        this.morningRoll = morningRoll;
        this.firstDay = firstDay;
        this.earlyAssignment = earlyAssignment;
    }

    @Override public String name() { return "cboe_replica"; }

    @Override public ParamSpace space() { return new ParamSpace(List.of()); }

    @Override
    public Sleeve configure(Params params) {
        throw new UnsupportedOperationException("a replica sleeve is built from its CboeIndex, not from parameters");
    }

    @Override
    public void generateSignals(MarketView v, Sleeve p, List<Signal> out) {
        if (!(p.cycle().isRoll(v.day()) || v.day() == firstDay || (earlyAssignment && p.shares()))) return;
        int expiry = p.cycle().next(v.day());
        // An index picks its strikes from the level at about 11:00 ET on the roll date: a daily bar's
        // best estimate is the Brownian-bridge mean between the open and the close (on 2020-03-20 the
        // close stood 5.7 % below the open).
        Symbol sym = p.symbol();
        double open = v.open(sym, 0), close = v.close(sym, 0);
        boolean morning = morningRoll && p.cycle().isRoll(v.day());
        double spot = morning ? open + strikeFraction * (close - open) : close;
        List<Leg> legs = new ArrayList<>(p.options().size() + 1);
        if (p.shares()) legs.add(Leg.shares(sym, 100));
        double shortStrikes = 0;
        for (Sleeve.OptionRule r : p.options()) {
            double k = switch (r.strike()) {
                case AT_OR_BELOW_SPOT -> v.strikeAtOrBelow(sym, spot);
                case AT_OR_ABOVE_SPOT -> v.strikeAtOrAbove(sym, spot);
                case MONEYNESS -> v.strike(sym, r.level() * spot);
                case DELTA -> v.strikeForDelta(sym, expiry, r.call(), r.level());
            };
            legs.add(Leg.option(sym, expiry, k, r.call(), r.ratio()));
            if (!r.call() && r.ratio() < 0) shortStrikes += -r.ratio() * k;
        }
        // A collateralized put holds back its strike × 100, as a cash-secured put does. On a roll date
        // the options are written in the late morning, as the index writes them (Signal.morning).
        out.add(new Signal(p.tag(), legs, p.count() == Sleeve.Count.STRIKE_COLLATERAL ? shortStrikes * 100 : 0, morning));
    }

    @Override
    public long sizePosition(PricedSignal s, PortfolioView pf, Sleeve p) {
        if (pf.openPositions() > 0) return 0;
        boolean due = p.cycle().isRoll(pf.today()) || pf.lastEntryDay() == NEVER || p.shares();
        if (!due) return 0;
        double equity = pf.equity();
        double n = switch (p.count()) {
            case STRIKE_COLLATERAL -> equity / (s.signal().minRequirement() - s.entryCash());
            case INVESTED -> -s.entryCash() > 0 ? equity / -s.entryCash() : 0;
            // The call is struck at level × spot, so strike / level is spot to half a strike step.
            case PER_100_SHARES -> equity / (100 * s.signal().legs().get(0).strike() / p.options().get(0).level());
            case MAX_LOSS_MULTIPLE -> s.maxLoss() > 0 ? equity / (collateralMultiple * s.maxLoss()) : 0;
        };
        return Sizing.whole(n);
    }

    @Override
    public Action managePosition(PositionView pos, MarketView v, Sleeve p) {
        return p.cycle().isRoll(v.day()) && pos.entryDay() < v.day() ? Action.ROLL : Action.HOLD;
    }
}
