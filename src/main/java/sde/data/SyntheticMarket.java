package sde.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded synthetic market with the structure of the real one, for unit tests and the labeled
 * --demo run; never presented as a result (synthetic markets are for tests and a labeled demo only). Its source reads "SYNTHETIC seed=N"
 * and {@link MarketData#synthetic()} is true.
 *
 * <p>Model, per trading day (dt = 1/252):
 * <ul>
 *   <li>a calm/stress regime, a two-state Markov chain;</li>
 *   <li>log-volatility h mean-reverting (OU) to the regime's level, its shock correlated with the
 *       market shock (leverage effect) and lifted by price jumps, so volatility clusters and rises
 *       in sell-offs (daily corr(SPY return, ΔVIX) is about −0.79 in the real 2019–2025 data);</li>
 *   <li>the market factor: drift, diffusion at exp(h), and Poisson jumps (rarer in calm) with
 *       negative mean;</li>
 *   <li>QQQ and IWM: beta times the market factor plus idiosyncratic noise; cents-rounded raw
 *       closes, OHLC from an intraday range, quarterly dividends that drop the raw price;</li>
 *   <li>implied-vol indices consistent with it: the model's expected variance over 6, 21 and 63
 *       days (mean reversion of h plus jump variance) times a variance risk premium, as VIX9D, VIX
 *       and VIX3M; VXN and RVX scale VIX by the betas and idiosyncratic vols;</li>
 *   <li>a slowly wandering T-bill rate, and FOMC/CPI/NFP/GDP/PPI dates on plausible schedules.</li>
 * </ul>
 */
public final class SyntheticMarket {

    /** Model constants; conf/ carries only the seed and dates because nothing is fitted to them. */
    private static final double DT = 1.0 / 252;
    private static final double[] VOL_LEVEL = {0.14, 0.34};          // calm, stress annualised
    private static final double[] P_SWITCH = {0.008, 0.04};          // daily probability of leaving calm, stress
    private static final double KAPPA = 4.0;                         // mean reversion of log-vol, per year
    private static final double VOL_OF_VOL = 0.9;                    // per sqrt(year)
    private static final double LEVERAGE = -0.85;                    // corr(market shock, vol shock)
    private static final double JUMP_VOL_FEEDBACK = 0.35;            // log-vol rise after a price jump
    private static final double REGIME_LEARNING = 0.05;              // daily speed the vol level the indices expect follows the regime
    private static final double DRIFT = 0.08;
    private static final double[] JUMP_RATE = {0.5, 6.0};            // jumps per year in calm, stress
    private static final double JUMP_MEAN = -0.035, JUMP_SD = 0.03;
    private static final double VARIANCE_PREMIUM = 1.15;             // implied over expected vol
    private static final double[] BETA = {1.0, 1.15, 1.2};           // SPY, QQQ, IWM
    private static final double[] IDIO_VOL = {0.0, 0.08, 0.11};
    private static final double[] START = {200, 100, 120};
    private static final double[] DIV_YIELD = {0.015, 0.006, 0.012};

    private SyntheticMarket() {}

    public static MarketSources sources(long seed, LocalDate from, LocalDate to) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<LocalDate> days = tradingDays(from, to);
        int n = days.size();
        if (n < 2) throw new IllegalArgumentException("synthetic market needs at least two trading days");
        int[] epoch = days.stream().mapToInt(d -> (int) d.toEpochDay()).toArray();

        double[][] close = new double[3][n], open = new double[3][n], high = new double[3][n], low = new double[3][n];
        double[][] vol = new double[3][n], div = new double[3][n];
        double[] vix = new double[n], vix9 = new double[n], vix3m = new double[n], vix1d = new double[n];
        double[] vxn = new double[n], rvx = new double[n], vvix = new double[n], rate = new double[n];
        int regime = 0;
        double h = Math.log(VOL_LEVEL[0]);
        double r = 0.02;
        double expectedLevel = VOL_LEVEL[0];
        double[] px = START.clone();
        for (int t = 0; t < n; t++) {
            if (rnd.nextDouble() < P_SWITCH[regime]) regime = 1 - regime;
            double z1 = gauss(rnd), z2 = LEVERAGE * z1 + Math.sqrt(1 - LEVERAGE * LEVERAGE) * gauss(rnd);
            double target = Math.log(VOL_LEVEL[regime]);
            double hPrev = h;
            h += KAPPA * (target - h) * DT + VOL_OF_VOL * Math.sqrt(DT) * z2;
            double sigma = Math.exp(h);
            double jump = rnd.nextDouble() < JUMP_RATE[regime] * DT ? JUMP_MEAN + JUMP_SD * gauss(rnd) : 0;
            if (jump != 0) h += JUMP_VOL_FEEDBACK;
            double market = (DRIFT - 0.5 * sigma * sigma) * DT + sigma * Math.sqrt(DT) * z1 + jump;
            r = Math.max(0, r + 0.002 * gauss(rnd) * Math.sqrt(DT) * 10);
            LocalDate d = days.get(t);
            boolean exDate = isExDate(d, days, t);
            for (int s = 0; s < 3; s++) {
                double ret = t == 0 ? 0 : BETA[s] * market + IDIO_VOL[s] * Math.sqrt(DT) * gauss(rnd);
                double prev = px[s];
                double dividend = exDate && t > 0 ? cents(prev * DIV_YIELD[s] / 4) : 0;
                px[s] = Math.max(0.01, prev * Math.exp(ret) - dividend);
                double c = cents(px[s]);
                double o = cents(t == 0 ? c : (prev - dividend) * Math.exp(0.25 * sigma * Math.sqrt(DT) * gauss(rnd)));
                double range = Math.abs(gauss(rnd)) * 0.6 * sigma * BETA[s] * Math.sqrt(DT);
                close[s][t] = c;
                open[s][t] = o;
                high[s][t] = cents(Math.max(o, c) * (1 + range));
                low[s][t] = cents(Math.min(o, c) * (1 - range));
                vol[s][t] = Math.rint(5e7 * Math.exp(0.3 * gauss(rnd)) * (1 + 3 * Math.abs(ret) / Math.sqrt(DT) / 0.2) / (s + 1));
                div[s][t] = dividend;
            }
            // The indices price the level the market has learnt, not the hidden regime: no VIX step without a move.
            expectedLevel += REGIME_LEARNING * (VOL_LEVEL[regime] - expectedLevel);
            double theta = expectedLevel;
            double jumpVar = JUMP_RATE[regime] * (JUMP_MEAN * JUMP_MEAN + JUMP_SD * JUMP_SD);
            vix1d[t] = index(sigma, theta, jumpVar, 1);
            vix9[t] = index(sigma, theta, jumpVar, 6);
            vix[t] = index(sigma, theta, jumpVar, 21);
            vix3m[t] = index(sigma, theta, jumpVar, 63);
            vxn[t] = round2(Math.sqrt(sq(BETA[1] * vix[t]) + sq(100 * IDIO_VOL[1] * VARIANCE_PREMIUM)));
            rvx[t] = round2(Math.sqrt(sq(BETA[2] * vix[t]) + sq(100 * IDIO_VOL[2] * VARIANCE_PREMIUM)));
            vvix[t] = round2(70 + 1.2 * vix[t] + 300 * Math.abs(h - hPrev));
            rate[t] = round2(100 * r);
        }
        Map<Symbol, RawSeries> bars = new EnumMap<>(Symbol.class);
        Map<Symbol, RawSeries> dividends = new EnumMap<>(Symbol.class);
        for (Symbol s : Symbol.values()) {
            int k = s.ordinal();
            bars.put(s, new RawSeries(s.name(), "SYNTHETIC", Layout.PLAIN, epoch, open[k], high[k], low[k], close[k],
                    adjusted(close[k], div[k]), vol[k], null));
            dividends.put(s, dividendRows(s, epoch, div[k]));
        }
        Map<SeriesId, RawSeries> scalars = new EnumMap<>(SeriesId.class);
        put(scalars, SeriesId.VIX, epoch, vix);
        put(scalars, SeriesId.VIX9D, epoch, vix9);
        put(scalars, SeriesId.VIX3M, epoch, vix3m);
        put(scalars, SeriesId.VIX1D, epoch, vix1d);
        put(scalars, SeriesId.VXN, epoch, vxn);
        put(scalars, SeriesId.RVX, epoch, rvx);
        put(scalars, SeriesId.VVIX, epoch, vvix);
        put(scalars, SeriesId.DTB3, epoch, rate);
        return new MarketSources("SYNTHETIC seed=" + seed, bars, EnumSet.noneOf(Symbol.class), dividends, scalars,
                events(from, to, days), new TreeMap<>(), new TreeMap<>(),
                List.of("SYNTHETIC market (seed " + seed + "): generated for tests and demos, not real data"), true, Map.of());
    }

    public static MarketData generate(long seed, LocalDate from, LocalDate to) {
        return MarketDataBuilder.build(sources(seed, from, to), (int) from.toEpochDay(), (int) to.toEpochDay(),
                AlignmentRules.spec());
    }

    /** 100 × implied vol for a horizon of {@code days}: expected mean variance of the OU log-vol, plus jumps, times the premium. */
    private static double index(double sigma, double theta, double jumpVar, int days) {
        double tau = days * DT;
        double decay = (1 - Math.exp(-2 * KAPPA * tau)) / (2 * KAPPA * tau);
        double var = theta * theta + (sigma * sigma - theta * theta) * decay + jumpVar;
        return round2(100 * VARIANCE_PREMIUM * Math.sqrt(var));
    }

    /** Yahoo's backward multiplicative dividend adjustment, as SOURCES.md describes for derived/. */
    private static double[] adjusted(double[] close, double[] div) {
        int n = close.length;
        double[] adj = new double[n];
        double f = 1;
        for (int t = n - 1; t >= 0; t--) {
            adj[t] = close[t] * f;
            if (div[t] > 0 && t > 0) f *= 1 - div[t] / close[t - 1];
        }
        return adj;
    }

    private static RawSeries dividendRows(Symbol s, int[] epoch, double[] div) {
        List<Integer> d = new ArrayList<>();
        List<Double> a = new ArrayList<>();
        for (int t = 0; t < epoch.length; t++) if (div[t] > 0) { d.add(epoch[t]); a.add(div[t]); }
        return new RawSeries(s + " dividends", "SYNTHETIC", Layout.DIVIDENDS, d.stream().mapToInt(Integer::intValue).toArray(),
                null, null, null, a.stream().mapToDouble(Double::doubleValue).toArray(), null, null, null);
    }

    private static void put(Map<SeriesId, RawSeries> m, SeriesId id, int[] epoch, double[] v) {
        m.put(id, new RawSeries(id.name(), "SYNTHETIC", Layout.FRED, epoch, null, null, null, v, null, null, null));
    }

    /** Weekdays without New Year's Day, Independence Day and Christmas (observed dates ignored: this is not NYSE). */
    static List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DayOfWeek w = d.getDayOfWeek();
            if (w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY) continue;
            if (d.getMonth() == Month.JANUARY && d.getDayOfMonth() == 1) continue;
            if (d.getMonth() == Month.JULY && d.getDayOfMonth() == 4) continue;
            if (d.getMonth() == Month.DECEMBER && d.getDayOfMonth() == 25) continue;
            out.add(d);
        }
        return out;
    }

    /** Ex-dates on the third Friday of Mar/Jun/Sep/Dec, or the next trading day. */
    private static boolean isExDate(LocalDate d, List<LocalDate> days, int t) {
        int m = d.getMonthValue();
        if (m % 3 != 0) return false;
        LocalDate third = d.withDayOfMonth(1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
        return !d.isBefore(third) && (t == 0 || days.get(t - 1).isBefore(third));
    }

    private static Map<EventType, int[]> events(LocalDate from, LocalDate to, List<LocalDate> days) {
        Map<EventType, List<Integer>> acc = new EnumMap<>(EventType.class);
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            for (int week : new int[]{5, 11, 17, 24, 30, 37, 44, 50}) {
                add(acc, EventType.FOMC, LocalDate.of(y, 1, 1).plusWeeks(week).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY)));
            }
            for (int m = 1; m <= 12; m++) {
                add(acc, EventType.NFP, LocalDate.of(y, m, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.FRIDAY)));
                add(acc, EventType.CPI, LocalDate.of(y, m, 12));
                add(acc, EventType.PPI, LocalDate.of(y, m, 14));
                if (m % 3 == 1) add(acc, EventType.GDP, LocalDate.of(y, m, 28));
            }
        }
        Map<EventType, int[]> out = new EnumMap<>(EventType.class);
        int lo = (int) from.toEpochDay(), hi = (int) to.toEpochDay();
        acc.forEach((t, l) -> out.put(t, l.stream().mapToInt(Integer::intValue).filter(d -> d >= lo && d <= hi).sorted().toArray()));
        return out;
    }

    private static void add(Map<EventType, List<Integer>> acc, EventType t, LocalDate d) {
        acc.computeIfAbsent(t, k -> new ArrayList<>()).add((int) d.toEpochDay());
    }

    private static double gauss(SplittableRandom rnd) {
        // Box–Muller on SplittableRandom: java.util.Random#nextGaussian would tie us to a second generator.
        double u = rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private static double cents(double x) { return Math.rint(x * 100) / 100; }

    private static double round2(double x) { return Math.rint(x * 100) / 100; }

    private static double sq(double x) { return x * x; }
}
