package sde.benchmark;

import sde.data.Dates;
import sde.data.MarketData;
import sde.data.RawSeries;
import sde.data.SeriesId;
import sde.data.Symbol;
import sde.pricing.Fill;
import sde.pricing.FillModel;
import sde.pricing.ModelCell;
import sde.pricing.PricingInputs;
import sde.pricing.PricingSettings;
import sde.pricing.Quote;
import sde.pricing.QuoteModel;
import sde.pricing.VolSurface;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The replica of a fund that writes one-session calls every morning (SPEC §1: QDTE, XDTE, RDTE), by
 * the rules conf declares for it ({@link DailyFund}):
 * <ul>
 *   <li>the long side is synthetic: the notional earns the symbol's price return from close to close,
 *       no dividends (a dividend-adjusted symbol gives its yield back);</li>
 *   <li>at each session's open, calls expiring at that close are written on the share of the notional
 *       the fund writes, struck by its rule; each is priced at the open (the session's open, the vol
 *       index's open, the variance left: {@link VolSurface#priceAtOpen}), sold through the one fill
 *       function and settled at intrinsic value at the close;</li>
 *   <li>the expense ratio accrues daily (taken from the finished path, as for QYLD).</li>
 * </ul>
 * The whole position lives and dies inside one session, which the engine's backtester, deciding at
 * closes, has no place for; so this loop calls the pricer and the fill function itself (a benchmark,
 * never a strategy: SPEC §2 lets only a replica trade at the open). Whole contracts of the ETF's
 * options stand in for the fund's index options: at the replica's capital they round by under 0.5 %.
 */
public final class DailyFundReplica {
    private final MarketData md;
    private final VolSurface surface;
    private final QuoteModel quotes;
    private final FillModel fills;
    private final double capital, varianceLeft;
    private final SessionOpens opens;
    private final boolean atMid;

    public DailyFundReplica(MarketData md, PricingSettings pricing, BenchmarkSettings settings, SessionOpens opens) {
        this(md, pricing, settings, opens, false);
    }

    /**
     * @param atMid sell at the model's mid with no costs (what the level fit compares: the centre is a mid), instead
     *              of at the modeled bid less slippage and commissions
     */
    public DailyFundReplica(MarketData md, PricingSettings pricing, BenchmarkSettings settings, SessionOpens opens, boolean atMid) {
        this.md = md;
        this.surface = new VolSurface(new PricingInputs(md, pricing.surface()), pricing.surface());
        this.quotes = new QuoteModel(pricing.quotes());
        this.capital = settings.startingCapital();
        this.varianceLeft = settings.sessionVarianceLeft();
        this.opens = opens;
        this.atMid = atMid;
        this.fills = atMid ? new FillModel(SurfaceFit.atMid(pricing).fills()) : new FillModel(pricing.fills());
    }

    /**
     * What a session's open knows of VIX, per session of the market: its open (a fraction) and that open
     * over the previous close, the overnight move; where the file has no open, the previous close and 1.
     */
    public record SessionOpens(double[] vixOpen, double[] overnight) {
        public static SessionOpens of(MarketData md, Map<SeriesId, RawSeries> scalars) {
            int n = md.size();
            double[] open = new double[n], move = new double[n];
            RawSeries vix = scalars.get(SeriesId.VIX);
            for (int i = 1; i < n; i++) {
                double prev = md.value(SeriesId.VIX, i - 1);
                int j = vix == null || !vix.hasOhlc() ? -1 : vix.indexOf(md.day(i));
                double o = j >= 0 && vix.open()[j] > 0 ? vix.open()[j] : prev;
                open[i] = o / 100;
                move[i] = prev > 0 ? o / prev : 1;
            }
            return new SessionOpens(open, move);
        }
    }

    /** VIX at session i's open scaled to {@code sym} by its ratio at the previous close (a fraction): what a sigma strike rule reads. */
    public double sigmaAtOpen(Symbol sym, int i) {
        return opens.vixOpen()[i] * surface.inputs().volRatio(sym, i - 1);
    }

    /** The replica of {@code name} from its first date to the data's end, compared with {@code levels} when not null. */
    public Replication.Result run(String name, DailyFund fund, RawSeries levels) {
        long t0 = System.nanoTime();
        Symbol sym = fund.underlying();
        int first = md.indexOnOrAfter((int) fund.first().toEpochDay());
        if (first < 1 || first >= md.size() - 1) {
            throw new IllegalArgumentException("benchmark.daily_funds." + name + ".first_date: " + fund.firstDate()
                    + " leaves no session in the data (" + Dates.format(md.firstDay()) + " to " + Dates.format(md.lastDay()) + ")");
        }
        int n = md.size() - first;
        int[] days = new int[n];
        double[] equity = new double[n];
        double[] cellGross = new double[ModelCell.COUNT];
        double[] pd = new double[2];
        boolean adjusted = md.adjustedOnly(sym);
        double yield = adjusted ? fund.longSideYieldPct() / 100 : 0;
        double e = capital;
        days[0] = md.day(first);
        equity[0] = e;
        int trades = 0;
        for (int k = 1; k < n; k++) {
            int i = first + k;
            double c0 = md.close(sym, i - 1), o = md.open(sym, i), c = md.close(sym, i);
            double next = e * (c / c0) - e * yield * (md.day(i) - md.day(i - 1)) / 365;
            int contracts = (int) Math.round(fund.shareWritten() * e * (o / c0) / (Fill.CONTRACT * o));
            if (contracts > 0) {
                double strike = fund.strikeRule().strike(o, sigmaAtOpen(sym, i));
                double iv = surface.priceAtOpen(sym, i, o, opens.overnight()[i], varianceLeft, strike, true, pd);
                Quote q = atMid ? new Quote(pd[0], pd[0], pd[0], iv, pd[1]) : quotes.quote(pd[0], 100 * opens.vixOpen()[i], iv, pd[1]);
                Fill sold = fills.fill(q, -contracts);
                Fill settled = fills.settle(true, strike, c, -contracts, "expiry");
                next += sold.cash() + settled.cash();
                cellGross[ModelCell.index(sym, true, Math.abs(pd[1]), 0)] +=
                        (sold.price() - Math.max(0, c - strike)) * contracts * Fill.CONTRACT;
                trades++;
            }
            e = next;
            days[k] = md.day(i);
            equity[k] = e;
        }
        double wallMs = (System.nanoTime() - t0) / 1e6;
        String description = String.format(Locale.ROOT, "%s on %s: one-session calls written each open (%s %.4g), %.0f %% of the"
                        + " notional, synthetic long, %.2f %%/yr", name, sym, fund.strikeRule().kind(), fund.strikeRule().level(),
                100 * fund.shareWritten(), fund.feePct());
        return Replication.compare(name, description, days, equity, levels, fund.feePct(), trades, Map.of("expiry", trades), wallMs,
                List.of(), cellGross);
    }
}
