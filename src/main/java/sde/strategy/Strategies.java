package sde.strategy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every strategy by name (`jobs/sde strategies`). */
public final class Strategies {
    private static final Map<String, Strategy<?>> ALL = new TreeMap<>();

    static {
        for (Strategy<?> s : List.<Strategy<?>>of(new BuyAndHold(), new Momentum(), new MeanReversion(), new CreditSpread(),
                new IronCondor(), new IronButterfly(), new ShortStrangle(), new ShortPut(false), new ShortPut(true), new CoveredCall(),
                new CalendarSpread(), new DebitSpread(), new EventStraddle(), new GammaLotto(), new VolCrush(), new VixPlay(),
                new HedgeOverlay(), new LongOption())) {
            ALL.put(s.name(), s);
        }
    }

    private Strategies() {}

    public static Strategy<?> get(String name) {
        Strategy<?> s = ALL.get(name);
        if (s == null) throw new IllegalArgumentException("unknown strategy '" + name + "'; known: " + ALL.keySet());
        return s;
    }

    public static List<Strategy<?>> all() { return List.copyOf(ALL.values()); }
}
