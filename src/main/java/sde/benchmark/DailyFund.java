package sde.benchmark;

import sde.data.Symbol;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A fund that writes calls of a single session every morning (QDTE, XDTE, RDTE: SOURCES.md), as
 * conf/sde.yaml's benchmark.daily_funds declares it, so that a user adds a fund without code.
 *
 * @param symbol          the ETF whose bars stand in for the fund's index (SPY, QQQ or IWM)
 * @param roll            {@code session}: written at each session's open, expiring at its close
 * @param strikeRule      how far out of the money the calls are written (inferred: `benchmark --infer-strikes`)
 * @param shareWritten    the share of the notional written, (0, 1]
 * @param feePct          the expense ratio, % a year, accrued daily
 * @param firstDate       the fund's first close (YYYY-MM-DD): the replica starts there
 * @param longSideYieldPct the dividend yield, % a year, that the synthetic long side does not earn while
 *                        the symbol's bars are dividend-adjusted (IWM's here); ignored on raw bars
 */
public record DailyFund(String symbol, String roll, StrikeRule strikeRule, double shareWritten, double feePct, String firstDate,
                        double longSideYieldPct) {
    public DailyFund {
        if (symbol == null) throw new IllegalArgumentException("symbol: missing");
        try {
            Symbol.parse(symbol);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("symbol: " + e.getMessage());
        }
        if (!"session".equals(roll)) throw new IllegalArgumentException("roll: '" + roll + "' is not known; the one roll is 'session'");
        if (strikeRule == null) throw new IllegalArgumentException("strike_rule: missing");
        if (!(shareWritten > 0 && shareWritten <= 1)) {
            throw new IllegalArgumentException("share_written: must be in (0, 1], got " + shareWritten);
        }
        if (!(feePct >= 0 && feePct < 10)) throw new IllegalArgumentException("fee_pct: must be in [0, 10), got " + feePct);
        if (!(longSideYieldPct >= 0 && longSideYieldPct < 10)) {
            throw new IllegalArgumentException("long_side_yield_pct: must be in [0, 10), got " + longSideYieldPct);
        }
        try {
            LocalDate.parse(firstDate);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("first_date: expected a date YYYY-MM-DD, got '" + firstDate + "'");
        }
    }

    public Symbol underlying() { return Symbol.parse(symbol); }

    public LocalDate first() { return LocalDate.parse(firstDate); }

    /**
     * Where the calls are struck, from the session's open O: {@code otm_pct}, K = O × (1 + level); or
     * {@code sigma}, K = O × (1 + level × σ / √252) with σ the symbol's vol index at the open (a fraction:
     * VIX1D, else VIX9D, else VIX, times the symbol's ratio to SPY at the previous close), so the
     * distance widens with the expected move, as the funds say theirs does.
     */
    public record StrikeRule(String kind, double level) {
        public StrikeRule {
            if (kind == null) throw new IllegalArgumentException("strike_rule.kind: missing; expected otm_pct or sigma");
            kind = kind.strip().toLowerCase(Locale.ROOT);
            switch (kind) {
                case "otm_pct" -> {
                    if (!(level >= 0 && level <= 0.10)) {
                        throw new IllegalArgumentException("strike_rule.level: an otm_pct rule must be in [0, 0.10], got " + level);
                    }
                }
                case "sigma" -> {
                    if (!(level >= 0 && level <= 4)) {
                        throw new IllegalArgumentException("strike_rule.level: a sigma rule must be in [0, 4], got " + level);
                    }
                }
                default -> throw new IllegalArgumentException("strike_rule.kind: '" + kind + "' is not known; expected otm_pct or sigma");
            }
        }

        public boolean sigma() { return kind.equals("sigma"); }

        /** The strike for a session that opened at {@code open} with the symbol's vol index at {@code sigma} (a fraction). */
        public double strike(double open, double sigma) {
            return open * (1 + (sigma() ? level * sigma / Math.sqrt(252) : level));
        }
    }
}
