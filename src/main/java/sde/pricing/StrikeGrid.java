package sde.pricing;

import sde.data.Symbol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Listed-looking strikes: per symbol, a step per band of distance from spot
 * (pricing.strikes). Strategies round to these; no continuous strikes.
 */
public final class StrikeGrid implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ListingSettings.StrikeBand[][] bands = new ListingSettings.StrikeBand[Symbol.values().length][];

    public StrikeGrid(ListingSettings s) {
        for (Symbol sym : Symbol.values()) {
            List<ListingSettings.StrikeBand> b = s.strikes().get(sym.name());
            if (b == null || b.isEmpty()) throw new IllegalArgumentException("pricing.strikes." + sym + ": missing");
            for (ListingSettings.StrikeBand x : b) {
                if (!(x.within() > 0 && x.within() < 1) || !(x.step() > 0)) {
                    throw new IllegalArgumentException("pricing.strikes." + sym + ": within must be in (0,1) and step > 0, got " + x);
                }
            }
            List<ListingSettings.StrikeBand> sorted = new ArrayList<>(b);
            sorted.sort(Comparator.comparingDouble(ListingSettings.StrikeBand::within));
            bands[sym.ordinal()] = sorted.toArray(new ListingSettings.StrikeBand[0]);
        }
    }

    /** The listed strike nearest to {@code target}; beyond the widest band, the outermost listed strike. */
    public double nearest(Symbol s, double spot, double target) {
        for (ListingSettings.StrikeBand b : bands[s.ordinal()]) {
            double k = Math.rint(target / b.step()) * b.step();
            if (Math.abs(k / spot - 1) <= b.within() + 1e-12) return k;
        }
        ListingSettings.StrikeBand wide = bands[s.ordinal()][bands[s.ordinal()].length - 1];
        double edge = target > spot ? Math.floor(spot * (1 + wide.within()) / wide.step()) * wide.step()
                : Math.ceil(spot * (1 - wide.within()) / wide.step()) * wide.step();
        return edge;
    }

    /**
     * The highest listed strike at or below {@code target} (the lowest listed one when none is): a
     * Cboe PutWrite strike, "the listed strike just below the index level".
     */
    public double atOrBelow(Symbol s, double spot, double target) {
        double k = nearest(s, spot, target);
        if (k <= target + 1e-9) return k;
        double[] ks = strikes(s, spot);
        double best = ks[0];
        for (double x : ks) if (x <= target + 1e-9) best = x;
        return best;
    }

    /** The lowest listed strike at or above {@code target} (the highest listed one when none is): a BuyWrite call strike. */
    public double atOrAbove(Symbol s, double spot, double target) {
        double k = nearest(s, spot, target);
        if (k >= target - 1e-9) return k;
        double[] ks = strikes(s, spot);
        for (double x : ks) if (x >= target - 1e-9) return x;
        return ks[ks.length - 1];
    }

    /** Every listed strike, ascending. */
    public double[] strikes(Symbol s, double spot) {
        TreeSet<Double> out = new TreeSet<>();
        for (ListingSettings.StrikeBand b : bands[s.ordinal()]) {
            double lo = Math.ceil(spot * (1 - b.within()) / b.step()), hi = Math.floor(spot * (1 + b.within()) / b.step());
            for (double n = lo; n <= hi; n++) out.add(n * b.step());
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
