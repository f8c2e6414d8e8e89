package sde.backtest;

import sde.data.Dates;
import sde.data.MarketData;
import sde.data.SeriesId;
import sde.data.Symbol;
import sde.pricing.EarlyAssignment;
import sde.pricing.Fill;
import sde.pricing.FillModel;
import sde.pricing.LiquidityModel;
import sde.pricing.LiquiditySettings;
import sde.pricing.ModelCell;
import sde.pricing.ModelChain;
import sde.pricing.Quote;
import sde.pricing.StrikeGrid;
import sde.pricing.VolSurface;
import sde.regime.Regime;
import sde.regime.RegimeClassifier;
import sde.strategy.Action;
import sde.strategy.Leg;
import sde.strategy.PortfolioView;
import sde.strategy.PricedSignal;
import sde.strategy.Signal;
import sde.strategy.Sizing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The portfolio backtester (SPEC §2–3): one continuous run over the evaluated years,
 * any number of strategies on one shared equity. Per session t, at its close:
 * <ol>
 *   <li>interest on the cash held since the previous close (SPEC §3);</li>
 *   <li>dividends on share legs (ex-date t), and short calls assigned on ex-date t (EarlyAssignment);</li>
 *   <li>option legs expiring at t settle at intrinsic value;</li>
 *   <li>every open leg is marked at the model mid;</li>
 *   <li>each position's strategy decides hold / close / roll; deep ITM short puts are assigned;</li>
 *   <li>margin: each remaining position's requirement is recomputed at the close (Risk.maintenance);
 *       while the total exceeds what the equity may carry, the largest is closed through the fill
 *       model (reason margin_call);</li>
 *   <li>each strategy's signals are priced, sized, checked against the limits, cut to what the market
 *       could fill (SPEC §2 capacity; a cut trade is counted) and filled, paying square-root impact;</li>
 *   <li>equity(t) = cash + marks. Equity at or below 0 is ruin: what is open is closed, the run
 *       ends, and every later session is recorded at 0 (SPEC §3).</li>
 * </ol>
 * Every fill goes through {@link FillModel}. Nothing here allocates on a session without trades:
 * the signal list, the pricing scratch array and the views are reused.
 */
public final class Backtester {
    /** Every symbol, once: Symbol.values() copies its array on each call. */
    private final Symbol[] symbols = Symbol.values();
    private final MarketData md;
    private final ModelChain chain;
    private final VolSurface surface;
    private final StrikeGrid grid;
    private final FillModel fills;
    private final LiquidityModel liquidity;
    private final BacktestSettings settings;

    /** Wired by {@link Engine}, the one place that builds the chain and the surface; {@code liquidity} null: no capacity, no impact. */
    Backtester(MarketData md, ModelChain chain, VolSurface surface, StrikeGrid grid, FillModel fills, LiquidityModel liquidity,
               BacktestSettings settings) {
        this.md = md;
        this.chain = chain;
        this.surface = surface;
        this.grid = grid;
        this.fills = fills;
        this.liquidity = liquidity;
        this.settings = settings;
    }

    /** Runs the slots over settings' evaluated years (or up to the last session the data has, if earlier). */
    public RunResult run(List<Slot<?>> slots) {
        return run(slots, Dates.of(settings.firstYear() + "-01-01"), Dates.of(settings.lastYear() + "-12-31"));
    }

    /** Runs from the first session on or after {@code from} to the last on or before {@code to} (epoch days). */
    public RunResult run(List<Slot<?>> slots, int from, int to) {
        return run(slots, null, from, to);
    }

    /** As {@link #run(List, int, int)} with regime-conditional weights (null: fixed weights). */
    public RunResult run(List<Slot<?>> slots, RegimeSpec regime, int from, int to) {
        return run(slots, regime, from, to, Integer.MIN_VALUE);
    }

