package sde.daemon;

import sde.metrics.Metrics;
import sde.pricing.Model;
import sde.results.LeaderboardRow;
import sde.sweep.SweepJob;
import com.fasterxml.jackson.databind.JsonNode;
import sde.backtest.RunResult;
import sde.io.Location;
import sde.validate.CoverageSettings;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The endless optimizer's loop: read state → pick the next experiment on the ladder → log its
 * hypothesis → run one generation → record the outcome (validation of new leaders happens inside
 * the sweep) → save state → report (every daemon.report_every_runs runs or report_every_minutes
 * minutes) → repeat; until the goal is met, the budget is spent, the ladder's ceiling criterion
 * holds (every reached rung has had daemon.restarts failed restarts in a row; the ceiling report
 * follows), or a stop is requested (SIGTERM: the running generation finishes, state is saved, no
 * ceiling). The files are {@link DaemonStore}'s,
 * the ceiling report {@link CeilingReport}'s; each study's sweep files are under studies/NAME.
 */
public final class Daemon {
    /** This session's limits: evaluated runs and wall minutes (0: none); {@code reopen} opens plateaued studies again. */
    public record Budget(int maxRuns, double maxMinutes, boolean reopen) {
        public Budget(int maxRuns, double maxMinutes) {
            this(maxRuns, maxMinutes, false);
        }
    }

    /** How a session ended. */
    /** Why a session ended; the reason's words are for people, this is what the code decides on. */
    public enum Stop {
        /** SIGTERM or SIGINT: the running generation finished and state was saved; no ceiling report. */
        REQUESTED,
        /** The session's run or minute budget. */
        BUDGET,
        /** The ladder's ceiling criterion. */
        CEILING,
        /** SPEC §4 victory. */
        GOAL
    }

    public record SessionEnd(String reason, int runsThisSession, int runsTotal, boolean goalMet, Stop stop) {}

    private final DaemonSettings s;
    private final GenerationRunner runner;
    private final Replay replay;
    private final Map<String, LeaderboardRow> robustRows = new HashMap<>();
    private final PrintStream console;
    private final Telegram telegram;
    private final LongSupplier clockMillis;
    private final DaemonStore store;
    /** The verified model cells, to say of each rung's best whether the model vouches for it; null: not said. */
    private final CoverageSettings coverage;
    private final Location out;
    /** Writes answer.md at every report and stop; null: not written (the tests' daemons). */
    private AnswerWriter answer;
    /** The last answer's verdict line and time: the answer reads every study, so it is rewritten at most every report_every_minutes. */
    private String lastVerdict;
    private long lastAnswerMillis = Long.MIN_VALUE;
    private long lastReportMillis, lastTelegramMillis = Long.MIN_VALUE;

    public Daemon(DaemonSettings s, GenerationRunner runner, Replay replay, Location out, PrintStream console,
                  Telegram telegram, LongSupplier clockMillis) {
        this(s, runner, replay, out, console, telegram, clockMillis, null);
    }

    /** @param coverage the verified model cells (SPEC §5): the ceiling report says of each rung's best whether it is MODEL_UNVERIFIED */
    public Daemon(DaemonSettings s, GenerationRunner runner, Replay replay, Location out, PrintStream console,
                  Telegram telegram, LongSupplier clockMillis, CoverageSettings coverage) {
        this.coverage = coverage;
        this.out = out;
        this.s = s;
        this.runner = runner;
        this.replay = replay;
        this.console = console;
        this.telegram = telegram;
        this.clockMillis = clockMillis;
        this.store = new DaemonStore(out, clockMillis);
    }

    /** This daemon writing the answer (answer.md, answer.json) at every report and stop, its verdict line first in each report. */
    public Daemon withAnswer(AnswerWriter writer) {
        this.answer = writer;
        return this;
    }

    /** Persisted between sessions (optimization_state.json, SPEC §7; daemon_state.json in older versions). */
    public record Saved(Ladder.Snapshot ladder, int runsTotal, int nextReportAt, List<String> robustSeen, List<String> robustUnreported,
                        long millisTotal, String lastStop) {}

