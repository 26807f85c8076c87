package io.aio4j.sync;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.Future;
import io.aio4j.internal.Sneaky;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * asyncio's {@code Condition}: tasks wait, holding a {@link Lock}, until another task signals
 * them. {@link #await()} releases the lock while it waits and always holds it again when it
 * returns or throws, even when the task is cancelled.
 *
 * <pre>{@code
 *   try (var held = cond.hold()) {
 *       cond.awaitFor(() -> !queue.isEmpty());
 *       item = queue.poll();
 *   }
 * }</pre>
 */
public final class Condition extends LoopBound {
    private final Lock lock;
    private final ArrayDeque<Future<Boolean>> waiters = new ArrayDeque<>();

    /** A condition with a new lock of its own. */
    public Condition() {
        this(new Lock());
    }

    /** A condition on {@code lock}, which several conditions may share. */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** Whether the underlying lock is held. */
    public boolean isLocked() {
        return lock.isLocked();
    }

    /** Acquires the underlying lock; see {@link Lock#acquire()}. */
    public void acquire() {
        lock.acquire();
    }

    /** Releases the underlying lock; see {@link Lock#release()}. */
    public void release() {
        lock.release();
    }

    /** Acquires the underlying lock and returns the handle whose {@code close()} releases it. */
    public Acquired hold() {
        return lock.hold();
    }

    /**
     * Releases the lock, suspends the current task until it is signalled, and takes the lock
     * again before returning. It may return spuriously: check the state and wait again (or use
     * {@link #awaitFor}). If the task is cancelled it still re-acquires the lock, then rethrows
     * the same {@link CancelledException} instance; a signal it received meanwhile goes to another waiter.
     *
     * @throws IllegalStateException {@code "cannot wait on un-acquired lock"}
     */
    public void await() {
        if (!isLocked()) {
            throw new IllegalStateException("cannot wait on un-acquired lock");
        }
        Future<Boolean> fut = boundLoop().createFuture();
        release();
        Throwable error = null;
        waiters.addLast(fut);
        try {
            Aio.await(fut);
        } catch (Throwable t) {
            error = t;
        } finally {
            waiters.remove(fut);
        }
        // The lock must be held again whatever happened; only cancellation may interrupt this.
        while (true) {
            try {
                lock.acquire();
                break;
            } catch (CancelledException e) {
                error = e;
            }
        }
        if (error != null) {
            // We may have been signalled just before failing: pass the signal on.
            signalWaiters(1);
            throw Sneaky.raise(error);
        }
    }

    /** Waits ({@link #await()}) until {@code predicate} is true; the lock must be held. */
    public void awaitFor(BooleanSupplier predicate) {
        Objects.requireNonNull(predicate, "predicate");
        while (!predicate.getAsBoolean()) {
            await();
        }
    }

    /**
     * Wakes one waiting task (asyncio's {@code notify()}). It runs once it re-acquires the lock,
     * so the caller should release it.
     *
     * @throws IllegalStateException {@code "cannot notify on un-acquired lock"}
     */
    public void signal() {
        signal(1);
    }

    /** Wakes up to {@code n} waiting tasks; see {@link #signal()}. */
    public void signal(int n) {
        if (!isLocked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        signalWaiters(n);
    }

    /** Wakes every waiting task (asyncio's {@code notify_all()}); see {@link #signal()}. */
    public void signalAll() {
        signal(waiters.size());
    }

    private void signalWaiters(int n) {
        int woken = 0;
        for (Future<Boolean> fut : waiters) {
            if (woken >= n) {
                break;
            }
            if (!fut.isDone()) {
                woken++;
                fut.setResult(false);
            }
        }
    }

    /** asyncio's repr: {@code <Condition@1b6d3586 [locked, waiters:1]>}. */
    @Override
    public String toString() {
        String extra = isLocked() ? "locked" : "unlocked";
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return reprPrefix() + " [" + extra + "]>";
    }
}
