package io.aio4j.internal.loop;

import io.aio4j.Task;
import io.aio4j.internal.debug.ResourceWarnings;
import io.aio4j.internal.debug.SlowCallbacks;

/**
 * One loop's debug mode: the switch (from {@code AIO4J_DEBUG} / {@code -Daio4j.debug} at
 * creation, or {@code setDebug}), {@code slowCallbackDuration}, the timing of each callback and
 * task step for the slow-callback warning (sampled by the {@link SlowCallbacks} watchdog), and
 * the "unclosed event loop" warning. The checks themselves live where they apply (creation
 * sites, wrong-thread checks, I/O logs) and read {@link #on}.
 *
 * <p>Loop thread only, except {@link #on}, read by any thread (a racy read is harmless: the
 * switch is meant to be set before the loop runs).
 */
final class LoopDebug {
    private final SelectorEventLoop loop;
    /** Whether debug mode is on. */
    boolean on = Debug.ENABLED_BY_DEFAULT;
    private double slowCallbackDuration = 0.1;
    /** The task whose step is running, to name it if it is slow. */
    private Task<?> steppingTask;
    /** The slow-callback watcher while the loop runs in debug mode. */
    private SlowCallbacks slowCallbacks;
    private ResourceWarnings.Tracker unclosedWarning;

    /** The debug mode of {@code loop}. */
    LoopDebug(SelectorEventLoop loop) {
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

    double slowCallbackDuration() {
        return slowCallbackDuration;
    }

    void setSlowCallbackDuration(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("slowCallbackDuration < 0 or NaN: " + seconds);
        }
        slowCallbackDuration = seconds;
    }

    /** {@code callback} starts on {@code loopThread} (the watch starts with the first one); returns its start time. */
    long callbackStarts(Thread loopThread, Runnable callback) {
        steppingTask = null;
        SlowCallbacks watch = slowCallbacks;
        if (watch == null) {
            watch = new SlowCallbacks(loopThread);
            watch.start(slowCallbackDuration);
            slowCallbacks = watch;
        }
        return watch.begin(slowCallbackDuration, callback);
    }

    /** The callback that started at {@code t0} returned: the warning if it took {@code slowCallbackDuration} or more. */
    void callbackEnded(long t0, Runnable callback) {
        slowCallbacks.end(t0, steppingTask, callback, slowCallbackDuration);
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
