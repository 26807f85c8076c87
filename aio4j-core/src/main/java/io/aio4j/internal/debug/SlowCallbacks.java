package io.aio4j.internal.debug;

import io.aio4j.Task;
import io.aio4j.internal.Describe;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Debug mode's slow-callback report for one loop: {@code Executing <Task …> took 0.150 seconds}
 * (asyncio's text) followed — beyond asyncio — by where the loop was stuck, sampled by the
 * {@link Watchdog} while the callback or task step overran {@code slowCallbackDuration} (the
 * place seen in most samples of that overrun).
 *
 * <p>Which thread is sampled: the loop thread for a callback, the task's own thread for a task
 * step. In native mode the task's virtual thread is mounted on the loop thread, and the carrier's
 * own stack only shows the scheduler frames up to the continuation, so the task's thread is the
 * one that shows the user's code; in compatibility mode the loop thread just waits for the task.
 *
 * <p>Fields written by the loop are volatile because the watchdog reads them; the loop writes
 * them only in debug mode.
 */
public final class SlowCallbacks {
    private static final int SAMPLE_FRAMES = 10;
    /** A step still running after this many thresholds is reported while it runs. */
    private static final int FIRST_STILL_RUNNING = 3;
    private static final String LOOP_CLASS = "io.aio4j.internal.loop.SelectorEventLoop";

    private final Thread loopThread;
    volatile long thresholdNanos;
    /** When the running callback started, or 0 between callbacks. */
    volatile long startedAt;
    /** Counts callbacks, so a sample taken for one is never shown for the next. */
    volatile long seq;
    volatile Thread runner;
    /** What runs now: the callback, or the task whose step it is (for the while-stuck report). */
    volatile Object running;
    /** Watchdog side: the callback {@code seq} whose while-stuck report is due at {@code stillRunningDue}. */
    private long stillRunningSeq = -1;
    private long stillRunningDue;
    volatile long sampledSeq = -1;
    volatile StackTraceElement[] sample;
    volatile long sampledAfterNanos;
    /** The majority vote's count for {@code sample}; touched by the watchdog thread only. */
    private int votes;

    /** A watcher of the callbacks run by {@code loopThread}; {@link #start} it to have it sampled. */
    public SlowCallbacks(Thread loopThread) {
        this.loopThread = loopThread;
    }

    /** Registers with the watchdog (when the loop starts running in debug mode). */
    public void start(double slowCallbackDuration) {
        thresholdNanos = toNanos(slowCallbackDuration);
        Watchdog.INSTANCE.watch(this);
    }

    /** Unregisters from the watchdog (when the loop stops running). */
    public void stop() {
        Watchdog.INSTANCE.unwatch(this);
        startedAt = 0;
    }

    /** {@code callback} starts on the loop thread; returns its start time. */
    public long begin(double slowCallbackDuration, Object callback) {
        thresholdNanos = toNanos(slowCallbackDuration);
        runner = loopThread;
        running = callback;
        seq++;
        long t0 = System.nanoTime();
        startedAt = t0;
        return t0;
    }

    /** {@code task}'s body took the loop: sample its thread from now on. */
    public void stepResumed(Thread taskThread, Task<?> task) {
        runner = taskThread;
        running = task;
    }

    /**
     * The callback that began at {@code t0} returned: logs the warning if it took at least
     * {@code slowCallbackDuration}, naming {@code task} if a task step ran, else {@code callback}.
     */
    public void end(long t0, Task<?> task, Object callback, double slowCallbackDuration) {
        startedAt = 0;
        long dt = System.nanoTime() - t0;
        if (dt < toNanos(slowCallbackDuration)) {
            return;
        }
        String what = task != null ? task.toString() : String.valueOf(callback);
        String text = String.format(Locale.ROOT, "Executing %s took %.3f seconds", what, dt / 1e9);
        StackTraceElement[] stuck = sampledSeq == seq ? sample : null;
        if (stuck != null) {
            text = Reports.withTraceback(text + String.format(Locale.ROOT,
                    "\nThe loop was stuck at (sampled after %.3f seconds, most recent call last):",
                    sampledAfterNanos / 1e9), stuck);
        }
        Reports.LOG.log(System.Logger.Level.WARNING, text);
        if (Jfr.AVAILABLE) {
            // Committed by the watchdog: on JDK 25 an event committed on the loop thread just after a
            // loop-scheduled virtual thread unmounted from it is lost (verified), and most slow steps are such.
            StackTraceElement[] at = stuck;
            Watchdog.INSTANCE.later(() -> Jfr.slowCallback(what, dt, at));
        }
    }

    /**
     * Watchdog side: samples the running callback's thread on every round while it overruns the
     * threshold. The sample reported is the one seen most (Boyer-Moore majority vote over the
     * rounds): where the step was stuck, not where it happened to be first or last.
     */
    void check(long now) {
        long s = startedAt;
        long current = seq;
        if (s == 0 || now - s < thresholdNanos) {
            return;
        }
        try {
            sample(now, s, current);
        } finally {
            reportIfStillRunning(now, s, current);
        }
    }

    /**
     * A step that never ends is never reported by {@link #end}: report it while it runs, at
     * {@value #FIRST_STILL_RUNNING} thresholds, then each time it has run twice as long, with
     * where it is stuck now.
     */
    private void reportIfStillRunning(long now, long s, long current) {
        long threshold = Math.max(thresholdNanos, TimeUnit.MILLISECONDS.toNanos(1));
        if (stillRunningSeq != current) {
            stillRunningSeq = current;
            stillRunningDue = FIRST_STILL_RUNNING * threshold;
        }
        long ran = now - s;
        if (ran < stillRunningDue) {
            return;
        }
        stillRunningDue = Math.max(2 * stillRunningDue, ran);
        Object what = running;
        StackTraceElement[] stuck = stuckFrames(runner.getStackTrace());
        if (seq != current || startedAt != s) {
            return;
        }
        String text = String.format(Locale.ROOT, "Executing %s is still running after %.3f seconds", what, ran / 1e9);
        if (stuck != null) {
            text = Reports.withTraceback(text + "\nThe loop is stuck at (most recent call last):", stuck);
        }
        Reports.LOG.log(System.Logger.Level.WARNING, text);
    }

    private void sample(long now, long s, long current) {
        Thread t = runner;
        StackTraceElement[] frames = t.getStackTrace();
        if (seq != current || startedAt != s) {
            return;
        }
        StackTraceElement[] stuck = stuckFrames(frames);
        if (stuck == null) {
            // No user code on that stack yet (compatibility mode: the task has not taken its turn):
            // sample again on the next round rather than settle for nothing.
            return;
        }
        if (sampledSeq != current) {
            votes = 0;
        }
        if (votes > 0 && Arrays.equals(stuck, sample)) {
            votes++;
        } else if (votes > 0) {
            votes--;
        } else {
            sample = stuck;
            sampledAfterNanos = now - s;
            votes = 1;
        }
        sampledSeq = current;
    }

    /**
     * The frames above the first of aio4j's own (the loop running the callback, or the task's
     * start), at most 10, starting two frames above the innermost user frame: the user's code
     * where it was stuck, and the JDK call it was in (a frame like {@code Thread.sleep} is the
     * answer to "where was it stuck"). Null when no user code was running: the loop was busy
     * in its own machinery, or (native mode, a task resumed from a JDK blocking call) the
     * sampled carrier thread does not show the task's frames.
     */
    public static StackTraceElement[] stuckFrames(StackTraceElement[] frames) {
        int user = 0;
        while (user < frames.length && Describe.isLibraryFrame(frames[user])) {
            if (frames[user].getClassName().equals(LOOP_CLASS)) {
                return null;
            }
            user++;
        }
        if (user == frames.length) {
            return null;
        }
        int end = user;
        while (end < frames.length && !isCoreFrame(frames[end])) {
            end++;
        }
        int from = Math.max(0, user - 2);
        return Arrays.copyOfRange(frames, from, Math.min(end, from + SAMPLE_FRAMES));
    }

    private static boolean isCoreFrame(StackTraceElement frame) {
        return frame.getClassName().startsWith("io.aio4j.") && Describe.isLibraryFrame(frame);
    }

    /** For tests: whether the running callback has been sampled. */
    boolean sampled() {
        return sampledSeq == seq && startedAt != 0;
    }

    private static long toNanos(double seconds) {
        return (long) (seconds * 1e9);
    }
}
