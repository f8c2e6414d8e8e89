package sde.pricing;

import java.io.Serializable;

/** Bid/ask around a model mid; see pricing.quotes in conf/sde.yaml. */
public final class QuoteModel implements Serializable {
    private static final long serialVersionUID = 1L;
    private final QuoteSettings s;

    public QuoteModel(QuoteSettings s) { this.s = s; }

    /** Half the bid/ask spread for a mid price, given the day's vol index level (VIX points). */
    public double halfSpread(double mid, double volIndex) {
        double h = s.spreadBase() + s.spreadPct() * mid;
        if (volIndex > 0) h *= Math.max(1, Math.pow(volIndex / s.volRef(), s.volPower()));
        h = Math.min(h, s.spreadMaxPct() * mid);
        return Math.max(h, s.tick() / 2);
    }

    public Quote quote(double mid, double volIndex, double iv, double delta) {
        double h = halfSpread(mid, volIndex);
        double tick = s.tick();
        double bid = Math.max(0, Math.floor((mid - h) / tick + 1e-9) * tick);
        double ask = Math.ceil((mid + h) / tick - 1e-9) * tick;
        if (ask < bid + tick) ask = bid + tick;
        return new Quote(round(bid), round(ask), mid, iv, delta);
    }

    private static double round(double x) { return Math.rint(x * 1e6) / 1e6; }
}
