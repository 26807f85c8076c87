package io.aio4j.internal.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;

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
 *
 * <p>The queue is a multi-producer single-consumer linked queue of {@link Link}s (D. Vyukov's
 * intrusive MPSC design, written here from its description): a producer swaps itself in as the
 * tail with one atomic exchange and then links its predecessor to itself; the loop, the only
 * consumer, follows the links from the last entry it took. Every producer's entries come out in
 * the order it offered them, and nothing offered is lost. A {@link RealHandle} is its own link, so
 * a callback queued from another thread costs one object (the handle); any other Runnable gets a
 * small box, as a node of {@code ConcurrentLinkedQueue} did. An exchange is cheaper under
 * contention than the CAS retry loop of {@code ConcurrentLinkedQueue}, and polling needs no CAS.
 * Not JCTools: core has no dependencies, its queues reach memory through {@code sun.misc.Unsafe}
 * (which JDK 24+ warns about and is removing), and no general-purpose queue can make the queued
 * handle its own node.
 *
 * <p>The one weak spot of the design: between a producer's exchange and its link, the entry is
 * queued but not yet visible (the consumer stops before it and {@link #isEmpty} is false). The
 * loop then takes it in a later iteration; it does not wait for it.
 */
final class ThreadsafeQueue {
    private static final int AWAKE = 0;
    private static final int POLLING = 1;
    private static final int WOKEN = 2;
    private static final VarHandle POLL_STATE;
    private static final VarHandle TAIL;
    private static final VarHandle HEAD;
    private static final VarHandle NEXT;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            POLL_STATE = l.findVarHandle(ThreadsafeQueue.class, "pollState", int.class);
            TAIL = l.findVarHandle(ThreadsafeQueue.class, "tail", Link.class);
            HEAD = l.findVarHandle(ThreadsafeQueue.class, "head", Link.class);
            NEXT = l.findVarHandle(Link.class, "next", Link.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** An entry of the queue: it links to the entry offered after it. Offered once at most. */
    abstract static class Link {
        /** The entry offered next (null while there is none, or while its producer has not linked it yet). */
        @SuppressWarnings("unused") // through NEXT
        private Link next;

        /** The work this entry carries; called once, by the consumer. */
        abstract Runnable take();
    }

    /** A Runnable that is not a {@link Link} itself. */
    private static final class Box extends Link {
        private Runnable work;

        Box(Runnable work) {
            this.work = work;
        }

        @Override
        Runnable take() {
            Runnable w = work;
            work = null;
            return w;
        }
    }

    private final Runnable wakeup;
    /** The last entry taken (at first an empty box): the consumer reads on from its link. Written by the loop only. */
    @SuppressWarnings("unused") // through HEAD
    private Link head;
    /** The last entry offered. */
    @SuppressWarnings("unused") // through TAIL
    private volatile Link tail;
    @SuppressWarnings("unused") // through POLL_STATE
    private volatile int pollState;

    /** A queue whose {@code wakeup} (the poller's) interrupts a blocking poll. */
    ThreadsafeQueue(Runnable wakeup) {
        this.wakeup = wakeup;
        Link empty = new Box(null);
        head = empty;
        tail = empty;
    }

    /** Queues {@code r} for the loop's next drain, waking the loop if it is blocked polling. Any thread. */
    void offer(Runnable r) {
        append(r instanceof RealHandle h ? h : new Box(r));
    }

    private void append(Link link) {
        Link previous = (Link) TAIL.getAndSet(this, link);
        NEXT.setRelease(previous, link);
        if ((int) POLL_STATE.getVolatile(this) == POLLING && POLL_STATE.compareAndSet(this, POLLING, WOKEN)) {
            wakeup.run();
        }
    }

    /** Loop thread: moves everything queued (and linked) so far to the end of {@code ready}; returns how many. */
    int drainTo(ArrayDeque<Runnable> ready) {
        Link h = (Link) HEAD.get(this);
        Link n = (Link) NEXT.getAcquire(h);
        if (n == null) {
            return 0;
        }
        int count = 0;
        do {
            ready.addLast(n.take());
            // h is no longer the tail (it has a successor), so no producer writes its link again: unlink it,
            // or a handle a user keeps would keep every entry queued after it reachable.
            NEXT.set(h, null);
            h = n;
            count++;
            n = (Link) NEXT.getAcquire(h);
        } while (n != null);
        HEAD.setRelease(this, h);
        return count;
    }

    /** Whether no work is queued (work being offered right now counts as queued). Any thread. */
    boolean isEmpty() {
        return TAIL.getVolatile(this) == HEAD.getAcquire(this);
    }

    /** Loop thread, before a poll that may block: from now on offers wake it; false if work is already here. */
    boolean beginBlockingPoll() {
        POLL_STATE.setVolatile(this, POLLING);
        return isEmpty();
    }

    /** Loop thread, after the poll: offers no longer wake the poller. */
    void endBlockingPoll() {
        POLL_STATE.setVolatile(this, AWAKE);
    }

    /** Drops what is queued (the loop is closing: nothing could run it). */
    void clear() {
        drainTo(new ArrayDeque<>());
    }
}
