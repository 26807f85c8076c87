package io.aio4j.internal.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * How other threads hand work to the loop ({@code callSoonThreadsafe}, continuations of
 * native-mode tasks unparked by the JDK, results of executor jobs), and the wakeup protocol:
 * asyncio's self-pipe ({@code _write_to_self}) without the pipe.
 *
 * <p>{@link #offer} is a lock-free enqueue, callable from any thread, including a virtual thread
 * that is pinned or holds a lock the loop's tasks may want: it never blocks. The poller is woken
 * only when the loop is blocked in it or about to be ({@code pollState} is POLLING), so a busy
 * loop pays no wakeup system calls; the CAS from POLLING to WOKEN makes one wakeup per poll at most.
 * The loop announces a blocking poll with {@link #beginBlockingPoll}, which returns false when
 * work arrived already (then it must not block), and ends it with {@link #endBlockingPoll}.
 */
final class ThreadsafeQueue {
    private static final int AWAKE = 0;
    private static final int POLLING = 1;
    private static final int WOKEN = 2;
    private static final VarHandle POLL_STATE;

    static {
        try {
            POLL_STATE = MethodHandles.lookup().findVarHandle(ThreadsafeQueue.class, "pollState", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final Runnable wakeup;
    @SuppressWarnings("unused") // through POLL_STATE
    private volatile int pollState;

    /** A queue whose {@code wakeup} (the poller's) interrupts a blocking poll. */
    ThreadsafeQueue(Runnable wakeup) {
        this.wakeup = wakeup;
    }

    /** Queues {@code r} for the loop's next drain, waking the loop if it is blocked polling. Any thread. */
    void offer(Runnable r) {
        queue.offer(r);
        if ((int) POLL_STATE.getVolatile(this) == POLLING && POLL_STATE.compareAndSet(this, POLLING, WOKEN)) {
            wakeup.run();
        }
    }

    /** Loop thread: moves everything queued so far to the end of {@code ready}. */
    void drainTo(ArrayDeque<Runnable> ready) {
        Runnable r;
        while ((r = queue.poll()) != null) {
            ready.addLast(r);
        }
    }

    /** Whether work is waiting to be drained. Any thread. */
    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Loop thread, before a poll that may block: from now on offers wake it; false if work is already here. */
    boolean beginBlockingPoll() {
        POLL_STATE.setVolatile(this, POLLING);
        return queue.isEmpty();
    }

    /** Loop thread, after the poll: offers no longer wake the poller. */
    void endBlockingPoll() {
        POLL_STATE.setVolatile(this, AWAKE);
    }

    /** Drops what is queued (the loop is closing: nothing could run it). */
    void clear() {
        queue.clear();
    }
}
