package io.aio4j.sync;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.Future;
import java.util.ArrayDeque;

/**
 * asyncio's {@code Semaphore}: a counter of permits. {@link #acquire()} takes one, waiting
 * while there are none; {@link #release()} gives one back. Waiters are served in FIFO order:
 * a newcomer waits behind the queue even when a permit is free.
 */
public class Semaphore extends LoopBound {
    /*
     * Overview (asyncio 3.13's): waking a waiter takes its permit at once (value--, future
     * completed), so the value never over-counts woken tasks. A woken waiter cancelled before it
     * runs gives its permit back; every acquire, however it ends, wakes as many waiters as there
     * are free permits, so a permit never stays free while someone waits.
     */
    private ArrayDeque<Future<Boolean>> waiters;
    private int value;

    /** A semaphore with one permit. */
    public Semaphore() {
        this(1);
    }

    /**
     * A semaphore with {@code value} permits.
     *
     * @throws IllegalArgumentException {@code "Semaphore initial value must be >= 0"}
     */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0");
        }
        this.value = value;
    }

    /** Whether {@link #acquire()} would wait: no permit is free, or other tasks wait first. */
    public boolean isLocked() {
        if (value == 0) {
            return true;
        }
        if (waiters != null) {
            for (Future<Boolean> w : waiters) {
                if (!w.isCancelled()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Takes a permit, suspending the current task until one is free and its turn has come.
     *
     * @throws io.aio4j.CancelledException if the task was cancelled while waiting (no permit is then held)
     */
    public void acquire() {
        if (!isLocked()) {
            value--;
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
            if (fut.isDone() && !fut.isCancelled()) {
                // Woken (a permit was taken for us) but cancelled before running: give it back.
                value++;
            }
            throw e;
        } finally {
            while (value > 0 && wakeUpNext()) {
                // Waiters that queued behind us while permits were free.
            }
        }
    }

    /** Takes a permit ({@link #acquire()}) and returns the handle whose {@code close()} releases it. */
    public Acquired hold() {
        acquire();
        return new Release(this::release);
    }

    /** Gives a permit back and wakes the first waiting task. */
    public void release() {
        value++;
        wakeUpNext();
    }

    /** The free permits (for reprs and subclasses). */
    final int value() {
        return value;
    }

    private boolean wakeUpNext() {
        if (waiters == null) {
            return false;
        }
        for (Future<Boolean> fut : waiters) {
            if (!fut.isDone()) {
                value--;
                fut.setResult(true);
                return true;
            }
        }
        return false;
    }

    /** asyncio's repr: {@code <Semaphore@1b6d3586 [unlocked, value:2]>}. */
    @Override
    public String toString() {
        String extra = isLocked() ? "locked" : "unlocked, value:" + value;
        if (waiters != null && !waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return reprPrefix() + " [" + extra + "]>";
    }
}
