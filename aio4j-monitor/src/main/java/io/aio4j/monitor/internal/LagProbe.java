package io.aio4j.monitor.internal;

import io.aio4j.internal.stats.LoopView;

/**
 * A loop's lag probe: a timer the monitor keeps armed on the loop, every {@code interval}
 * seconds; how late it runs is the loop's lag (its due timers wait that long). One timer per
 * loop, so the loop's hot path pays nothing. Runs on the loop; {@link #overdue()} is read by
 * other threads to show the lag of a loop that is stuck now.
 */
final class LagProbe implements Runnable {
    private final LoopView view;
    private final LagWindow window;
    private final double interval;
    private volatile boolean stopped;
    private volatile double when = Double.NaN;
    /** The loop's run count when armed: a timer left over from an earlier run was not late, the loop was stopped. */
    private long runs;

    LagProbe(LoopView view, LagWindow window, double interval) {
        this.view = view;
        this.window = window;
        this.interval = interval;
    }

    /** Arms the first timer; false if the loop is closed. Any thread. */
    boolean start() {
        return view.post(this::arm);
    }

    /** Arms no further timer (the armed one, if any, runs once more and does nothing). */
    void stop() {
        stopped = true;
    }

    /** How late the armed timer is now, in seconds (0 if not yet due); NaN if none is armed. */
    double overdue() {
        double w = when;
        return Double.isNaN(w) ? Double.NaN : Math.max(0, view.time() - w);
    }

    @Override
    public void run() {
        if (stopped) {
            return;
        }
        double lag = view.time() - when;
        if (view.stats().sample().runs() == runs) {
            window.add(System.nanoTime(), Math.max(0, lag));
        }
        arm();
    }

    private void arm() {
        if (stopped || view.closed()) {
            when = Double.NaN;
            return;
        }
        runs = view.stats().sample().runs();
        double at = view.time() + interval;
        when = at;
        view.loop().callAt(at, this);
    }

    @Override
    public String toString() {
        return "aio4j-monitor lag probe";
    }
}
