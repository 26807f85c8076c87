package io.aio4j.internal.stats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.DoubleSupplier;

/**
 * A loop's counters for a monitor: iterations, what the last iteration had queued, whether it
 * is running its callbacks now and since when, open socket transports, bytes in and out.
 *
 * <p>Written by the thread holding the loop only, with opaque and release stores: on the
 * hardware aio4j runs on they are plain stores, so the loop pays the same whether a monitor
 * looks or not (no clock read, no fence, no allocation). A monitor thread reads them with
 * {@link #sample()} at any time, including while the loop is stuck.
 */
public final class LoopStats {
    /*
     * Overview: stepsBegin() is called once per iteration after the poll, with the ready-queue
     * length and the loop time it already computed; stepsEnd() after the iteration's callbacks.
     * The monitor sees "in steps since T"; when it decides the current iteration is slow it
     * flags it (flag()), and stepsEnd() then reads the loop's clock once to record when that
     * iteration ended: only flagged iterations pay for a clock read.
     */
    private static final VarHandle ITERATIONS;
    private static final VarHandle READY;
    private static final VarHandle TIMERS;
    private static final VarHandle STEPS_STARTED;
    private static final VarHandle IN_STEPS;
    private static final VarHandle RUNS;
    private static final VarHandle BYTES_IN;
    private static final VarHandle BYTES_OUT;
    private static final VarHandle TRANSPORTS;
    private static final VarHandle FLAGGED;
    private static final VarHandle FLAGGED_END;

    static {
        MethodHandles.Lookup l = MethodHandles.lookup();
        try {
            ITERATIONS = l.findVarHandle(LoopStats.class, "iterations", long.class);
            READY = l.findVarHandle(LoopStats.class, "ready", int.class);
            TIMERS = l.findVarHandle(LoopStats.class, "timers", int.class);
            STEPS_STARTED = l.findVarHandle(LoopStats.class, "stepsStarted", double.class);
            IN_STEPS = l.findVarHandle(LoopStats.class, "inSteps", boolean.class);
            RUNS = l.findVarHandle(LoopStats.class, "runs", long.class);
            BYTES_IN = l.findVarHandle(LoopStats.class, "bytesIn", long.class);
            BYTES_OUT = l.findVarHandle(LoopStats.class, "bytesOut", long.class);
            TRANSPORTS = l.findVarHandle(LoopStats.class, "transports", int.class);
            FLAGGED = l.findVarHandle(LoopStats.class, "flagged", long.class);
            FLAGGED_END = l.findVarHandle(LoopStats.class, "flaggedEnd", double.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DoubleSupplier clock;
    private long iterations;
    private int ready;
    private int timers;
    private double stepsStarted;
    private boolean inSteps;
    private long runs;
    private long bytesIn;
    private long bytesOut;
    private int transports;
    /** The iteration a monitor found slow (-1: none); written by the monitor. */
    private long flagged = -1;
    /** The loop time at which the flagged iteration's callbacks ended (NaN: not yet). */
    private double flaggedEnd = Double.NaN;

    /** Counters of a loop whose time (in seconds, as {@code EventLoop.time()}) is {@code clock}. */
    public LoopStats(DoubleSupplier clock) {
        this.clock = clock;
    }

    // ------------------------------------------------------------------ written by the loop

    /** The loop starts running (runForever): a new run, so timers armed before are not "late". */
    public void runStarted() {
        RUNS.setOpaque(this, runs + 1);
    }

    /** An iteration polled and is about to run {@code readyLength} callbacks; {@code now} is the loop's time. */
    public void stepsBegin(int readyLength, int timerCount, double now) {
        // The start time before the count: a reader that sees the new count sees at least this start.
        READY.setOpaque(this, readyLength);
        TIMERS.setOpaque(this, timerCount);
        STEPS_STARTED.setOpaque(this, now);
        ITERATIONS.setRelease(this, iterations + 1);
        IN_STEPS.setRelease(this, true);
    }

    /** The iteration's callbacks ran. */
    public void stepsEnd() {
        IN_STEPS.setRelease(this, false);
        if ((long) FLAGGED.getOpaque(this) == iterations) {
            FLAGGED_END.setRelease(this, clock.getAsDouble());
        }
    }

    /** A socket transport read {@code n} bytes. */
    public void bytesIn(long n) {
        BYTES_IN.setOpaque(this, bytesIn + n);
    }

    /** A socket transport wrote {@code n} bytes. */
    public void bytesOut(long n) {
        BYTES_OUT.setOpaque(this, bytesOut + n);
    }

    /** A socket transport was made on this loop. */
    public void transportOpened() {
        TRANSPORTS.setOpaque(this, transports + 1);
    }

    /** A socket transport of this loop lost its connection (closed, aborted or failed). */
    public void transportClosed() {
        TRANSPORTS.setOpaque(this, transports - 1);
    }

    // ------------------------------------------------------------------ read by a monitor

    /** The counters now, read from any thread. */
    public Sample sample() {
        long it;
        boolean steps;
        double started;
        int attempts = 0;
        do {
            // Read until the count did not move meanwhile, so the start time belongs to that iteration
            // (or to a later one, which only makes the current step look shorter, never stuck).
            it = (long) ITERATIONS.getAcquire(this);
            steps = (boolean) IN_STEPS.getAcquire(this);
            started = (double) STEPS_STARTED.getAcquire(this);
        } while ((long) ITERATIONS.getAcquire(this) != it && ++attempts < 100);
        return new Sample(it, steps, started, (int) READY.getOpaque(this), (int) TIMERS.getOpaque(this),
                (long) RUNS.getOpaque(this), (int) TRANSPORTS.getOpaque(this), (long) BYTES_IN.getOpaque(this),
                (long) BYTES_OUT.getOpaque(this));
    }

    /**
     * Marks {@code iteration} as slow: when its callbacks end, the loop records the time
     * ({@link #flaggedEnd(long)}). Called by a monitor thread.
     */
    public void flag(long iteration) {
        FLAGGED_END.setOpaque(this, Double.NaN);
        FLAGGED.setRelease(this, iteration);
    }

    /** When the flagged {@code iteration} ended, in loop time; NaN if it has not (or another is flagged). */
    public double flaggedEnd(long iteration) {
        double end = (double) FLAGGED_END.getAcquire(this);
        return (long) FLAGGED.getOpaque(this) == iteration ? end : Double.NaN;
    }

    /**
     * The counters at one moment, as a monitor saw them.
     *
     * @param iterations   iterations that reached their callbacks so far
     * @param inSteps      whether the loop is running an iteration's callbacks now
     * @param stepsStarted loop time at which the current (or last) iteration's callbacks began
     * @param ready        callbacks the last iteration had queued when it began running them
     * @param timers       timers in the heap then, cancelled ones included
     * @param runs         how many times the loop was started
     * @param transports   open socket transports
     * @param bytesIn      bytes read by socket transports
     * @param bytesOut     bytes written by socket transports
     */
    public record Sample(long iterations, boolean inSteps, double stepsStarted, int ready, int timers, long runs,
            int transports, long bytesIn, long bytesOut) {
    }
}
