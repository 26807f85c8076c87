package io.aio4j.internal.loop;

import java.util.ArrayDeque;

/**
 * Eager task start (asyncio's {@code eager_task_factory}): a new task's body runs at once, until
 * it first suspends, instead of on the next iteration. Two ways, depending on who creates it:
 *
 * <ul>
 * <li>From a callback: the task's first step, which starting its strand queues on the loop, is
 *     {@linkplain #captureFirstStep captured} instead of queued, and the caller runs it inline.
 * <li>From a task: a virtual thread cannot run another inline, so the first step goes to the
 *     front of the ready queue followed by the creator's resumption, queued next as the creator
 *     gives the loop up ({@link #runNextThenResume}); nothing else runs in between.
 * </ul>
 *
 * <p>Loop thread only. The loop offers every step it is handed to {@link #intercept} first.
 */
final class EagerStart {
    private boolean enabled;
    private boolean capturing;
    private Runnable captured;
    private Runnable next;

    /** Whether tasks created from now on start eagerly. */
    boolean enabled() {
        return enabled;
    }

    /** Turns eager start on or off for tasks created from now on. */
    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Runs {@code start} (which queues a task's first step) and returns that step instead of queueing it. */
    Runnable captureFirstStep(Runnable start) {
        capturing = true;
        try {
            start.run();
        } finally {
            capturing = false;
        }
        Runnable first = captured;
        captured = null;
        return first;
    }

    /** The next step handed to the loop (the creator's resumption) goes to the front, behind {@code first}. */
    void runNextThenResume(Runnable first) {
        next = first;
    }

    /**
     * Takes {@code step} if an eager start is waiting for it (to run inline, or at the front of
     * the loop's {@code ready} queue); false: the loop queues it as usual.
     */
    boolean intercept(Runnable step, ArrayDeque<Runnable> ready) {
        if (capturing) {
            capturing = false;
            captured = step;
            return true;
        }
        if (next != null) {
            ready.addFirst(step);
            ready.addFirst(next);
            next = null;
            return true;
        }
        return false;
    }
}