    public SessionEnd run(Budget budget, BooleanSupplier stopRequested) {
        long t0 = clockMillis.getAsLong();
        lastReportMillis = t0;
        Saved st = store.load();
        Ladder ladder = new Ladder(s, st == null ? null : st.ladder());
        ladder.restoreCurves(store::curvesInJournal);
        if (replay != null) {
            // Each single's best run over its own (train) window: what the blend's members are chosen by.
            ladder.withReturns(p -> Metrics.dailyReturns(replay.run(p.bestParams(), Model.BASE).equity()));
        }
        int runsTotal = st == null ? 0 : st.runsTotal();
        int nextReport = st == null ? s.reportEveryRuns() : st.nextReportAt();
        long millisBefore = st == null ? 0 : st.millisTotal();
        Set<String> robustSeen = new LinkedHashSet<>(st == null ? List.of() : st.robustSeen());
        List<String> unreported = new ArrayList<>(st == null ? List.of() : st.robustUnreported());
        store.log(DaemonStore.Event.START, Map.of("budget_runs", budget.maxRuns(), "budget_minutes", budget.maxMinutes(), "runs_before",
                runsTotal,
                "resumed", st != null));
        runsTotal = reconcile(ladder, runsTotal);
        if (budget.reopen()) {
            int n = ladder.reopen();
            store.log(DaemonStore.Event.REOPENED, Map.of("studies", n, "reason",
                    "--reopen: plateaued studies searched again from their bests"));
        }
        int runsNow = 0;
        String reason;
        Stop stop;
        boolean goal = false;
        while (true) {
            if (stopRequested.getAsBoolean()) {
                stop = Stop.REQUESTED;
                reason = "stop requested (SIGTERM or SIGINT): state saved after the last whole generation";
                break;
            }
            double minutes = (clockMillis.getAsLong() - t0) / 60000.0;
            if (budget.maxRuns() > 0 && runsNow >= budget.maxRuns()) {
                stop = Stop.BUDGET;
                reason = "budget spent: " + runsNow + " runs";
                break;
            }
            if (budget.maxMinutes() > 0 && minutes >= budget.maxMinutes()) {
                stop = Stop.BUDGET;
                reason = String.format(Locale.ROOT, "budget spent: %.1f minutes", minutes);
                break;
            }
            Ladder.Decision d = ladder.next();
            if (d == null) {
                stop = Stop.CEILING;
                reason = s.restarts() == 0 ? "every rung has plateaued" : "ceiling: every rung has plateaued and its last " + s.restarts()
                        + " restarts each failed to raise its best by " + s.minImprovement();
                break;
            }
            StudyProgress before = ladder.progress(d.study().name());
            store.log(DaemonStore.Event.DECISION, Map.of("study", d.study().name(), "rung", d.rung().name(), "reason", d.reason(),
                    "hypothesis", hypothesis(d, before)));
            SweepJob.StudyResult r = runner.next(d.study());
            if (r.robustRow() != null) robustRows.put(d.study().name(), r.robustRow());
            String note = ladder.record(d.study().name(), r);
            int added = r.evaluations() - before.evaluations();
            runsNow += added;
            runsTotal += added;
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("study", d.study().name());
            o.put("generation", r.generations());
            o.put("evaluated", added);
            o.put("best_id", r.bestId());
            o.put("best_fitness", r.bestFitness());
            o.put("improved", ladder.progress(d.study().name()).stale() == 0);
            o.put("best_robust_id", r.bestRobustId());
            if (note != null) o.put("note", note);
            store.log(DaemonStore.Event.OUTCOME, o);
            if (r.bestRobustId() != null && robustSeen.add(r.bestRobustId())) {
                unreported.add(r.bestRobustId() + " (" + d.study().name() + ")");
                if (victory(r)) {
                    goal = true;
                    save(ladder, runsTotal, nextReport, robustSeen, unreported, millisBefore + clockMillis.getAsLong() - t0, null);
                    stop = Stop.GOAL;
                    reason = "goal met: " + r.bestRobustId() + " in " + d.study().name()
                            + " is ROBUST and clears SPEC §4 victory in every year";
                    break;
                }
            }
            long now = clockMillis.getAsLong();
            boolean minutesDue = s.reportEveryMinutes() > 0 && now - lastReportMillis >= s.reportEveryMinutes() * 60_000;
            if (runsTotal >= nextReport || minutesDue) {
                report(ladder, runsTotal, runsNow, now - t0, unreported, false);
                unreported.clear();
                while (nextReport <= runsTotal) nextReport += s.reportEveryRuns();
            }
            save(ladder, runsTotal, nextReport, robustSeen, unreported, millisBefore + clockMillis.getAsLong() - t0, null);
        }
        // The gate runs beside the search: its last verdicts arrive now, and may name a ROBUST best (or the goal).
        for (Map.Entry<String, SweepJob.StudyResult> e : runner.settle().entrySet()) {
            SweepJob.StudyResult r = e.getValue();
            ladder.settle(e.getKey(), r);
            if (r.robustRow() != null) robustRows.put(e.getKey(), r.robustRow());
            if (r.bestRobustId() != null && robustSeen.add(r.bestRobustId())) {
                unreported.add(r.bestRobustId() + " (" + e.getKey() + ")");
                store.log(DaemonStore.Event.SETTLED, Map.of("study", e.getKey(), "best_robust_id", r.bestRobustId()));
                if (!goal && victory(r)) {
                    goal = true;
                    stop = Stop.GOAL;
                    reason = "goal met: " + r.bestRobustId() + " in " + e.getKey() + " is ROBUST and clears SPEC §4 victory in every year";
                }
            }
        }
        boolean sigterm = stop == Stop.REQUESTED;
        store.log(DaemonStore.Event.STOP, Map.of("reason", reason, "runs_this_session", runsNow, "runs_total", runsTotal));
        if (!sigterm) {
            CeilingReport.Written c = CeilingReport.of(ladder, reason, runsTotal, replay, this::robustRow, coverage);
            store.ceiling(c);
            console.print(c.markdown());
            report(ladder, runsTotal, runsNow, clockMillis.getAsLong() - t0, unreported, true);
            unreported.clear();
        }
        save(ladder, runsTotal, nextReport, robustSeen, unreported, millisBefore + clockMillis.getAsLong() - t0, reason);
        store.publish();
        console.println("daemon stopped: " + reason);
        return new SessionEnd(reason, runsNow, runsTotal, goal, stop);
    }