    /**
     * As above with a halted session (a stress replay): on epoch day {@code halted} nothing can be
     * bought or sold, so no exit and no entry happens; expiries still settle.
     */
    public RunResult run(List<Slot<?>> slots, RegimeSpec regime, int from, int to, int halted) {
        int first = md.indexOnOrAfter(from);
        if (first <= 0 || first >= md.size()) {
            throw new IllegalArgumentException("the data must hold a session before " + Dates.format(from) + " and one after it (data "
                    + Dates.format(md.firstDay()) + ".." + Dates.format(md.lastDay()) + ")");
        }
        int last = md.indexOnOrBefore(to);
        if (last <= first - 1) throw new IllegalArgumentException("no session between " + Dates.format(from) + " and " + Dates.format(to));
        Run run = new Run(slots, regime, first - 1, last);
        run.halted = halted;
        return run.execute();
    }

    /** One run's mutable state; never shared, never reused. */
    private final class Run {
        final List<Slot<?>> slots;
        final int start, end, n;
        final int[] days;
        final double[] equity, riskFree, interest;
        final double[][] contribution;
        final List<Signal> signals = new ArrayList<>();
        final double[] pd = new double[2];
        /**
         * The run's pricing scratch: the legs of one position share an expiry, and positions often
         * share one, so the day-wide part of a price is computed once per symbol, day and expiry.
         */
        final VolSurface.Slices slices = new VolSurface.Slices();
        final Account[] accounts;
        final double[] baseWeight, weight, previousWeight;
        final Regime[] labels;
        final double[][] multipliers;
        final boolean closeOnSwitch;
        double interestTotal;
        /** Per model cell, the gross P&L of the option legs that opened there: Σ |a leg's P&L| (SPEC §5 coverage). */
        final double[] cellGross = new double[ModelCell.COUNT];
        /** Sessions of orders the market's capacity cut to nothing (grown only when one is). */
        int[] refused = new int[0];
        int refusedCount;
        boolean ruined;
        int t;
        int halted = Integer.MIN_VALUE;
        long pricings;
        final SessionView view = new SessionView(md, chain, surface, grid, slices);
        final Ledger ledger;

        Run(List<Slot<?>> slots, RegimeSpec regime, int start, int end) {
            this.slots = slots;
            baseWeight = new double[slots.size()];
            for (int s = 0; s < slots.size(); s++) baseWeight[s] = slots.get(s).weight();
            weight = baseWeight.clone();
            previousWeight = baseWeight.clone();
            if (regime != null) {
                String[] ids = new String[slots.size()];
                for (int s = 0; s < ids.length; s++) ids[s] = slots.get(s).id();
                labels = RegimeClassifier.classify(md, regime.settings()).label();
                multipliers = regime.multipliers(ids);
                closeOnSwitch = regime.onSwitch() == RegimeSpec.OnSwitch.CLOSE;
            } else {
                labels = null;
                multipliers = null;
                closeOnSwitch = false;
            }
            this.ledger = new Ledger(md, settings, slots.size());
            this.start = start;
            this.end = end;
            this.n = end - start + 1;
            days = new int[n];
            equity = new double[n];
            riskFree = new double[n];
            interest = new double[n];
            contribution = new double[slots.size()][n];
            accounts = new Account[slots.size()];
            for (int s = 0; s < slots.size(); s++) accounts[s] = new Account(s);
        }

        RunResult execute() {
            for (t = start; t <= end; t++) {
                view.moveTo(t);
                ledger.moveTo(t);
                if (ruined) {
                    recordRuined();
                    continue;
                }
                if (t > start) {
                    accrueInterest();
                    corporateActions();
                    settleExpiries();
                }
                markAll();
                reweigh();
                if (md.day(t) != halted) {
                    manage();
                    marginCalls();
                    enter();
                }
                record();
            }
            String[] ids = new String[slots.size()];
            for (int s = 0; s < ids.length; s++) ids[s] = slots.get(s).id();
            double openPnl = 0;
            for (Position pos : ledger.open) {
                openPnl += pos.openPnl();
                for (int k = 0; k < pos.legs.size(); k++) {
                    Leg l = pos.legs.get(k);
                    double open = pos.legOpen[k] ? pos.legMid[k] * l.ratio() * pos.units * l.multiplier() : 0;
                    if (pos.legCell[k] >= 0) cellGross[pos.legCell[k]] += Math.abs(pos.legCash[k] + open);
                }
            }
            return new RunResult(ids, days, equity, contribution, interest, riskFree, ledger.trades, openPnl, settings.startingCapital(),
                    pricings + view.pricings(), md.synthetic(), Arrays.copyOf(refused, refusedCount), cellGross);
        }

