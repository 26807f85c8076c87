package io.aio4j.internal.debug;

import io.aio4j.Task;
import io.aio4j.internal.Describe;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
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
 * <p>Who times the steps: the watchdog, not the loop. Two clock reads per callback cost more than
 * most callbacks, so the loop only publishes a step counter ({@code seq}: odd while step
 * {@code seq} runs) and what runs, with plain-cost (release/opaque) stores and no clock read. The
 * watchdog reads the counter on every tick ({@link #tickNanos}: a twentieth of the threshold,
 * between 1 and 50 ms): a step it sees for the first time began after its previous tick and
 * before this one. Once a step may have overrun the threshold the watchdog flags it, and only a
 * flagged step reads the clock when it ends: its duration is the end minus the middle of that
 * interval (right within half a tick, 2.5 ms at the default 0.1 s threshold). When the machine
 * delays the watchdog, the step is taken to have begun half a tick before it was first seen: a
 * short step is never reported as slow, and a step within about a tick of the threshold may go
 * unreported. A threshold under {@link #PRECISE_BELOW_NANOS} (10 ms) is below what the ticks
 * resolve: then each step reads the clock when it starts and ends, as before.
 */
public final class SlowCallbacks {
    private static final int SAMPLE_FRAMES = 10;
    /** A step still running after this many thresholds is reported while it runs. */
    private static final int FIRST_STILL_RUNNING = 3;
    /** The loop's own classes: the run loop and the services it forwards to its collaborators. */
    private static final Set<String> LOOP_CLASSES = Set.of("io.aio4j.internal.loop.SelectorEventLoop",
            "io.aio4j.internal.loop.LoopServices", "io.aio4j.internal.loop.LoopTasks");
    /** Thresholds under this are timed by the loop itself, with a clock read at both ends of every step. */
    static final long PRECISE_BELOW_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MIN_TICK = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_TICK = TimeUnit.MILLISECONDS.toNanos(50);
    private static final VarHandle SEQ;
    private static final VarHandle RUNNER;
    private static final VarHandle RUNNING;
    private static final VarHandle FLAGGED;

    static {
        MethodHandles.Lookup l = MethodHandles.lookup();
        try {
            SEQ = l.findVarHandle(SlowCallbacks.class, "seq", long.class);
            RUNNER = l.findVarHandle(SlowCallbacks.class, "runner", Thread.class);
            RUNNING = l.findVarHandle(SlowCallbacks.class, "running", Object.class);
            FLAGGED = l.findVarHandle(SlowCallbacks.class, "flagged", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread loopThread;
    volatile long thresholdNanos;
    // ---- written by the loop (release/opaque), read by the watchdog
    /** Odd while a step runs (its number), even between steps. */
    @SuppressWarnings("unused") // through SEQ
    private long seq;
    /** The thread to sample: the loop thread for a callback, the task's thread for a task step. */
    @SuppressWarnings("unused") // through RUNNER
    private Thread runner;
    /** What runs now: the callback, or the task whose step it is (for the while-stuck report). */
    @SuppressWarnings("unused") // through RUNNING
    private Object running;
    /** Precise timing (a threshold under 10 ms): when the running step started, else 0; written before seq. */
    private long preciseStart;
    // ---- written by the watchdog, read by the loop
    /** The step the watchdog found possibly overrunning (-1: none), and when it began by the watchdog's estimate. */
    @SuppressWarnings("unused") // through FLAGGED
    private long flagged = -1;
    private long flaggedStart;
    // ---- the watchdog's own
    private long lastTick;
    /** The counter value seen at the last tick, and the bounds of that step's start. */
    private long seenSeq;
    private long seenFrom;
    private long seenTo;
    /** The callback {@code seq} whose while-stuck report is due at {@code stillRunningDue}. */
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
        lastTick = System.nanoTime();
        Watchdog.INSTANCE.watch(this);
    }

    /** Unregisters from the watchdog (when the loop stops running). */
    public void stop() {
        Watchdog.INSTANCE.unwatch(this);
    }

    /** The loop's {@code slowCallbackDuration} changed. */
    public void setThreshold(double slowCallbackDuration) {
        thresholdNanos = toNanos(slowCallbackDuration);
    }

    /** How often the watchdog should look at this loop, in nanoseconds. */
    long tickNanos() {
        return Math.max(MIN_TICK, Math.min(MAX_TICK, thresholdNanos / 20));
    }

    /** {@code callback} starts on the loop thread; returns the step's number, for {@link #end}. */
    public long begin(Object callback) {
        long s = (long) SEQ.get(this) + 1;
        RUNNER.setOpaque(this, loopThread);
        RUNNING.setOpaque(this, callback);
        preciseStart = thresholdNanos < PRECISE_BELOW_NANOS ? System.nanoTime() : 0;
        SEQ.setRelease(this, s);
        return s;
    }

    /** {@code task}'s body took the loop: sample its thread from now on. */
    public void stepResumed(Thread taskThread, Task<?> task) {
        RUNNER.setOpaque(this, taskThread);
        RUNNING.setOpaque(this, task);
    }

    /**
     * Step {@code step} (from {@link #begin}) returned: logs the warning if it took at least the
     * threshold, naming {@code task} if a task step ran, else {@code callback}. Reads the clock only
     * for a step the watchdog flagged, or when timing precisely.
     */
    public void end(long step, Task<?> task, Object callback) {
        SEQ.setRelease(this, step + 1);
        long threshold = thresholdNanos;
        long dt;
        if (preciseStart != 0) {
            dt = System.nanoTime() - preciseStart;
        } else if ((long) FLAGGED.getAcquire(this) == step) {
            dt = System.nanoTime() - flaggedStart;
        } else {
            return;
        }
        if (dt < threshold) {
            return;
        }
        String what = task != null ? task.toString() : String.valueOf(callback);
        String text = String.format(Locale.ROOT, "Executing %s took %.3f seconds", what, dt / 1e9);
        StackTraceElement[] stuck = sampledSeq == step ? sample : null;
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
            long took = dt;
            Watchdog.INSTANCE.later(() -> Jfr.slowCallback(what, took, at));
        }
    }

    /**
     * Watchdog side, once per tick: notes which step runs and since when at the earliest; once it
     * may have overrun the threshold, flags it for the loop to time its end and samples its
     * thread on every tick while it overruns. The sample reported is the one seen most
     * (Boyer-Moore majority vote over the ticks): where the step was stuck, not where it happened
     * to be first or last.
     */
    void check(long now) {
        long previousTick = lastTick;
        lastTick = now;
        long current = (long) SEQ.getAcquire(this);
        if (current != seenSeq) {
            seenSeq = current;
            seenFrom = previousTick;
            seenTo = now;
            long exact = preciseStart;
            if ((current & 1) == 1 && exact != 0) {
                if ((long) SEQ.getAcquire(this) == current) {
                    seenFrom = exact;
                    seenTo = exact;
                }
            }
        }
        if ((current & 1) == 0 || now - seenFrom < thresholdNanos) {
            return;
        }
        // When the step began: between the two ticks, or (a watchdog the machine kept waiting) shortly
        // before it was first seen. Never earlier: a short step seen by a late tick must not look slow.
        long startedAbout = seenTo - Math.min(seenTo - seenFrom, tickNanos()) / 2;
        if ((long) FLAGGED.getOpaque(this) != current) {
            flaggedStart = startedAbout;
            FLAGGED.setRelease(this, current);
        }
        if (now - startedAbout < thresholdNanos) {
            return;
        }
        try {
            sample(now, startedAbout, current);
        } finally {
            reportIfStillRunning(now, startedAbout, current);
        }
    }

    private boolean stillRunning(long step) {
        return (long) SEQ.getAcquire(this) == step;
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
        Object what = RUNNING.getOpaque(this);
        StackTraceElement[] stuck = stuckFrames(((Thread) RUNNER.getOpaque(this)).getStackTrace());
        if (!stillRunning(current)) {
            return;
        }
        String text = String.format(Locale.ROOT, "Executing %s is still running after %.3f seconds", what, ran / 1e9);
        if (stuck != null) {
            text = Reports.withTraceback(text + "\nThe loop is stuck at (most recent call last):", stuck);
        }
        Reports.LOG.log(System.Logger.Level.WARNING, text);
    }

    private void sample(long now, long s, long current) {
        Thread t = (Thread) RUNNER.getOpaque(this);
        StackTraceElement[] frames = t.getStackTrace();
        if (!stillRunning(current)) {
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
            if (LOOP_CLASSES.contains(frames[user].getClassName())) {
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
        long current = (long) SEQ.getAcquire(this);
        return (current & 1) == 1 && sampledSeq == current;
    }

    private static long toNanos(double seconds) {
        return (long) (seconds * 1e9);
    }
}
