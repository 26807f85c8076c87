package io.aio4j.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.queue.Queue;
import io.aio4j.sync.Event;
import io.aio4j.sync.Lock;
import io.aio4j.testing.Bounded;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many tasks on one loop: a hundred thousand cancelled, a million parked in {@code Aio.sleep(3600)}. */
@Timeout(value = 30, unit = java.util.concurrent.TimeUnit.MINUTES)
class TasksSoakTest {

    /** Fails unless {@code t} ended cancelled (awaiting it raises {@link CancelledException}). */
    static void assertCancelled(Task<?> t) {
        try {
            Aio.await(t);
        } catch (CancelledException expected) {
            assertTrue(t.isCancelled(), "ended without being cancelled: " + t);
            return;
        }
        throw new AssertionError("awaiting a cancelled task did not raise CancelledException: " + t);
    }

    @Test
    void cancelledTasksAllEndCancelledAndLeaveNothingBehind() throws Exception {
        int n = Soak.size(100_000, 5_000);
        Bounded.run(Soak.limit(), () -> Aio.run(() -> {
            Reports reports = Reports.on(Aio.getRunningLoop());
            long heapBefore = Soak.usedHeapAfterGc();
            Event never = new Event();
            Lock held = new Lock();
            held.acquire();
            Queue<Integer> empty = new Queue<>();
            Future<Void> pending = Aio.getRunningLoop().createFuture();
            AtomicInteger started = new AtomicInteger();
            long start = System.nanoTime();
            List<Task<Void>> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int kind = i % 6;
                tasks.add(Aio.createTask(() -> {
                    started.incrementAndGet();
                    switch (kind) {
                        case 1 -> Aio.sleep(3600);
                        case 2 -> never.await();
                        case 3 -> held.acquire();
                        case 4 -> empty.get();
                        case 5 -> Aio.await(pending);
                        default -> Aio.sleep(0);
                    }
                    throw new AssertionError("a task ran past its cancellation point");
                }));
                if (i % 6 == 0) {
                    tasks.get(i).cancel(); // before its first step
                }
            }
            Aio.sleep(0);
            for (Task<Void> t : tasks) {
                t.cancel();
            }
            for (Task<Void> t : tasks) {
                assertCancelled(t);
            }
            double seconds = Soak.secondsSince(start);
            held.release();
            assertEquals(1, Aio.allTasks().size(), "tasks left besides main");
            assertTrue(!held.isLocked(), "the lock, released by its holder, is still locked");
            assertTrue(empty.isEmpty());
            assertTrue(pending.isCancelled(), "cancelling a task cancels the future it awaits, as in asyncio");
            held.acquire(); // no cancelled waiter holds the lock or stays queued on it
            held.release();
            empty.putNowait(7);
            assertEquals(7, empty.getNowait()); // no cancelled getter took the item
            tasks.clear();
            long heapAfter = Soak.usedHeapAfterGc();
            reports.assertNoUntyped();
            assertTrue(heapAfter - heapBefore < 16 << 20, "heap grew by " + (heapAfter - heapBefore) + " bytes");
            Soak.report("cancelled-tasks", Soak.figures("tasks", n, "neverStarted", n / 6,
                    "started", started.get(), "seconds", seconds, "heapBeforeKiB", heapBefore >> 10,
                    "heapAfterKiB", heapAfter >> 10, "untyped", reports.untyped()));
        }));
    }

    @Test
    void aMillionIdleTasksAndTheHeapEachTakes() throws Exception {
        int n = Soak.size(1_000_000, 10_000);
        Bounded.run(Soak.limit(), () -> Aio.run(() -> {
            Reports reports = Reports.on(Aio.getRunningLoop());
            long heapBefore = Soak.usedHeapAfterGc();
            AtomicInteger parked = new AtomicInteger();
            long start = System.nanoTime();
            List<Task<Void>> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                tasks.add(Aio.createTask(() -> {
                    parked.incrementAndGet();
                    Aio.sleep(3600);
                }));
            }
            while (parked.get() < n) {
                Aio.sleep(0.01);
            }
            double createSeconds = Soak.secondsSince(start);
            long heapParked = Soak.usedHeapAfterGc();
            Soak.assertLoopAlive();
            long cancelStart = System.nanoTime();
            for (Task<Void> t : tasks) {
                t.cancel();
            }
            for (Task<Void> t : tasks) {
                assertCancelled(t);
            }
            double cancelSeconds = Soak.secondsSince(cancelStart);
            tasks.clear();
            assertEquals(1, Aio.allTasks().size(), "tasks left besides main");
            long heapAfter = Soak.usedHeapAfterGc();
            reports.assertNoUntyped();
            Soak.report("idle-tasks", Soak.figures("tasks", n, "createAndParkSeconds", createSeconds,
                    "cancelSeconds", cancelSeconds, "heapBeforeKiB", heapBefore >> 10,
                    "heapParkedKiB", heapParked >> 10, "heapAfterCancelKiB", heapAfter >> 10,
                    "bytesPerTask", (heapParked - heapBefore) / n, "untyped", reports.untyped()));
        }));
    }
}