        // ---- the daily steps -------------------------------------------------------------------

        /**
         * SPEC §3: cash, including what is held back as collateral, earns the risk-free rate of the
         * previous close (DTB3 as a continuous rate, PricingInputs) over the calendar days since
         * then; a negative balance pays that rate plus backtest.borrow_spread.
         */
        private void accrueInterest() {
            double cash = ledger.cash();
            if (!settings.cashInterest() || cash == 0) return;
            double amount = cash > 0 ? cash * surface.inputs().accrual(t)
                    : cash * Math.expm1((surface.inputs().rate(t - 1) + settings.borrowSpread()) * (md.day(t) - md.day(t - 1)) / 365.0);
            ledger.addCash(amount);
            interestTotal += amount;
        }

        private void corporateActions() {
            if (!exDividendDay()) return;
            for (int p = ledger.open.size() - 1; p >= 0; p--) {
                Position pos = ledger.open.get(p);
                for (int k = 0; k < pos.legs.size(); k++) {
                    if (!pos.legOpen[k]) continue;
                    Leg l = pos.legs.get(k);
                    double div = md.dividend(l.symbol(), t);
                    if (div == 0) continue;
                    if (l.isShares()) {
                        ledger.flow(pos, div * l.ratio() * pos.units);   // shorts pay the dividend
                    } else if (l.call() && l.ratio() < 0 && settings.earlyAssignment() && EarlyAssignment.callAssignedOnExDate(l.strike(),
                            md.close(l.symbol(), t - 1), pos.legMid[k], div)) {
                        settleLeg(pos, k, md.close(l.symbol(), t - 1), ExitReason.ASSIGNED_BEFORE_EX_DIVIDEND);
                        closeRest(pos, ExitReason.ASSIGNED_BEFORE_EX_DIVIDEND);
                        break;
                    }
                }
            }
        }

        /** Most sessions are no symbol's ex-date: three reads instead of a pass over every open leg. */
        private boolean exDividendDay() {
            for (Symbol s : symbols) if (md.dividend(s, t) != 0) return true;
            return false;
        }

        private void settleExpiries() {
            int today = md.day(t);
            for (int p = ledger.open.size() - 1; p >= 0; p--) {
                Position pos = ledger.open.get(p);
                if (pos.firstExpiry > today && pos.anyOpen()) continue;
                for (int k = 0; k < pos.legs.size(); k++) {
                    Leg l = pos.legs.get(k);
                    if (pos.legOpen[k] && !l.isShares() && l.expiry() <= today) {
                        double spot = settings.expirySettlement() == BacktestSettings.Settlement.OPEN ? md.open(l.symbol(),
                                t) : md.close(l.symbol(), t);
                        settleLeg(pos, k, spot, ExitReason.EXPIRY);
                    }
                }
                if (!pos.anyOpen()) close(pos, ExitReason.EXPIRY);
            }
        }

        private void markAll() {
            for (int p = 0; p < ledger.open.size(); p++) mark(ledger.open.get(p));
        }

        private void mark(Position pos) {
            double m = 0;
            int today = md.day(t), dte = Integer.MAX_VALUE;
            for (int k = 0; k < pos.legs.size(); k++) {
                if (!pos.legOpen[k]) continue;
                Leg l = pos.legs.get(k);
                double mid;
                if (l.isShares()) {
                    mid = md.close(l.symbol(), t);
                } else {
                    chain.price(slices, l.symbol(), t, l.expiry(), l.strike(), l.call(), pd);
                    pricings++;
                    mid = pd[0];
                    dte = Math.min(dte, l.expiry() - today);
                }
                pos.legMid[k] = mid;
                m += mid * l.ratio() * pos.units * l.multiplier();
            }
            pos.mark = m;
            pos.daysToExpiry = dte;
            ledger.changed();
        }