    /** A study's best ROBUST row: as its last generation reported it, else as on disk (a study of an earlier session). */
    private LeaderboardRow robustRow(String study) {
        return robustRows.computeIfAbsent(study, n -> {
            SweepJob.StudyResult r = runner.onDisk(n);
            return r == null ? null : r.robustRow();
        });
    }

    /** After a kill, a study's sweep may be a generation ahead of the daemon's state: take the sweep's word. */
    private int reconcile(Ladder ladder, int runsTotal) {
        for (StudyProgress p : ladder.studies()) {
            SweepJob.StudyResult r = runner.onDisk(p.name());
            if (r == null || r.generations() <= p.generations()) continue;
            ladder.record(p.name(), r);
            runsTotal += r.evaluations() - p.evaluations();
            store.log(DaemonStore.Event.RECONCILED, Map.of("study", p.name(), "generations", r.generations(), "evaluations",
                    r.evaluations()));
        }
        return runsTotal;
    }

    private String hypothesis(Ladder.Decision d, StudyProgress p) {
        if (p.generations() == 0) {
            return switch (d.rung()) {
                case SINGLE -> p.members().get(0) + " alone can score above 0 on the train years";
                case BLEND -> "a weighted blend of " + String.join(", ", p.members()) + " beats each of them alone";
                case REGIME -> "switching the weights of " + String.join(", ", p.members()) + " by regime beats the fixed blend";
            };
        }
        return "generation " + (p.generations() + 1) + " of " + p.name() + " improves its best train score " + Ladder.fmt(p.bestFitness())
                + " by more than " + s.minImprovement();
    }

    /**
     * SPEC §4 victory: every year ≥ 200 % and drawdown ≤ 15 %, with a ROBUST verdict that no reality check rejected and
     * the model vouches for (neither MODEL_FRAGILE nor MODEL_UNVERIFIED).
     */
    static boolean victory(SweepJob.StudyResult r) {
        return r.robustRow() != null && r.robustVerdict() != null && r.robustVerdict().vouched()
                && r.robustRow().everyYearClears(VICTORY_RETURN_PCT, VICTORY_MAX_DD_PCT);
    }

    /** SPEC §4's goal, every year. */
    public static final double VICTORY_RETURN_PCT = 200, VICTORY_MAX_DD_PCT = 15;

    // ---- reports -----------------------------------------------------------------------------------

