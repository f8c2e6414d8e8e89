package sde.backtest;

import org.junit.jupiter.api.Test;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.SeriesId;
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
import sde.strategy.Strategy;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** SPEC §3: cash earns the risk-free rate, collateral included; a debit balance pays rate plus spread. */
class InterestTest {

    /** Holds {@code exposure} × equity of SPY shares from the first session on, or nothing at 0. */
    record Shares(double exposure) implements Strategy<Double> {
        @Override public String name() { return "shares_" + exposure; }
        @Override public ParamSpace space() { return new ParamSpace(List.of()); }
        @Override public Double configure(Params params) { return exposure; }

        @Override
        public void generateSignals(MarketView view, Double p, List<Signal> out) {
            if (p > 0) out.add(new Signal("shares", List.of(Leg.shares(Symbol.SPY, 1))));
        }

        @Override
        public long sizePosition(PricedSignal s, PortfolioView pf, Double p) {
            return pf.openPositions() > 0 ? 0 : (int) Math.floor(p * pf.equity() / -s.entryCash());
        }

        @Override public Action managePosition(PositionView position, MarketView view, Double p) { return Action.HOLD; }
    }

    private static RunResult run(double exposure, BacktestSettings b) {
        Shares s = new Shares(exposure);
        Slot<Double> slot = new Slot<>("s", s, Params.none(), exposure, 1.0);
        return Engines.backtester(Engines.real(), b).run(List.of(slot), Dates.of("2023-01-01"), Dates.of("2023-12-31"));
    }

    private static BacktestSettings settings(boolean interest, double maxBuyingPower) {
        BacktestSettings d = Engines.CONF.backtest();
        return d.toBuilder().firstYear(2023).lastYear(2023).maxRiskPct(maxBuyingPower).maxBuyingPower(maxBuyingPower).cashInterest(interest)
                .earlyAssignment(true).expirySettlement(BacktestSettings.Settlement.CLOSE).morningFraction(0).build();
    }

    @Test
    void anIdleAccountEarnsTheTBillRateOfEachPreviousCloseOverTheCalendarDays() {
        RunResult r = run(0, settings(true, 1.0));
        MarketData md = Engines.real();
        // Independently of the engine's conversion: DTB3 is a 91-day discount rate d, so a bill bought
        // at 1 − 91·d/360 grows by 1 / (1 − 91·d/360) over 91 days; each calendar gap earns that growth
        // to the power days/91, at the previous close's rate.
        double expected = r.startingCapital();
        for (int i = 1; i < r.days().length; i++) {
            int prev = md.indexOf(r.days()[i - 1]);
            double d = md.value(SeriesId.DTB3, prev) / 100;
            expected *= Math.pow(1 / (1 - 91 * d / 360), (r.days()[i] - r.days()[i - 1]) / 91.0);
        }
        int last = r.equity().length - 1;
        assertEquals(expected, r.equity()[last], 0.01, "a 2023 of T-bills on 100,000");
        assertTrue(r.equity()[last] > 104_800 && r.equity()[last] < 105_400, "DTB3 ran 4.3–5.3 % through 2023: " + r.equity()[last]);
        assertEquals(r.equity()[last] - r.startingCapital(), r.interest()[last], 1e-6, "all of it is interest");
        // Over a weekend three calendar days accrue: Friday 2023-03-03 to Monday 2023-03-06.
        int fri = indexOf(r, "2023-03-03"), mon = fri + 1, thu = indexOf(r, "2023-03-02");
        double weekend = r.interest()[mon] - r.interest()[fri], weekday = r.interest()[fri] - r.interest()[thu];
        assertEquals(3.0, weekend / weekday, 0.05);

        RunResult off = run(0, settings(false, 1.0));
        assertEquals(r.startingCapital(), off.equity()[last], 0.0, "backtest.cash_interest false: cash earns nothing");
    }

    @Test
    void aDebitBalancePaysTheRatePlusTheBorrowSpread() {
        BacktestSettings b = settings(true, 2.0);
        RunResult r = run(1.5, b);
        int last = r.equity().length - 1;
        double paid = -r.interest()[last];
        // About 50,000 borrowed all year at ~5.1 % + 1.5 %: roughly 3,300 (the debit moves with dividends received).
        assertTrue(paid > 3_000 && paid < 3_600, "interest paid on the margin loan: " + paid);
        RunResult cheap = run(1.5, b.toBuilder().firstYear(2023).lastYear(2023).maxRiskPct(2.0).maxBuyingPower(2.0).cashInterest(true)
                .borrowSpread(0.0).earlyAssignment(true).expirySettlement(BacktestSettings.Settlement.CLOSE).morningFraction(0).build());
        double spreadCost = paid + cheap.interest()[last];
        assertEquals(0.015 * 50_000, spreadCost, 120, "the spread alone costs 1.5 % of the debit");
    }

    private static int indexOf(RunResult r, String day) {
        for (int i = 0; i < r.days().length; i++) if (r.days()[i] == Dates.of(day)) return i;
        throw new AssertionError(day);
    }
}
