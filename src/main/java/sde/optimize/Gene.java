package sde.optimize;

import sde.param.ParamSpec;
import sde.param.ParamValue;

import java.io.Serializable;

/**
 * One searched dimension: a parameter of one strategy slot over (possibly narrowed) bounds, or the
 * on/off switch of an optional slot ({@code spec} null). Genes live on [0, 1]; {@link #decode}
 * maps a gene to a value of the parameter's type, honouring step and log scale.
 */
public record Gene(int slot, ParamSpec spec, double lo, double hi) implements Serializable {

    public boolean isSwitch() { return spec == null; }

    public ParamValue decode(double u) {
        double x = Math.max(0, Math.min(1, u));
        if (spec == null) return new ParamValue.Flag(x >= 0.5);
        return switch (spec.type()) {
            case BOOL -> new ParamValue.Flag(x >= 0.5);
            case CHOICE -> new ParamValue.Label(spec.choices().get(Math.min(spec.choices().size() - 1,
                    (int) Math.floor(x * spec.choices().size()))));
            case INT -> new ParamValue.Whole((int) Math.max(lo, Math.min(hi, Math.floor(lo + x * (hi - lo + 1)))));
            case DOUBLE -> {
                double v = spec.log() ? Math.exp(Math.log(lo) + x * (Math.log(hi) - Math.log(lo))) : lo + x * (hi - lo);
                if (spec.step() > 0) v = lo + Math.rint((v - lo) / spec.step()) * spec.step();
                yield new ParamValue.Real(Math.max(lo, Math.min(hi, Math.rint(v * 1e9) / 1e9)));
            }
        };
    }
}
