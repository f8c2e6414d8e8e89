package sde.pricing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The one fill function: every path pays the spread, slippage, commission and fees. */
class FillModelTest {
    private static final FillSettings S = new FillSettings(0.02, 0.65, 0.05, 0.0, 0.05, 0.005, 0.0);
    private static final FillModel FILLS = new FillModel(S);
    private static final Quote Q = new Quote(1.00, 1.10, 1.05, 0.2, 0.3);

    @Test
    void buyAtTheAskPlusSlippageSellAtTheBidMinusSlippage() {
        Fill buy = FILLS.fill(Q, 2);
        assertEquals(1.12, buy.price(), 1e-12);
        assertEquals(-(2 * 1.12 * 100) - 2 * 0.65 - 2 * 0.05, buy.cash(), 1e-9);
        Fill sell = FILLS.fill(Q, -3);
        assertEquals(0.98, sell.price(), 1e-12);
        assertEquals(3 * 0.98 * 100 - 3 * 0.70, sell.cash(), 1e-9);
    }

    @Test
    void impactGrowsAsTheSquareRootOfTheOrdersShareOfTheDaysVolume() {
        FillModel impact = new FillModel(S, 1.0);
        // Half-spread 0.05: 100 of 10,000 a day pays 0.05 × √0.01 = 0.005 beyond the ask; four times the size, twice that.
        assertEquals(0.005, impact.impact(Q, 100, 10_000), 1e-12);
        assertEquals(0.010, impact.impact(Q, 400, 10_000), 1e-12);
        assertEquals(0.010, impact.impact(Q, -400, 10_000), 1e-12, "a sale pays it too");
        assertEquals(1.12 + 0.010, impact.fill(Q, 400, 10_000).price(), 1e-12);
        assertEquals(0.98 - 0.010, impact.fill(Q, -400, 10_000).price(), 1e-12);
        assertEquals(1.12, impact.fill(Q, 400).price(), 1e-12, "no volume known: no impact");
        assertEquals(0.05, impact.impact(Q, 1, 0), 1e-12, "a contract that never trades: volume taken as one, finite");
        assertEquals(0.0, FILLS.impact(Q, 400, 10), "coefficient 0: none");
        assertThrows(IllegalArgumentException.class, () -> new FillModel(S, -1));
    }

    @Test
    void aRoundTripAtAnUnchangedQuoteLosesTheSpreadSlippageAndCosts() {
        double pnl = FILLS.fill(Q, 1).cash() + FILLS.fill(Q, -1).cash();
        assertEquals(-(0.10 + 2 * 0.02) * 100 - 2 * 0.70, pnl, 1e-9);
    }

    @Test
    void aMultiLegOrderFillsAsOneAtTheNetMidLessAShareOfTheSummedHalfSpreadsAndOneSlippage() {
        // A put credit spread: sell the 400 put (3.10 / 3.20), buy the 395 put (2.00 / 2.08). Net mid credit 1.11.
        Quote shortLeg = new Quote(3.10, 3.20, 3.15, 0.2, -0.3), longLeg = new Quote(2.00, 2.08, 2.04, 0.21, -0.2);
        FillModel combo = new FillModel(new FillSettings(0.02, 0.65, 0.05, 0.0, 0.05, 0.005, 0.0, 0.5));
        List<Fill> legs = combo.fill(List.of(shortLeg, longLeg), new int[]{-1, 1});
        double credit = legs.stream().mapToDouble(Fill::cash).sum();
        // Half of the summed half-spreads (0.05 + 0.04) and the slippage once, then commissions per contract.
        assertEquals((1.11 - 0.5 * 0.09 - 0.02) * 100 - 2 * 0.70, credit, 1e-9);
        assertEquals(3.15 - 0.025 - 0.02, legs.get(0).price(), 1e-12, "the first leg carries the order's slippage");
        assertEquals(2.04 + 0.02, legs.get(1).price(), 1e-12);

        // combo_spread_share 1: the whole natural width of the order, still one slippage; legging it pays two.
        double natural = FILLS.fill(List.of(shortLeg, longLeg), new int[]{-1, 1}).stream().mapToDouble(Fill::cash).sum();
        assertEquals((1.11 - 0.09 - 0.02) * 100 - 2 * 0.70, natural, 1e-9);
        double legged = FILLS.fill(shortLeg, -1).cash() + FILLS.fill(longLeg, 1).cash();
        assertEquals((3.08 - 2.10) * 100 - 2 * 0.70, legged, 1e-9, "bid minus ask, less slippage both ways, less costs");
        assertTrue(credit > natural && natural > legged);
        assertEquals(List.of(FILLS.fill(shortLeg, -1)), FILLS.fill(List.of(shortLeg), new int[]{-1}), "one leg is a single order");
    }

    @Test
    void aComboSaleNeverFillsBelowZero() {
        FillModel combo = new FillModel(new FillSettings(0.02, 0.65, 0.05, 0.0, 0.05, 0.005, 0.0, 0.5));
        assertEquals(0.0, combo.comboLeg(new Quote(0.0, 0.02, 0.01, 0.2, 0.01), -1, true, false).price());
    }

    @Test
    void sharesGoThroughTheSameFunction() {
        Fill buy = FILLS.fillShares(100.00, 10);
        assertEquals(100.00 + 0.005 + 0.02, buy.price(), 1e-12, "ask plus slippage");
        assertEquals(-10 * 100.025, buy.cash(), 1e-9);
        assertEquals(100.00 - 0.005 - 0.02, FILLS.fillShares(100.00, -10).price(), 1e-12);
    }

    @Test
    void aSaleNeverFillsBelowZero() {
        assertEquals(0.0, FILLS.fill(new Quote(0.0, 0.01, 0.005, 0.2, 0.01), -1).price());
    }

    @Test
    void settlementIsAtIntrinsicValue() {
        Fill shortPutAssigned = FILLS.settle(false, 400, 390, -2, "expiry");
        assertEquals(2, shortPutAssigned.quantity(), "closing a short position buys it back");
        assertEquals(-2 * 10 * 100, shortPutAssigned.cash(), 1e-9);
        assertEquals(0, FILLS.settle(true, 400, 390, 1, "expiry").cash(), 1e-12, "OTM expires worthless");
    }

    @Test
    void earlyAssignmentRules() {
        assertTrue(EarlyAssignment.callAssignedOnExDate(400, 420, 20.5, 1.5), "extrinsic 0.50 < dividend 1.50");
        assertFalse(EarlyAssignment.callAssignedOnExDate(400, 420, 22.0, 1.5), "extrinsic 2.00 > dividend");
        assertFalse(EarlyAssignment.callAssignedOnExDate(400, 395, 0.5, 1.5), "OTM");
        assertTrue(EarlyAssignment.putAssigned(400, 370, 30.02, S));
        assertFalse(EarlyAssignment.putAssigned(400, 395, 6.0, S));
    }

    @Test
    void badSettingsAndOrdersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FillSettings(-0.01, 0.65, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> FILLS.fill(Q, 0));
        assertThrows(IllegalArgumentException.class, () -> new Quote(1.2, 1.1, 1.15, 0.2, 0.5));
    }
}
