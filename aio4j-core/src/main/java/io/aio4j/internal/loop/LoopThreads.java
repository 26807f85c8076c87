package io.aio4j.internal.loop;

import io.aio4j.internal.task.PinnedAwaits;
import io.aio4j.internal.task.Strand;
import io.aio4j.internal.task.VirtualThreads;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Which thread holds a loop, and the threads its tasks run on. A loop is held by the platform
 * thread running it, by a native-mode task mounted on that thread (its carrier), or, in
 * compatibility mode, by the task thread that holds the turn; everything on the loop may be
 * touched only by that holder ({@link #inLoopThread}), and debug mode throws for anyone else
 * ({@link #checkThread}). Tasks run on strands ({@link #newStrand}): virtual threads scheduled by
 * the loop (native mode) or taking strict turns with it (compatibility mode).
 *
 * <p>Any thread may ask; {@link #enter}/{@link #exit} are the loop thread's.
 */
final class LoopThreads {
    private final boolean nativeMode;
    private final Executor scheduler;
    /** Native mode: finds tasks that would block this loop by awaiting while pinned to its thread. */
    private final PinnedAwaits.Watch pinWatch;
    /** Native mode: calls of the loop's thread that may block on a lock its tasks hold (logging); else null. */
    private final BlockingCalls blockingCalls;
    /** The thread running the loop; null when it is not running. */
    private volatile Thread loopThread;
    /** Compatibility mode: the task thread holding the turn, if any. */
    private volatile Thread turnHolder;
    /**
     * Guards the loop's start and stop against {@link #runHeld}: while another thread holds it, the
     * loop can neither start nor finish stopping.
     */
    private final Object gate = new Object();
    /** Work {@link #runHeld} queued for the running loop and not run yet. Guarded by {@link #gate}. */
    private final ArrayDeque<Runnable> held = new ArrayDeque<>();

    /** Threads in native mode if asked for and the JVM allows it; {@code scheduler} queues a task's steps on the loop. */
    LoopThreads(boolean nativeAskedFor, Executor scheduler) {
        this.nativeMode = nativeAskedFor && VirtualThreads.nativeAvailable();
        this.scheduler = scheduler;
        this.pinWatch = nativeMode ? PinnedAwaits.newWatch() : null;
        this.blockingCalls = nativeMode ? new BlockingCalls(scheduler, () -> loopThread != null) : null;
    }

    /** Whether tasks run on loop-scheduled virtual threads. */
    boolean nativeMode() {
        return nativeMode;
    }

    /**
     * The one line that says which mode tasks run in, and how to get native mode when it is not
     * available (logged once per JVM by the first loop).
     */
    String modeAnnouncement() {
        if (nativeMode) {
            return "aio4j native mode: tasks are virtual threads scheduled by their event loop";
        }
        String why = VirtualThreads.unavailableReason();
        return "aio4j compatibility mode: tasks take strict turns with the loop (about 5 us a "
                + "switch, and a JDK blocking call in a task blocks the loop)"
                + (why != null ? " because " + why : "")
                + ". For native mode run java with --add-opens java.base/java.lang=ALL-UNNAMED"
                + " (on the module path: --add-opens java.base/java.lang=io.aio4j)";
    }

    /** The thread running the loop, or null. */
    Thread loopThread() {
        return loopThread;
    }

    /** Compatibility mode: the task thread holding the turn, or null (a monitor's hint for who holds the loop). */
    Thread turnHolder() {
        return turnHolder;
    }

    /** The current thread starts running the loop (a native-mode loop needs a platform thread: its tasks mount on it). */
    void enter() {
        Thread me = Thread.currentThread();
        if (nativeMode && me.isVirtual()) {
            throw new IllegalStateException("a native-mode event loop must run on a platform thread: its tasks are "
                    + "virtual threads mounted on it (run it from a platform thread, or use -Daio4j.mode=compat)");
        }
        synchronized (gate) {
            loopThread = me;
        }
        if (pinWatch != null) {
            pinWatch.start(me);
        }
    }

    /**
     * Where the current thread makes a call that may block on a lock the loop's tasks use (a log
     * handler's): on a native loop's own thread, a virtual thread of the loop, so that the call
     * never blocks the loop's thread (see {@link BlockingCalls}); null anywhere else (call directly).
     */
    Executor blockingCallsHere() {
        return blockingCalls != null && Thread.currentThread() == loopThread ? blockingCalls : null;
    }

    /**
     * The loop stopped running. Work {@link #runHeld} queued that the loop did not reach runs here
     * first, still on the loop's thread, so none of it waits for a next run that may never come.
     */
    void exit() {
        while (true) {
            Runnable work;
            synchronized (gate) {
                work = held.poll();
                if (work == null) {
                    loopThread = null;
                    break;
                }
            }
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                // Internal work (a bridge to a CompletableFuture): a failure is a defect; the loop
                // must still stop cleanly, so it goes to the thread's handler instead of unwinding.
                Thread me = Thread.currentThread();
                me.getUncaughtExceptionHandler().uncaughtException(me, e);
            }
        }
        if (pinWatch != null) {
            pinWatch.stop();
            blockingCalls.loopStopped();
        }
    }

    /**
     * Runs {@code work} where the loop's state may be touched, from any thread: on the loop (queued
     * with {@code wakeUp}, like {@code callSoonThreadsafe}) while it runs, at once on the calling
     * thread while it does not (the loop cannot start meanwhile). Never left queued behind by a loop
     * that stops before reaching it: {@link #exit} runs it. {@code work} must be short and must not
     * wait for another thread.
     */
    void runHeld(Runnable work, Executor wakeUp) {
        if (inLoopThread()) {
            // The loop runs here, so it cannot start or stop meanwhile: no gate. A task must not wait
            // for the gate, either: another thread may hold it, and a native task waiting there can
            // only go on when the loop's thread runs it, which may be waiting for the gate as well.
            work.run();
            return;
        }
        synchronized (gate) {
            if (loopThread == null) {
                work.run();
                return;
            }
            held.add(work);
        }
        wakeUp.execute(this::runHeldOnLoop);
    }

    /** On the loop: runs the work {@link #runHeld} queued so far. */
    private void runHeldOnLoop() {
        while (true) {
            Runnable work;
            synchronized (gate) {
                work = held.poll();
            }
            if (work == null) {
                return;
            }
            work.run();
        }
    }

    /** Whether the current thread holds the loop: its thread, a task mounted on it, or the task holding the turn. */
    boolean inLoopThread() {
        Thread t = Thread.currentThread();
        Thread lt = loopThread;
        if (t == lt) {
            return true;
        }
        if (lt == null) {
            return false;
        }
        return nativeMode ? t.isVirtual() && VirtualThreads.currentCarrier() == lt : t == turnHolder;
    }

    /**
     * Throws asyncio's {@code "Non-thread-safe operation …"} when called off the loop's thread while
     * it runs. Debug mode applies it to callSoon/callAt and future completion; task creation
     * applies it in every mode, because a task created off the loop corrupts it (hand it over
     * with {@code callSoonThreadsafe} or {@code Aio.runCoroutineThreadsafe}).
     */
    void checkThread() {
        if (loopThread != null && !inLoopThread()) {
            throw wrongThread();
        }
    }

    /** The error of a call made from a thread that does not hold the running loop. */
    static IllegalStateException wrongThread() {
        return new IllegalStateException("Non-thread-safe operation invoked on an event loop other than the current one"
                + " (from other threads use callSoonThreadsafe() or Aio.runCoroutineThreadsafe())");
    }

    /**
     * A strand to run a new task's {@code body} on, named {@code name}; {@code onInterrupt} runs on
     * the loop when the body's thread is interrupted from outside while it waits (compatibility
     * mode; in native mode the body itself resumes on the loop and sees the interrupt).
     */
    Strand newStrand(Runnable body, String name, Runnable onInterrupt) {
        if (nativeMode) {
            return VirtualThreads.nativeStrand(scheduler, pinWatch, body, name);
        }
        return VirtualThreads.compatStrand(body, name, scheduler::execute, holder -> turnHolder = holder, onInterrupt);
    }
}
