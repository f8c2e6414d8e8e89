package sde.strategy;

import sde.param.ParamSpec;
import sde.param.Params;
import sde.data.EventType;
import sde.data.NyseCalendar;

import java.util.List;

/**
 * When an event play trades: {@code lead} sessions before the next scheduled event of the chosen
 * kind (from the published calendar, MarketView.nextEvent), out {@code exit_after} sessions after it
 * (0: at the event day's close).
 */
public record EventTiming(int mask, int lead, int exitAfter) {
    public static final ParamSpec EVENTS = ParamSpec.choice("events", "all", "all", "fomc", "cpi", "nfp");

    public static int mask(String events) {
        return switch (events) {
            case "fomc" -> EventType.FOMC.bit();
            case "cpi" -> EventType.CPI.bit();
            case "nfp" -> EventType.NFP.bit();
            default -> EventType.FOMC.bit() | EventType.CPI.bit() | EventType.NFP.bit();
        };
    }

    public static EventTiming of(Params p, int lead, int exitAfter) {
        return new EventTiming(mask(p.text("events")), lead, exitAfter);
    }

    public static List<ParamSpec> specs(int maxLead, int dfltLead, int maxExit, int dfltExit) {
        return List.of(EVENTS, ParamSpec.integer("lead", 1, maxLead, dfltLead), ParamSpec.integer("exit_after", 0, maxExit, dfltExit));
    }

    /** The event day exactly {@code lead} sessions after today, or -1. */
    public int upcoming(MarketView v) {
        int e = v.nextEvent(v.day(), mask);
        if (e == Integer.MAX_VALUE) return -1;
        return NyseCalendar.sessionsBetween(v.day(), e) == lead ? e : -1;
    }

    /** True from the session {@code exit_after} sessions past the event a position entered on {@code entryDay} was for. */
    public boolean over(int entryDay, MarketView v) {
        int e = v.nextEvent(entryDay, mask);
        return e != Integer.MAX_VALUE && v.day() >= e && NyseCalendar.sessionsBetween(e, v.day()) >= exitAfter;
    }

    /** Fewest calendar days an expiry must lie beyond today to outlive the exit (4 per session covers weekends and holidays). */
    public int minDays(MarketView v, int eventDay) {
        return eventDay - v.day() + 4 * exitAfter;
    }
}
