package io.aio4j.monitor.internal;

import io.aio4j.internal.stats.LoopStats;
import io.aio4j.internal.stats.LoopView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What the monitor tracks of one loop between requests: iterations per second, the slow step
 * in progress (sampled on every tick while it overruns), the last slow steps, and the lag
 * probe. {@link #tick} runs on the sampler thread only; the rest is read by any thread.
 */
final class LoopWatch {
    private static final int KEEP_SLOW_STEPS = 20;

    final LoopView view;
    final LagWindow lag = new LagWindow();
    private final Settings settings;
    private volatile LagProbe probe;
    private final ArrayDeque<SlowStep> slowSteps = new ArrayDeque<>();
    private volatile long slowStepsTotal;
    private volatile double iterationsPerSecond;
    private long rateIterations = -1;
    private long rateAt;

    // The slow step in progress (sampler thread), and its live view for readers.
    private long slowIteration = -1;
    private double slowStarted;
    private long slowStartedMillis;
    private double slowLastSeen;
    private LoopView.Stuck vote;
    private int votes;
    private volatile SlowStep current;

    LoopWatch(LoopView view, Settings settings) {
        this.view = view;
        this.settings = settings;
    }

    /** One look at the loop: rates, the lag probe, slow steps. Sampler thread. */
    void tick(long nowNanos) {
        LoopStats.Sample s = view.stats().sample();
        if (rateIterations < 0 || nowNanos - rateAt >= 1_000_000_000L) {
            if (rateIterations >= 0) {
                iterationsPerSecond = (s.iterations() - rateIterations) * 1e9 / (nowNanos - rateAt);
            }
            rateIterations = s.iterations();
            rateAt = nowNanos;
        }
        if (probe == null && view.running() && view.realTime()) {
            LagProbe p = new LagProbe(view, lag, settings.lagProbeSeconds());
            if (p.start()) {
                probe = p;
            }
        }
        double now = view.time();
        if (slowIteration >= 0 && (s.iterations() != slowIteration || !s.inSteps() || !view.running())) {
            finishSlowStep();
        }
        if (s.inSteps() && view.running() && now - s.stepsStarted() >= settings.slowStepSeconds()) {
            if (slowIteration != s.iterations()) {
                slowIteration = s.iterations();
                slowStarted = s.stepsStarted();
                slowStartedMillis = System.currentTimeMillis() - (long) ((now - slowStarted) * 1e3);
                votes = 0;
                vote = null;
                view.stats().flag(slowIteration);
            }
            slowLastSeen = now;
            LoopView.Stuck sample = view.stuck();
            if (sample != null) {
                // The sample reported is the one seen most (majority vote), as the debug watchdog does.
                if (votes > 0 && sample.frames().equals(vote.frames())) {
                    votes++;
                } else if (votes > 0) {
                    votes--;
                } else {
                    vote = sample;
                    votes = 1;
                }
            }
            LoopView.Stuck shown = sample != null ? sample : vote;
            current = step(now - slowStarted, true, shown);
        }
    }

    private void finishSlowStep() {
        double end = view.stats().flaggedEnd(slowIteration);
        double seconds = Double.isNaN(end) ? slowLastSeen - slowStarted : end - slowStarted;
        SlowStep done = step(seconds, false, vote);
        synchronized (slowSteps) {
            slowSteps.addFirst(done);
            while (slowSteps.size() > KEEP_SLOW_STEPS) {
                slowSteps.pollLast();
            }
        }
        slowStepsTotal++;
        slowIteration = -1;
        current = null;
    }

    private SlowStep step(double seconds, boolean ongoing, LoopView.Stuck at) {
        return new SlowStep(slowStartedMillis, seconds, ongoing, at == null ? null : at.task(),
                at == null ? null : at.thread(), at == null ? List.of() : at.frames());
    }

    /** Stops the lag probe (the monitor closes, or the loop is gone). */
    void stop() {
        if (probe != null) {
            probe.stop();
        }
    }

    /** The step holding the loop past the threshold now, or null. */
    SlowStep stuck() {
        SlowStep c = current;
        if (c == null || !view.running()) {
            return null;
        }
        // Seconds so far, as of now rather than of the last tick.
        double seconds = Math.max(c.seconds(), view.time() - view.stats().sample().stepsStarted());
        return new SlowStep(c.startedAtMillis(), seconds, true, c.task(), c.thread(), c.frames());
    }

    /** The last slow steps that ended, newest first. */
    List<SlowStep> slowSteps() {
        synchronized (slowSteps) {
            return new ArrayList<>(slowSteps);
        }
    }

    /** How many slow steps ended since the monitor started watching this loop. */
    long slowStepsTotal() {
        return slowStepsTotal;
    }

    /** Iterations per second over the last second or so. */
    double iterationsPerSecond() {
        return iterationsPerSecond;
    }

    /** How late the armed lag probe is now (seconds), NaN if none: a stuck loop's lag before the probe can run. */
    double lagNow() {
        LagProbe p = probe;
        return p == null ? Double.NaN : p.overdue();
    }
}
