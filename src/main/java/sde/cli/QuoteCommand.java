package sde.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sde.config.ConfigLoader;
import sde.config.SdeConfig;
import sde.data.Dates;
import sde.data.MarketData;
import sde.data.SeriesId;
import sde.data.Symbol;
import sde.pricing.ExpiryCalendar;
import sde.pricing.HistoricalQuotes;
import sde.pricing.ModelChain;
import sde.pricing.OptionRow;
import sde.pricing.PricingInputs;
import sde.pricing.Quote;
import sde.pricing.StrikeGrid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "quote", mixinStandardHelpOptions = true,
        description = {"The option chain of one symbol and date as the engine sees it (SPEC §7): listed expiries,",
                "strikes around spot, bid/ask/mid/IV/delta, with real quotes beside the model where the data has them."})
public final class QuoteCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--symbol", required = true, paramLabel = "SYM", description = "SPY, QQQ or IWM.")
    String symbol;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "A trading day.")
    String date;

    @Option(names = "--expiries", defaultValue = "6", paramLabel = "N", description = "How many expiries to show (default 6).")
    int expiries;

    @Option(names = "--strikes", defaultValue = "5", paramLabel = "N", description = "Strikes each side of spot (default 5).")
    int strikes;

    @Override
    public Integer call() {
        SdeConfig cfg = common.config();
        Path dir = common.dataDir().dir();
        MarketData md = common.marketData(cfg, dir);
        Symbol sym = Symbol.parse(symbol);
        int day = (int) ConfigLoader.date("--date", "date", date).toEpochDay();
        int i = md.indexOf(day);
        if (i < 0) throw new IllegalArgumentException("--date " + date + " is not a trading day in the data ("
                + Dates.format(md.firstDay()) + ".." + Dates.format(md.lastDay()) + ")");
        ModelChain chain = cfg.pricing().modelChain(md);
        ExpiryCalendar cal = chain.expiries();
        StrikeGrid grid = new StrikeGrid(cfg.pricing().listing());
        PricingInputs in = new PricingInputs(md, cfg.pricing().surface());
        double spot = md.close(sym, i);
        List<OptionRow> real = new ArrayList<>();
        HistoricalQuotes.Split split = HistoricalQuotes.split(dir);
        for (List<OptionRow> set : List.of(split.calibration(), split.check())) {
            for (OptionRow r : set) if (r.quoteDate() == day && r.symbol() == sym) real.add(r);
        }
        System.out.printf("%s %s  close %.2f%s  VIX %.2f  vol ratio %.3f  rate %.3f%%  div yield %.3f%%  (MODEL%s)%n", sym, date, spot,
                md.adjustedOnly(sym) ? " (dividend-adjusted)" : "", md.value(SeriesId.VIX, i), in.volRatio(sym, i),
                100 * in.rate(i), 100 * in.divYield(sym, i), real.isEmpty() ? "" : "; real quotes beside it");
        int[] listed = cal.listed(sym, day);
        System.out.println("listed expiries: " + Arrays.stream(listed).mapToObj(Dates::format).reduce((a, b) ->
                a + " " + b).orElse("none"));
        double[] ks = grid.strikes(sym, spot);
        int atm = Arrays.binarySearch(ks, grid.nearest(sym, spot, spot));
        String head = String.format("%-10s %4s %8s | %7s %7s %7s %6s %6s | %7s %7s %7s %6s %6s", "expiry", "dte", "strike",
                "c.bid", "c.ask", "c.mid", "c.iv", "c.dlt", "p.bid", "p.ask", "p.mid", "p.iv", "p.dlt");
        for (int e = 0; e < Math.min(expiries, listed.length); e++) {
            System.out.println("\n" + head);
            for (int k = Math.max(0, atm - strikes); k <= Math.min(ks.length - 1, atm + strikes); k++) {
                Quote c = chain.quote(sym, i, listed[e], ks[k], true), p = chain.quote(sym, i, listed[e], ks[k], false);
                System.out.printf("%-10s %4d %8.2f | %7.2f %7.2f %7.3f %6.3f %6.3f | %7.2f %7.2f %7.3f %6.3f %6.3f%n",
                        Dates.format(listed[e]), listed[e] - day, ks[k], c.bid(), c.ask(), c.mid(), c.iv(), c.delta(),
                        p.bid(), p.ask(), p.mid(), p.iv(), p.delta());
                for (OptionRow r : real) {
                    if (r.expiry() == listed[e] && r.strike() == ks[k]) {
                        System.out.printf("%-10s %4s %8s   real %s: %s %s%n", "", "", "", r.call() ? "call" : "put ",
                                r.hasBidAsk() ? String.format("bid %.2f ask %.2f", r.bid(), r.ask()) : String.format("mid %.3f", r.mid()),
                                "(" + r.source() + ")");
                    }
                }
            }
        }
        return 0;
    }
}
