package io.aio4j.test.sweep;

import static io.aio4j.test.sweep.ConnectSweepTest.assertSwept;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.queue.Queue;
import io.aio4j.sync.Condition;
import io.aio4j.sync.Lock;
import io.aio4j.sync.Semaphore;
import io.aio4j.test.CancellationSweep;
import io.aio4j.test.CancellationSweep.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Queues and locks cancelled at every iteration: no item is lost or duplicated, no permit is
 * lost, and a waiter behind the cancelled one is still woken (no lost wakeup).
 */
@Timeout(120)
class SyncSweepTest {

    /** A queue with a producer of 1, 2, 3 a little apart. */
    static final class Produced {
        final Queue<Integer> queue = new Queue<>();
        final Task<Void> producer;

        Produced() {
            producer = Aio.createTask(() -> {
                for (int i = 1; i <= 3; i++) {
                    Aio.sleep(0.01);
                    queue.put(i);
                }
            });
        }
    }

    @Test
    void queueGet() {
        Result r = CancellationSweep.withPeer(loop -> new Produced())
                .body(p -> p.queue.get())
                .check((p, o) -> {
                    Aio.waitFor(p.producer, 5);
                    List<Integer> all = new ArrayList<>();
                    if (o.completed()) {
                        all.add((Integer) o.value());
                    }
                    while (!p.queue.isEmpty()) {
                        all.add(p.queue.getNowait());
                    }
                    assertEquals(List.of(1, 2, 3), all);
                })
                .run();
        assertSwept(r);
    }

    /** A full queue of one and a consumer that takes every item, a little apart, until it sees -1. */
    static final class Consumed {
        final Queue<Integer> queue = new Queue<>(1);
        final List<Integer> taken = new ArrayList<>();
        final Task<Void> consumer;

        Consumed() {
            queue.putNowait(0);
            consumer = Aio.createTask(() -> {
                while (true) {
                    Aio.sleep(0.01);
                    int item = queue.get();
                    if (item < 0) {
                        return;
                    }
                    taken.add(item);
                }
            });
        }
    }

    @Test
    void queuePut() {
        Result r = CancellationSweep.withPeer(loop -> new Consumed())
                .body(c -> {
                    c.queue.put(1);
                    return "put";
                })
                .check((c, o) -> {
                    Aio.timeout(5, () -> c.queue.put(-1)); // a put still goes through: no lost wakeup
                    Aio.waitFor(c.consumer, 5);
                    assertEquals(o.completed() ? List.of(0, 1) : List.of(0), c.taken);
                })
                .run();
        assertSwept(r);
    }

    /** A lock held a while by one task, with a second task queued behind the body. */
    static final class Held<L> {
        final L lock;
        final Task<Void> holder;
        Task<Void> behind;

        Held(L lock, Runnable acquire, Runnable release) {
            this.lock = lock;
            holder = Aio.createTask(() -> {
                acquire.run();
                try {
                    Aio.sleep(0.01);
                } finally {
                    release.run();
                }
            });
            behind = Aio.createTask(() -> {
                Aio.sleep(0.001); // queued after the body
                acquire.run();
                release.run();
            });
        }
    }

    @Test
    void lockAcquire() {
        Result r = CancellationSweep.withPeer(loop -> {
            Lock lock = new Lock();
            return new Held<>(lock, lock::acquire, lock::release);
        })
                .body(h -> {
                    h.lock.acquire();
                    try {
                        return "held";
                    } finally {
                        h.lock.release();
                    }
                })
                .check((h, o) -> {
                    Aio.waitFor(h.holder, 5);
                    Aio.waitFor(h.behind, 5);
                    assertFalse(h.lock.isLocked());
                })
                .run();
        assertSwept(r);
    }

    @Test
    void semaphoreAcquire() {
        Result r = CancellationSweep.withPeer(loop -> {
            Semaphore sem = new Semaphore(1);
            return new Held<>(sem, sem::acquire, sem::release);
        })
                .body(h -> {
                    h.lock.acquire();
                    try {
                        return "held";
                    } finally {
                        h.lock.release();
                    }
                })
                .check((h, o) -> {
                    Aio.waitFor(h.holder, 5);
                    Aio.waitFor(h.behind, 5);
                    assertFalse(h.lock.isLocked(), "the permit came back");
                })
                .run();
        assertSwept(r);
    }

    @Test
    void conditionAwait() {
        Result r = CancellationSweep.withPeer(loop -> {
            Condition cond = new Condition();
            Held<Condition> h = new Held<>(cond, cond::acquire, cond::release);
            Aio.createTask(() -> {
                Aio.sleep(0.02);
                cond.acquire();
                try {
                    cond.signalAll();
                } finally {
                    cond.release();
                }
            });
            return h;
        })
                .body(h -> {
                    h.lock.acquire();
                    try {
                        h.lock.await();
                        return "signalled";
                    } finally {
                        h.lock.release();
                    }
                })
                .check((h, o) -> {
                    Aio.waitFor(h.holder, 5);
                    Aio.waitFor(h.behind, 5);
                    Aio.sleep(0.05);
                    assertFalse(h.lock.isLocked());
                })
                .run();
        assertSwept(r);
    }
}
