package sde.pricing;

import org.junit.jupiter.api.Test;
import sde.config.ConfigLoader;
import sde.data.AlignmentRules;
import sde.data.MarketData;
import sde.data.MarketDataBuilder;
import sde.data.MarketSources;
import sde.data.RawSeries;
import sde.data.SeriesId;
import sde.data.Symbol;
import sde.data.SyntheticMarket;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * QQQ's vol where VXN is missing (as after 2026-01-27 in the real data): the same fallback as IWM's,
 * which never has RVX, the trailing realized-vol ratio to SPY; VXN/VIX wherever VXN has a close.
 */
class VolRatioFallbackTest {
    private static final SurfaceSettings S = ConfigLoader.load(null, List.of()).pricing().surface();

    @Test
    void whereVxnEndsQqqFallsBackToTheRealizedRatioAsIwmAlwaysDoes() {
        LocalDate from = LocalDate.of(2020, 1, 2), to = LocalDate.of(2020, 12, 31);
        MarketSources src = SyntheticMarket.sources(11, from, to);
        RawSeries vxn = src.scalars().get(SeriesId.VXN);
        // The data's VXN ends before its last session (the real file on 2026-01-27): cut the synthetic one on 2020-08-31.
        int end = 0, last = (int) LocalDate.of(2020, 8, 31).toEpochDay();
        while (end < vxn.days().length && vxn.days()[end] <= last) end++;
        var scalars = new EnumMap<>(src.scalars());
        scalars.put(SeriesId.VXN, new RawSeries(vxn.name(), vxn.source(), vxn.layout(), Arrays.copyOf(vxn.days(), end),
                null, null, null, Arrays.copyOf(vxn.close(), end), null, null, null));
        scalars.remove(SeriesId.RVX);   // as in the real data: IWM has no vol index at all
        MarketSources gapped = new MarketSources(src.origin(), src.bars(), src.adjustedOnly(), src.dividends(), scalars, src.events(),
                src.unavailable(), src.ignoredEvents(), src.warnings(), src.synthetic(), src.benchmarks());
        MarketData md = MarketDataBuilder.build(gapped, (int) from.toEpochDay(), (int) to.toEpochDay(), AlignmentRules.spec());
        PricingInputs in = new PricingInputs(md, S);

        int inGap = 0, outside = 0;
        for (int i = S.ratioWindowDays(); i < md.size(); i++) {
            double r = in.volRatio(Symbol.QQQ, i);
            if (md.covered(SeriesId.VXN, i)) {
                assertEquals(clamp(md.value(SeriesId.VXN, i) / md.value(SeriesId.VIX, i)), r, 1e-12, "VXN/VIX where VXN has a close");
                outside++;
            } else {
                assertEquals(clamp(realizedRatio(md, Symbol.QQQ, i, S.ratioWindowDays())), r, 1e-9, "the realized ratio after VXN ends");
                assertEquals(clamp(realizedRatio(md, Symbol.IWM, i, S.ratioWindowDays())), in.volRatio(Symbol.IWM, i), 1e-9,
                        "IWM, with no RVX, by the same rule");
                inGap++;
            }
        }
        assertTrue(inGap > 60 && outside > 100, inGap + " days after VXN's end, " + outside + " before");
    }

    @Test
    void aSymbolScaleMultipliesItsRatioAndNeverSpys() {
        MarketData md = SyntheticMarket.generate(3, LocalDate.of(2020, 1, 2), LocalDate.of(2020, 6, 30));
        PricingInputs base = new PricingInputs(md, S), scaled = new PricingInputs(md, S.withSymbolScale(Symbol.QQQ, 1.1));
        for (int i = 0; i < md.size(); i++) {
            assertEquals(1.1 * base.volRatio(Symbol.QQQ, i), scaled.volRatio(Symbol.QQQ, i), 1e-12);
            assertEquals(base.volRatio(Symbol.IWM, i), scaled.volRatio(Symbol.IWM, i), 0.0);
        }
        assertThrows(IllegalArgumentException.class, () -> S.withSymbolScale(Symbol.SPY, 1.1), "SPY's level is atm_ratio's");
    }

    private static double clamp(double r) {
        return Math.max(S.ratioFloor(), Math.min(S.ratioCap(), r));
    }

    /** √(Σ squared log returns of sym / Σ of SPY's) over the w sessions ending at i: written out here, independent of the code. */
    private static double realizedRatio(MarketData md, Symbol sym, int i, int w) {
        double a = 0, b = 0;
        for (int k = i - w + 1; k <= i; k++) {
            a += Math.pow(Math.log(md.adjClose(sym, k) / md.adjClose(sym, k - 1)), 2);
            b += Math.pow(Math.log(md.adjClose(Symbol.SPY, k) / md.adjClose(Symbol.SPY, k - 1)), 2);
        }
        return Math.sqrt(a / b);
    }

}
