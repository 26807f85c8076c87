package io.aio4j.internal.loop;

import io.aio4j.Task;
import io.aio4j.internal.debug.ResourceWarnings;
import io.aio4j.internal.debug.SlowCallbacks;

/**
 * One loop's debug mode: the switch (from {@code AIO4J_DEBUG} / {@code -Daio4j.debug} at
 * creation, or {@code setDebug}) and its level (sampled creation sites, or every one: see
 * {@link Debug}), {@code slowCallbackDuration}, the bracketing of each callback and task step
 * for the slow-callback warning (timed by the {@link SlowCallbacks} watchdog), and the
 * "unclosed event loop" warning. The checks themselves live where they apply (creation sites,
 * wrong-thread checks, I/O logs) and read {@link #on}.
 *
 * <p>Loop thread only, except {@link #on}, read by any thread (a racy read is harmless: the
 * switch is meant to be set before the loop runs).
 */
final class LoopDebug {
    private final LoopServices loop;
    /** Whether debug mode is on. */
    boolean on = Debug.ENABLED_BY_DEFAULT;
    /** Whether every creation site is recorded ({@code -Daio4j.debug=paranoid}), or a sample. */
    private boolean paranoid = Debug.PARANOID;
    /** Callbacks and futures whose sites are still recorded before sampling starts (racy: a hint). */
    private int recordFirst = Debug.RECORD_FIRST;
    private int sampleCounter;
    private double slowCallbackDuration = 0.1;
    /** The task whose step is running, to name it if it is slow. */
    private Task<?> steppingTask;
    /** The slow-callback watcher while the loop runs in debug mode. */
    private SlowCallbacks slowCallbacks;
    private ResourceWarnings.Tracker unclosedWarning;

    /** The debug mode of {@code loop}. */
    LoopDebug(LoopServices loop) {
        this.loop = loop;
    }

    /** {@code setDebug}. */
    void set(boolean enabled) {
        on = enabled;
        if (enabled) {
            watchUnclosed();
        }
    }

    /** Debug mode: registers the "unclosed event loop" warning (once the loop is fully built). */
    void watchUnclosed() {
        if (unclosedWarning == null && !loop.isClosed()) {
            unclosedWarning = ResourceWarnings.register(loop, "unclosed event loop " + loop.eventLoop(), Debug.captureSource());
        }
    }

    /** Records every creation site ({@code true}), or samples them (the default level). */
    void setParanoid(boolean all) {
        paranoid = all;
    }

    /**
     * Debug mode: where a callback, future or task is being created: recorded for tasks and, at
     * the paranoid level, for everything; else for the first callbacks and futures and a sample
     * of the rest; {@link CreationSite#NOT_SAMPLED} for the others. Any thread (the counters are racy).
     */
    CreationSite creationSite(boolean always) {
        if (always || paranoid) {
            return new CreationSite();
        }
        if (recordFirst > 0) {
            recordFirst--;
            return new CreationSite();
        }
        return (++sampleCounter & (Debug.SAMPLING - 1)) == 0 ? new CreationSite() : CreationSite.NOT_SAMPLED;
    }

    double slowCallbackDuration() {
        return slowCallbackDuration;
    }

    void setSlowCallbackDuration(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("slowCallbackDuration < 0 or NaN: " + seconds);
        }
        slowCallbackDuration = seconds;
        SlowCallbacks watch = slowCallbacks;
        if (watch != null) {
            watch.setThreshold(seconds);
        }
    }

    /**
     * {@code callback} starts on {@code loopThread} (the watch starts with the first one); returns
     * the step's token for {@link #callbackEnded}. No clock read unless the threshold is below the
     * watchdog's resolution (see {@link SlowCallbacks}).
     */
    long callbackStarts(Thread loopThread, Runnable callback) {
        steppingTask = null;
        SlowCallbacks watch = slowCallbacks;
        if (watch == null) {
            watch = new SlowCallbacks(loopThread);
            watch.start(slowCallbackDuration);
            slowCallbacks = watch;
        }
        return watch.begin(callback);
    }

    /** The callback of step {@code step} returned: the warning if it took {@code slowCallbackDuration} or more. */
    void callbackEnded(long step, Runnable callback) {
        slowCallbacks.end(step, steppingTask, callback);
    }

    /** A task's body took the loop, on its own thread: name it, and sample that thread while the step overruns. */
    void stepResumed(Task<?> task) {
        steppingTask = task;
        SlowCallbacks watch = slowCallbacks;
        if (watch != null) {
            watch.stepResumed(Thread.currentThread(), task);
        }
    }

    /** The task whose step ran last, read racily by a monitor's thread (a hint; may be stale). */
    Task<?> steppingTask() {
        return steppingTask;
    }

    /** A task's last step is ending (on its thread): that is the step to name if it was slow. */
    void stepFinished(Task<?> task) {
        steppingTask = task;
    }

    /** The loop stopped running: the watchdog stops sampling it. */
    void loopStopped() {
        steppingTask = null;
        if (slowCallbacks != null) {
            slowCallbacks.stop();
            slowCallbacks = null;
        }
    }

    /** The loop was closed: no "unclosed" warning. */
    void loopClosed() {
        if (unclosedWarning != null) {
            unclosedWarning.close();
        }
    }
}