        /**
         * SPEC §3: margin is a daily fact. While the open positions' requirement at this close exceeds
         * max_buying_power × the equity buying power counts, the position with the largest
         * requirement is closed at today's quotes through the fill model (reason margin_call).
         */
        private void marginCalls() {
            while (!ledger.open.isEmpty() && ledger.usedBuyingPower() > settings.maxBuyingPower() * ledger.bpEquity() + 1e-6) {
                Position worst = ledger.open.get(0);
                double most = ledger.currentRequirement(worst);
                for (int p = 1; p < ledger.open.size(); p++) {
                    double r = ledger.currentRequirement(ledger.open.get(p));
                    if (r > most) { most = r; worst = ledger.open.get(p); }
                }
                closeRest(worst, ExitReason.MARGIN_CALL);
            }
        }

        /** Today's regime weights; with on_switch close, a strategy switched off now closes its positions. */
        private void reweigh() {
            if (labels == null) return;
            System.arraycopy(weight, 0, previousWeight, 0, weight.length);
            RegimeSpec.effective(baseWeight, multipliers, labels[t].ordinal(), weight);
            if (!closeOnSwitch) return;
            for (int p = ledger.open.size() - 1; p >= 0; p--) {
                Position pos = ledger.open.get(p);
                if (weight[pos.slot] == 0 && previousWeight[pos.slot] > 0) closeRest(pos, ExitReason.REGIME_SWITCH);
            }
        }

        private void manage() {
            for (int p = ledger.open.size() - 1; p >= 0; p--) {
                Position pos = ledger.open.get(p);
                Action a = decide(slots.get(pos.slot), pos);
                if (a != Action.HOLD) {
                    closeRest(pos, a == Action.ROLL ? ExitReason.ROLL : ExitReason.STRATEGY);
                    continue;
                }
                for (int k = 0; k < pos.legs.size(); k++) {
                    Leg l = pos.legs.get(k);
                    if (pos.legOpen[k] && !l.isShares() && !l.call() && l.ratio() < 0 && settings.earlyAssignment()
                            && EarlyAssignment.putAssigned(l.strike(), md.close(l.symbol(), t), pos.legMid[k], fills.settings())) {
                        settleLeg(pos, k, md.close(l.symbol(), t), ExitReason.ASSIGNED_DEEP_ITM);
                        closeRest(pos, ExitReason.ASSIGNED_DEEP_ITM);
                        break;
                    }
                }
            }
        }

        @SuppressWarnings("unchecked")
        private <P> Action decide(Slot<P> slot, Position pos) {
            return slot.strategy().managePosition(pos, view, slot.config());
        }

        private void enter() {
            for (int s = 0; s < slots.size(); s++) {
                if (weight[s] <= 0 || !wants(slots.get(s), accounts[s])) continue;
                signals.clear();
                generate(slots.get(s));
                for (int k = 0; k < signals.size(); k++) open(s, signals.get(k));
            }
        }

        private <P> boolean wants(Slot<P> slot, Account acc) {
            return slot.strategy().wantsEntry(acc, slot.config());
        }

        private <P> void generate(Slot<P> slot) {
            slot.strategy().generateSignals(view, slot.config(), signals);
        }

        private <P> long size(Slot<P> slot, PricedSignal ps, Account acc) {
            return slot.strategy().sizePosition(ps, acc, slot.config());
        }