    String summary(Ladder ladder, int runsTotal, int runsNow, long millis, List<String> newRobust) {
        StringBuilder sb = new StringBuilder();
        // A run is three backtests (SPEC §4's centre and the band's two edges), one when its centre is under its study's bar.
        double backtests = runsNow == 0 ? 3 : (3.0 * runsNow - 2.0 * runner.edgesSkipped()) / runsNow;
        sb.append(String.format(Locale.ROOT, "sde daemon, %s: %d runs in total, %d this session (%.1f runs/s, %.2f backtests a run)%n",
                Instant.ofEpochMilli(clockMillis.getAsLong()).truncatedTo(ChronoUnit.SECONDS), runsTotal, runsNow,
                millis <= 0 ? 0.0 : runsNow * 1000.0 / millis, backtests));
        Map<Rung, StudyProgress> best = ladder.bestPerRung();
        for (Rung r : Rung.values()) {
            List<StudyProgress> of = ladder.studies().stream().filter(p -> p.rung() == r).toList();
            if (of.isEmpty()) { sb.append("- ").append(r.label).append(": not reached yet\n"); continue; }
            long plateaued = of.stream().filter(StudyProgress::plateaued).count();
            StudyProgress b = best.get(r);
            sb.append("- ").append(r.label).append(": ").append(of.size()).append(" studies, ").append(plateaued).append(" plateaued");
            if (b != null) sb.append("; best train score ").append(Ladder.fmt(b.bestFitness())).append(" (").append(b.name()).append(' ')
                    .append(b.bestId()).append(", tier ").append(b.bestTier()).append(')');
            sb.append('\n');
        }
        sb.append("- new ROBUST results: ").append(newRobust.isEmpty() ? "none" : String.join(", ", newRobust)).append('\n');
        return sb.toString();
    }

    /**
     * A progress report: to the console and progress.md always; to Telegram at most once per
     * daemon.telegram_min_interval_seconds, except the last one of a session, so a fast search does
     * not flood the chat (the next message summarises everything since).
     */
    private void report(Ladder ladder, int runsTotal, int runsNow, long millis, List<String> newRobust, boolean last) {
        String text = summary(ladder, runsTotal, runsNow, millis, newRobust), verdict = null;
        long started = clockMillis.getAsLong();
        boolean answerDue = last || lastAnswerMillis == Long.MIN_VALUE || started - lastAnswerMillis >= s.reportEveryMinutes() * 60_000;
        if (answer != null && !answerDue) verdict = lastVerdict;
        if (answer != null && answerDue) {
            try {
                verdict = answer.write(out);
                lastVerdict = verdict;
                lastAnswerMillis = started;
                // What the answer costs at each report: it reads the studies' tallies, so it should not grow with the rows.
                double seconds = (clockMillis.getAsLong() - started) / 1000.0;
                int eol = text.indexOf('\n');
                text = text.substring(0, eol + 1) + verdict + String.format(Locale.ROOT, " (answer.md written in %.1f s)%n", seconds)
                        + text.substring(eol + 1);
            } catch (RuntimeException e) {
                // The answer reads what the search wrote; it must never stop the search.
                store.log(DaemonStore.Event.ANSWER_FAILED, Map.of("reason", String.valueOf(e.getMessage())));
            }
        } else if (verdict != null) {
            int eol = text.indexOf('\n');
            text = text.substring(0, eol + 1) + verdict + " (answer.md of an earlier report)\n" + text.substring(eol + 1);
        }
        console.print(text);
        store.progress(text);
        store.publish();
        long now = clockMillis.getAsLong();
        lastReportMillis = now;
        boolean limited = !last && lastTelegramMillis != Long.MIN_VALUE
                && now - lastTelegramMillis < s.telegramMinIntervalSeconds() * 1000L;
        if (telegram != null && !limited) {
            lastTelegramMillis = now;
            String failed = telegram.send(verdict == null ? text : verdict + "\n" + text);
            if (failed != null) {
                console.println("report not sent: " + failed);
                store.log(DaemonStore.Event.TELEGRAM_FAILED, Map.of("reason", failed));
            }
        }
    }

    private void save(Ladder ladder, int runsTotal, int nextReport, Set<String> robustSeen, List<String> unreported, long millis,
            String stop) {
        store.save(new Saved(ladder.state(), runsTotal, nextReport, List.copyOf(robustSeen), List.copyOf(unreported), millis, stop));
    }
}
