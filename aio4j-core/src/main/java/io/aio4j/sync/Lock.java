package io.aio4j.sync;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.Future;
import java.util.ArrayDeque;

/**
 * asyncio's {@code Lock}: mutual exclusion between the tasks of one loop, granted in FIFO
 * order. Not reentrant, and not owned: any task may release it.
 *
 * <pre>{@code
 *   try (var held = lock.hold()) {
 *       ... // one task at a time
 *   }
 * }</pre>
 */
public final class Lock extends LoopBound {
    /*
     * Overview (asyncio's): `waiters` holds one future per waiting task, in arrival order. release()
     * completes the first waiter's future but leaves `locked` false until that task runs and
     * takes it; acquire() takes a free lock at once only if nobody is queued (or every queued
     * waiter was cancelled), so a newcomer cannot overtake a woken waiter. A woken waiter that
     * is cancelled before it runs wakes the next one instead.
     */
    private ArrayDeque<Future<Boolean>> waiters;
    private boolean locked;

    /** An unlocked lock. */
    public Lock() {
    }

    /** Whether the lock is held. */
    public boolean isLocked() {
        return locked;
    }

    /**
     * Takes the lock, suspending the current task until it is free and this task's turn has come.
     *
     * @throws io.aio4j.CancelledException if the task was cancelled while waiting (the lock is then not held)
     */
    public void acquire() {
        if (!locked && (waiters == null || allCancelled())) {
            locked = true;
            return;
        }
        if (waiters == null) {
            waiters = new ArrayDeque<>();
        }
        Future<Boolean> fut = boundLoop().createFuture();
        waiters.addLast(fut);
        try {
            try {
                Aio.await(fut);
            } finally {
                waiters.remove(fut);
            }
        } catch (CancelledException e) {
            if (!locked) {
                wakeUpFirst();
            }
            throw e;
        }
        locked = true;
    }

    /** Takes the lock ({@link #acquire()}) and returns the handle whose {@code close()} releases it. */
    public Acquired hold() {
        acquire();
        return new Release(this::release);
    }

    /**
     * Releases the lock and lets the first waiting task take it.
     *
     * @throws IllegalStateException {@code "Lock is not acquired."}
     */
    public void release() {
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired.");
        }
        locked = false;
        wakeUpFirst();
    }

    private boolean allCancelled() {
        for (Future<Boolean> w : waiters) {
            if (!w.isCancelled()) {
                return false;
            }
        }
        return true;
    }

    private void wakeUpFirst() {
        if (waiters == null || waiters.isEmpty()) {
            return;
        }
        Future<Boolean> first = waiters.peekFirst();
        first.trySetResult(true);
    }

    /** asyncio's repr: {@code <Lock@1b6d3586 [locked, waiters:2]>}. */
    @Override
    public String toString() {
        String extra = locked ? "locked" : "unlocked";
        if (waiters != null && !waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return reprPrefix() + " [" + extra + "]>";
    }
}
