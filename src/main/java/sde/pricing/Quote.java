package sde.pricing;

/** One option quote per share: bid, ask, the mid the model (or the market) marks at, its IV and delta. */
public record Quote(double bid, double ask, double mid, double iv, double delta) {
    public Quote {
        if (!(bid >= 0) || !(ask >= bid) || !Double.isFinite(ask)) {
            throw new IllegalArgumentException("quote needs 0 <= bid <= ask, finite; got bid=" + bid + " ask=" + ask);
        }
    }

    public double spread() { return ask - bid; }
}
