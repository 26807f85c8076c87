package io.aio4j.internal.loop;

import io.aio4j.internal.task.VirtualThreads;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Native mode: calls the loop's own thread makes that may block on a lock one of its tasks holds
 * or waits for (a log handler's, above all), made so that they never block that thread.
 *
 * <p>The hazard. A native loop's thread is the one carrier of its tasks' virtual threads. Since
 * JDK 24 a task's thread may unmount while it holds a monitor (waiting inside it for another
 * lock), and a task's thread waiting to enter a monitor unmounts too; either way it can only go
 * on when the loop runs its continuation. If the loop's thread then blocks on that monitor, it
 * waits for a task that waits for it: the loop hangs for good. The second case needs no lock to
 * be held by the task at all: when the monitor is released, the JVM wakes one waiter, and if it
 * picks the task, the loop's thread (a waiter as well) is not woken, while the task's wake-up is
 * a continuation queued on the blocked loop. aio4j logs on the loop's thread (the default
 * exception handler, debug mode's slow-callback report) through the same handlers a task logs
 * through, so this happened: a test's loop hung in {@code StreamHandler.publish}.
 *
 * <p>The cure: {@link #execute} makes the call on a new virtual thread scheduled by this loop
 * and runs its first step at once, on the loop's thread, the way an eager task starts. A call
 * that does not block is over when {@code execute} returns, as if made directly; one that blocks
 * unmounts its own thread instead of blocking the loop's, which goes on, and ends when the loop
 * runs it again. Continuations still queued when the loop stops go to the JDK's scheduler, so a
 * call is never left waiting for a next run of the loop.
 */
final class BlockingCalls implements Executor {
    private final Executor loop;
    private final BooleanSupplier running;
    /** The calls not finished yet. */
    private final Set<Call> open = ConcurrentHashMap.newKeySet();

    /**
     * Calls made on {@code loop} (the loop's {@code execute}) while {@code running} says it runs
     * (a volatile read; it turns false before {@link #loopStopped}).
     */
    BlockingCalls(Executor loop, BooleanSupplier running) {
        this.loop = loop;
        this.running = running;
    }

    /** The loop stopped: the continuations it did not run go to the JDK's scheduler. */
    void loopStopped() {
        for (Call c : open) {
            c.runElsewhere();
        }
    }

    /**
     * Loop thread, while the loop runs: runs {@code call} on a virtual thread of the loop, at
     * once; returns when it is done, or blocked (it then ends on a later step).
     */
    @Override
    public void execute(Runnable call) {
        Call c = new Call();
        Thread t = VirtualThreads.builder(c).name("aio4j-loop-call").unstarted(() -> {
            try {
                call.run();
            } finally {
                open.remove(c);
            }
        });
        open.add(c);
        t.start();
        c.runFirstStep();
    }

    /** The scheduler of one call's thread. */
    private final class Call implements Executor {
        /** The first step, submitted by {@code start()} on the loop's thread, run by {@link #runFirstStep}. */
        private Runnable first;
        private boolean started;
        /** A later step not run yet (one at most: a thread is submitted again only after it ran). */
        private final AtomicReference<Runnable> pending = new AtomicReference<>();

        @Override
        public void execute(Runnable step) {
            if (!started) {
                started = true;
                first = step;
                return;
            }
            pending.set(step);
            if (running.getAsBoolean()) {
                loop.execute(this::runPending);
            } else {
                runElsewhere();
            }
        }

        void runFirstStep() {
            Runnable step = first;
            first = null;
            step.run();
        }

        private void runPending() {
            Runnable step = pending.getAndSet(null);
            if (step != null) {
                step.run();
            }
        }

        void runElsewhere() {
            Runnable step = pending.getAndSet(null);
            if (step != null) {
                VirtualThreads.defaultScheduler().execute(step);
            }
        }
    }
}