        private void open(int s, Signal sig) {
            if (ledger.open.size() >= settings.maxPositions()) return;
            // Price one unit exactly as it would fill.
            List<Leg> legs = sig.legs();
            if (sig.morning() && settings.expirySettlement() != BacktestSettings.Settlement.OPEN) {
                throw new IllegalStateException(sig.tag()
                        + ": a morning fill is only for an index emulation (expiry_settlement ledger.open)");
            }
            Quote[] quotes = new Quote[legs.size()];
            double unitCash = 0;
            boolean combo = legs.size() > 1;
            for (int k = 0; k < legs.size(); k++) {
                Leg l = legs.get(k);
                if (l.isShares()) {
                    quotes[k] = fills.shareQuote(md.close(l.symbol(), t));
                } else {
                    quotes[k] = sig.morning() ? chain.quote(slices, l.symbol(), t, morningLevel(l.symbol()), l.expiry(), l.strike(),
                            l.call())
                            : chain.quote(slices, l.symbol(), t, l.expiry(), l.strike(), l.call());
                    pricings++;
                    if (quotes[k] == null) return;   // not listed today: no trade
                }
                unitCash += legFill(l, quotes[k], l.ratio(), combo, k == 0).cash();
            }
            double maxLoss = Risk.maxLoss(legs, unitCash);
            double req = Math.max(sig.minRequirement(), Risk.requirement(legs, unitCash, maxLoss, md, t, settings));
            double risk = Risk.risk(legs, maxLoss, req);
            PricedSignal ps = new PricedSignal(sig, unitCash, maxLoss, req, risk);
            long sized = size(slots.get(s), ps, accounts[s]);
            if (sized <= 0) return;
            double eq = ledger.liveEquity();
            double roomRisk = settings.maxRiskPct() * eq - ledger.openRisk();
            if (risk > 0) sized = Math.min(sized, Sizing.whole(roomRisk / risk));
            double roomBp = settings.maxBuyingPower() * ledger.bpEquity() - ledger.usedBuyingPower();
            // Shares are paid in full (no loan value): buying them takes their cost, spread and
            // commission included, not only their value at the close, or the cash goes negative by
            // the spread and the next close calls margin on the whole position.
            boolean shares = false;
            for (int k = 0; k < legs.size(); k++) shares |= legs.get(k).isShares();
            double bpPerUnit = shares ? Math.max(req, -unitCash) : req;
            if (bpPerUnit > 0) sized = Math.min(sized, Sizing.whole(roomBp / bpPerUnit));
            if (sized <= 0) return;
            // SPEC §2: no order beyond what the market traded, no position beyond its share of the open
            // interest or the exchange's limit. The cap is far below int range (the limits are millions).
            long capacity = capacity(legs, quotes);
            boolean bound = sized > capacity;
            int units = Math.toIntExact(Math.min(sized, capacity));
            if (units <= 0) {
                if (refusedCount == refused.length) refused = Arrays.copyOf(refused, Math.max(16, 2 * refused.length));
                refused[refusedCount++] = md.day(t);
                return;
            }
            double entry = 0, costs = 0;
            Fill[] filled = new Fill[legs.size()];
            for (int k = 0; k < legs.size(); k++) {
                Leg l = legs.get(k);
                Fill f = legFill(l, quotes[k], l.ratio() * units, combo, k == 0);
                filled[k] = f;
                entry += f.cash();
                costs += f.costs();
            }
            Position pos = new Position(s, sig.tag(), legs, units, md.day(t), entry, costs, maxLoss * units, req * units,
                    sig.minRequirement() * units, risk * units);
            for (int k = 0; k < legs.size(); k++) {
                Leg l = legs.get(k);
                pos.legCash[k] = filled[k].cash();
                pos.legCell[k] = l.isShares() ? -1
                        : ModelCell.index(l.symbol(), l.call(), Math.abs(quotes[k].delta()), l.expiry() - md.day(t));
            }
            pos.capacityBound = bound;
            ledger.add(pos, entry);
            accounts[s].lastEntry = md.day(t);
            mark(pos);
        }

        /**
         * The underlying in the late morning of day t, for an index emulation's roll: the Brownian-bridge
         * expectation given the open and the close, morning_fraction of the session after the ledger.open.
         */
        private double morningLevel(Symbol s) {
            double o = md.open(s, t);
            return o + settings.morningFraction() * (md.close(s, t) - o);
        }

