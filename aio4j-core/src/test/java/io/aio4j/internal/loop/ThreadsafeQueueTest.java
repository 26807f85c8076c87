package io.aio4j.internal.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.testing.Bounded;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The loop's multi-producer single-consumer queue and its wakeup protocol. */
class ThreadsafeQueueTest {
    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 200_000;

    /** A queued item: who offered it, and its place in that producer's sequence. */
    private record Item(int producer, int seq) implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void concurrentProducersLoseNothingAndKeepEachProducersOrder() throws Exception {
        Bounded.run(Duration.ofSeconds(60), () -> {
            ThreadsafeQueue q = new ThreadsafeQueue(() -> { });
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                int id = p;
                producers.add(Thread.ofPlatform().daemon().start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < PER_PRODUCER; i++) {
                        // Every other item a handle (its own link), the rest boxed Runnables.
                        q.offer(i % 2 == 0 ? new RealHandle(new Item(id, i), RealHandle.NO_ARG, null) : new Item(id, i));
                    }
                }));
            }
            int[] next = new int[PRODUCERS];
            int total = 0;
            ArrayDeque<Runnable> ready = new ArrayDeque<>();
            go.countDown();
            while (total < PRODUCERS * PER_PRODUCER) {
                q.drainTo(ready);
                for (Runnable r; (r = ready.pollFirst()) != null; ) {
                    Item item = r instanceof RealHandle h ? (Item) h.fn : (Item) r;
                    assertEquals(next[item.producer()], item.seq(), "producer " + item.producer() + "'s order");
                    next[item.producer()]++;
                    total++;
                }
                Thread.onSpinWait();
            }
            for (Thread t : producers) {
                t.join();
            }
            assertEquals(0, q.drainTo(ready), "nothing more than what was offered");
            assertTrue(q.isEmpty());
            for (int p = 0; p < PRODUCERS; p++) {
                assertEquals(PER_PRODUCER, next[p], "every item of producer " + p);
            }
        });
    }

    @Test
    void aHandleIsQueuedAsItselfAndOtherWorkAsGiven() {
        ThreadsafeQueue q = new ThreadsafeQueue(() -> { });
        RealHandle h = new RealHandle((Runnable) () -> { }, RealHandle.NO_ARG, null);
        Runnable plain = () -> { };
        q.offer(h);
        q.offer(plain);
        q.offer(plain);
        ArrayDeque<Runnable> ready = new ArrayDeque<>();
        assertEquals(3, q.drainTo(ready));
        assertSame(h, ready.pollFirst());
        assertSame(plain, ready.pollFirst());
        assertSame(plain, ready.pollFirst());
        assertTrue(q.isEmpty());
        assertEquals(0, q.drainTo(ready));
    }

    @Test
    void aHandleKeptByItsCallerDoesNotKeepLaterWorkReachable() throws Exception {
        ThreadsafeQueue q = new ThreadsafeQueue(() -> { });
        RealHandle kept = new RealHandle((Runnable) () -> { }, RealHandle.NO_ARG, null);
        q.offer(kept);
        Runnable later = new Item(0, 1);
        WeakReference<Runnable> ref = new WeakReference<>(later);
        q.offer(later);
        q.offer(new Item(0, 2));
        ArrayDeque<Runnable> ready = new ArrayDeque<>();
        q.drainTo(ready);
        ready.clear();
        later = null;
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(ref.get(), "a drained entry is unlinked from the one before it");
        assertFalse(kept.isCancelled());
    }

    @Test
    void anOfferWakesABlockingPollOnceAndNeverABusyLoop() {
        AtomicInteger wakeups = new AtomicInteger();
        ThreadsafeQueue q = new ThreadsafeQueue(wakeups::incrementAndGet);
        q.offer(() -> { });
        assertEquals(0, wakeups.get(), "the loop is not polling: no wakeup");
        assertFalse(q.beginBlockingPoll(), "work is queued: the poll must not block");
        q.endBlockingPoll();
        q.drainTo(new ArrayDeque<>());
        assertTrue(q.beginBlockingPoll(), "nothing queued: the poll may block");
        q.offer(() -> { });
        q.offer(() -> { });
        assertEquals(1, wakeups.get(), "one wakeup per blocking poll");
        q.endBlockingPoll();
        q.offer(() -> { });
        assertEquals(1, wakeups.get());
        q.clear();
        assertTrue(q.isEmpty());
    }
}
