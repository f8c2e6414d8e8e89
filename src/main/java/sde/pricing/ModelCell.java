package sde.pricing;

import sde.data.Symbol;

import java.util.Comparator;

/**
 * A region of the option surface where the model is, or is not, checked against real prices (SPEC §5
 * model coverage): symbol, call or put, |delta| bucket and DTE bucket. The same cells key the error
 * tables of real chains (Calibration.cells), the coverage table (conf pricing.coverage) and the split
 * of a run's gross option P&L (the backtester attributes each option leg to the cell it opened in).
 */
public record ModelCell(Symbol symbol, boolean call, DeltaBucket delta, DteBucket dte) {
    /** |delta| × 100 in [lo, hi): 0–10, 10–25, 25–40, 40–60, 60+. */
    public enum DeltaBucket {
        D0_10(0, 10), D10_25(10, 25), D25_40(25, 40), D40_60(40, 60), D60_UP(60, Double.POSITIVE_INFINITY);

        final double lo, hi;

        DeltaBucket(double lo, double hi) { this.lo = lo; this.hi = hi; }

        public static DeltaBucket of(double absDelta) {
            double d = Math.abs(absDelta) * 100;
            for (DeltaBucket b : values()) if (d < b.hi) return b;
            return D60_UP;
        }

        public String label() { return Double.isInfinite(hi) ? (int) lo + "+" : (int) lo + "-" + (int) hi; }
    }

    /** Calendar days to expiry in [lo, hi]: 0–2, 3–7, 8–30, 31–60, 61+. */
    public enum DteBucket {
        D0_2(0, 2), D3_7(3, 7), D8_30(8, 30), D31_60(31, 60), D61_UP(61, Integer.MAX_VALUE);

        final int lo, hi;

        DteBucket(int lo, int hi) { this.lo = lo; this.hi = hi; }

        public static DteBucket of(int days) {
            for (DteBucket b : values()) if (days <= b.hi) return b;
            return D61_UP;
        }

        public String label() { return hi == Integer.MAX_VALUE ? lo + "+" : lo + "-" + hi; }
    }

    /** How many cells there are: the size of an array indexed by {@link #index()}. */
    public static final int COUNT = Symbol.values().length * 2 * DeltaBucket.values().length * DteBucket.values().length;

    public static ModelCell of(Symbol symbol, boolean call, double absDelta, int dte) {
        return new ModelCell(symbol, call, DeltaBucket.of(absDelta), DteBucket.of(dte));
    }

    /** A dense index in [0, COUNT), so a run can add up P&L per cell in a primitive array. */
    public int index() {
        return ((symbol.ordinal() * 2 + (call ? 1 : 0)) * DeltaBucket.values().length + delta.ordinal()) * DteBucket.values().length
                + dte.ordinal();
    }

    /** {@link #index()} without building the record: the backtester's per-leg path. */
    public static int index(Symbol symbol, boolean call, double absDelta, int dte) {
        return ((symbol.ordinal() * 2 + (call ? 1 : 0)) * DeltaBucket.values().length + DeltaBucket.of(absDelta).ordinal())
                * DteBucket.values().length + DteBucket.of(dte).ordinal();
    }

    public static ModelCell ofIndex(int index) {
        int nd = DteBucket.values().length, nb = DeltaBucket.values().length;
        int dte = index % nd, rest = index / nd;
        int delta = rest % nb;
        rest /= nb;
        return new ModelCell(Symbol.values()[rest / 2], rest % 2 == 1, DeltaBucket.values()[delta], DteBucket.values()[dte]);
    }

    /** "QQQ C d10-25 dte3-7": the name conf, reports and flags use. */
    @Override
    public String toString() {
        return symbol + " " + (call ? "C" : "P") + " d" + delta.label() + " dte" + dte.label();
    }

    /** The cell a name of {@link #toString()} form denotes; an unknown form is an error naming it. */
    public static ModelCell parse(String name) {
        String[] p = name.strip().split("\\s+");
        if (p.length == 4 && p[2].startsWith("d") && p[3].startsWith("dte") && (p[1].equals("C") || p[1].equals("P"))) {
            for (DeltaBucket d : DeltaBucket.values()) {
                for (DteBucket t : DteBucket.values()) {
                    if (p[2].equals("d" + d.label()) && p[3].equals("dte" + t.label())) {
                        return new ModelCell(Symbol.parse(p[0]), p[1].equals("C"), d, t);
                    }
                }
            }
        }
        throw new IllegalArgumentException("model cell '" + name + "': expected SYMBOL C|P dLO-HI dteLO-HI, as 'SPY P d40-60 dte31-60'"
                + " (|delta| 0-10, 10-25, 25-40, 40-60, 60+; DTE 0-2, 3-7, 8-30, 31-60, 61+)");
    }

    /** Sort order: symbol, put before call, then delta and DTE. */
    public static final Comparator<ModelCell> ORDER = Comparator.comparingInt(ModelCell::index);
}