        private void record() {
            int i = t - start;
            days[i] = md.day(t);
            double eq = ledger.liveEquity();
            if (eq <= 0 && !ruined) {
                // Ruin (SPEC §3): the account is gone. What is still open is closed at this close; a
                // negative balance left behind is written off, so equity stays at 0 from here on.
                ruined = true;
                while (!ledger.open.isEmpty()) closeRest(ledger.open.get(ledger.open.size() - 1), ExitReason.RUIN);
                eq = Math.min(0, ledger.cash());
            }
            for (int s = 0; s < ledger.slotCash.length; s++) contribution[s][i] = ledger.slotCash[s];
            for (int p = 0; p < ledger.open.size(); p++) {
                Position pos = ledger.open.get(p);
                contribution[pos.slot][i] += pos.mark;
            }
            equity[i] = Math.max(0, eq);
            interest[i] = interestTotal;
            double rf = md.value(SeriesId.DTB3, t);
            riskFree[i] = Double.isNaN(rf) ? 0 : rf / 100 / 252;   // SPEC §3: 0 where no rate is loaded
        }

        /** A session after ruin: nothing trades, equity is 0, every other series keeps its last value. */
        private void recordRuined() {
            int i = t - start;
            days[i] = md.day(t);
            equity[i] = 0;
            interest[i] = interest[i - 1];
            for (int s = 0; s < ledger.slotCash.length; s++) contribution[s][i] = contribution[s][i - 1];
            double rf = md.value(SeriesId.DTB3, t);
            riskFree[i] = Double.isNaN(rf) ? 0 : rf / 100 / 252;
        }

        // ---- closing -------------------------------------------------------------------------

        private void settleLeg(Position pos, int k, double spot, ExitReason reason) {
            Leg l = pos.legs.get(k);
            Fill f = fills.settle(l.call(), l.strike(), spot, l.ratio() * pos.units, reason.toString());
            ledger.flow(pos, f.cash());
            pos.legCash[k] += f.cash();
            pos.costs += f.costs();
            pos.legOpen[k] = false;
            ledger.changed();
        }

        /**
         * One leg's fill: alone, at its bid or ask plus slippage; in an order of several legs, as one
         * combo order (FillModel.comboLeg), slippage once on the first leg.
         */
        private Fill legFill(Leg l, Quote q, int qty, boolean combo, boolean first) {
            double volume = legVolume(l, q);
            if (combo) return fills.comboLeg(q, qty, first, l.isShares(), volume);
            return l.isShares() ? fills.fillShares(q.mid(), qty, volume) : fills.fill(q, qty, volume);
        }

        /** What the leg's contract (modeled) or its ETF traded today: infinite for an emulation without capacity. */
        private double legVolume(Leg l, Quote q) {
            if (liquidity == null) return Double.POSITIVE_INFINITY;
            return l.isShares() ? liquidity.shareVolume(l.symbol(), t)
                    : liquidity.volume(l.symbol(), t, l.expiry() - md.day(t), Math.abs(q.delta()), l.call());
        }

        /**
         * The most units of these legs the market could fill today (SPEC §2): per leg, participation ×
         * the day's volume (modeled for a contract, the ETF's for shares), for an option also
         * open_interest_share × its modeled open interest and the room left under its underlying's
         * position limit on the leg's side (long calls and short puts are one side, long puts and
         * short calls the other, as the exchanges count them).
         */
        private long capacity(List<Leg> legs, Quote[] quotes) {
            if (liquidity == null) return Long.MAX_VALUE;
            LiquiditySettings ls = liquidity.settings();
            long cap = Long.MAX_VALUE;
            for (int k = 0; k < legs.size(); k++) {
                Leg l = legs.get(k);
                double per = Math.abs(l.ratio());
                if (per == 0) continue;
                double traded = ls.participation() * legVolume(l, quotes[k]);
                if (l.isShares()) {
                    cap = Math.min(cap, Sizing.whole(traded / per));
                    continue;
                }
                double oi = liquidity.openInterest(l.symbol(), t, l.expiry() - md.day(t), Math.abs(quotes[k].delta()), l.call());
                cap = Math.min(cap, Sizing.whole(Math.min(traded, ls.openInterestShare() * oi) / per));
                long room = liquidity.positionLimit(l.symbol()) - openOnSide(l.symbol(), bullish(l.call(), l.ratio()));
                cap = Math.min(cap, Sizing.whole(room / per));
            }
            return cap;
        }

        /** Long calls and short puts gain as the underlying rises: one side of the exchanges' count. */
        private static boolean bullish(boolean call, int ratio) {
            return call == ratio > 0;
        }

        /** Open option contracts on one side of an underlying (the exchanges' position-limit count). */
        private long openOnSide(Symbol sym, boolean bullishSide) {
            long n = 0;
            for (int p = 0; p < ledger.open.size(); p++) {
                Position pos = ledger.open.get(p);
                for (int k = 0; k < pos.legs.size(); k++) {
                    Leg l = pos.legs.get(k);
                    if (pos.legOpen[k] && !l.isShares() && l.symbol() == sym && bullish(l.call(), l.ratio()) == bullishSide) {
                        n += (long) Math.abs(l.ratio()) * pos.units;
                    }
                }
            }
            return n;
        }

        /** Closes every open leg at today's quotes through the fill function, as one order, then books the trade. */
        private void closeRest(Position pos, ExitReason reason) {
            int openLegs = 0;
            for (int k = 0; k < pos.legs.size(); k++) if (pos.legOpen[k]) openLegs++;
            boolean first = true;
            for (int k = 0; k < pos.legs.size(); k++) {
                if (!pos.legOpen[k]) continue;
                Leg l = pos.legs.get(k);
                int qty = -l.ratio() * pos.units;
                if (!l.isShares()) pricings++;
                Quote q = l.isShares() ? fills.shareQuote(md.close(l.symbol(), t)) : chain.quote(slices, l.symbol(), t, l.expiry(),
                        l.strike(), l.call());
                if (q == null) throw new IllegalStateException("held contract not quotable: " + pos.describe() + " on "
                        + Dates.format(md.day(t)));
                Fill f = legFill(l, q, qty, openLegs > 1, first);
                first = false;
                ledger.flow(pos, f.cash());
                pos.legCash[k] += f.cash();
                pos.costs += f.costs();
                pos.legOpen[k] = false;
            }
            ledger.changed();
            close(pos, reason);
        }

        private void close(Position pos, ExitReason reason) {
            for (int k = 0; k < pos.legs.size(); k++) if (pos.legCell[k] >= 0) cellGross[pos.legCell[k]] += Math.abs(pos.legCash[k]);
            ledger.remove(pos);
            pos.mark = 0;
            double pnl = pos.entryCash + pos.laterCash;
            Account acc = accounts[pos.slot];
            acc.closed++;
            if (pnl > 0) { acc.wins++; acc.sumWins += pnl; } else { acc.sumLosses += pnl; }
            ledger.trades.add(new Trade(slots.get(pos.slot).id(), pos.tag, pos.entryDay, md.day(t), pos.legs, pos.units,
                    pos.entryCash, pos.laterCash, pos.costs, pnl, reason, pos.capacityBound));
        }

        /** PortfolioView of one slot. */
        final class Account implements PortfolioView {
            final int slot;
            int closed, wins;
            double sumWins, sumLosses;
            int lastEntry = Integer.MIN_VALUE / 2;

            Account(int slot) { this.slot = slot; }

            @Override public double equity() { return ledger.liveEquity(); }

            @Override
            public double capitalBase() {
                return weight[slot] * (settings.compounding() ? ledger.liveEquity() : settings.startingCapital());
            }

            @Override public double freeBuyingPower() { return ledger.freeBuyingPower(); }

            @Override public int openPositions() { return ledger.openPositions(slot); }

            @Override public double openValue() { return ledger.openValue(slot); }

            @Override public int today() { return md.day(t); }
            @Override public int lastEntryDay() { return lastEntry; }
            @Override public int closedTrades() { return closed; }
            @Override public int wins() { return wins; }
            @Override public double sumWins() { return sumWins; }
            @Override public double sumLosses() { return sumLosses; }
        }
    }
}
