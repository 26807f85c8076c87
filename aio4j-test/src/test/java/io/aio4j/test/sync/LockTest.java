package io.aio4j.test.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.Task;
import io.aio4j.sync.Acquired;
import io.aio4j.sync.Lock;
import io.aio4j.test.AioTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LockTest {

    private static Task<Void> acquireThenRecord(Lock lock, List<String> order, String name) {
        return Aio.createTask(() -> {
            lock.acquire();
            order.add(name);
        });
    }

    @AioTest
    void waitersAcquireInFifoOrder() {
        Lock lock = new Lock();
        lock.acquire();
        List<String> order = new ArrayList<>();
        Task<Void> a = acquireThenRecord(lock, order, "a");
        Task<Void> b = acquireThenRecord(lock, order, "b");
        Task<Void> c = acquireThenRecord(lock, order, "c");
        Aio.sleep(0);
        assertEquals(List.of(), order);
        for (int i = 0; i < 3; i++) {
            lock.release();
            Aio.sleep(0);
            Aio.sleep(0);
        }
        assertEquals(List.of("a", "b", "c"), order);
        assertTrue(a.isDone() && b.isDone() && c.isDone());
        assertTrue(lock.isLocked());
        lock.release();
    }

    @AioTest
    void releasingAnUnlockedLockFails() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Lock().release());
        assertEquals("Lock is not acquired.", e.getMessage());
    }

    @AioTest
    void aNewcomerCannotOvertakeAWokenWaiter() {
        Lock lock = new Lock();
        lock.acquire();
        List<String> order = new ArrayList<>();
        acquireThenRecord(lock, order, "waiter");
        Aio.sleep(0);
        lock.release(); // wakes the waiter, which has not run yet
        assertFalse(lock.isLocked());
        Task<Void> newcomer = acquireThenRecord(lock, order, "newcomer");
        Aio.sleep(0);
        Aio.sleep(0);
        assertEquals(List.of("waiter"), order);
        lock.release();
        Aio.await(newcomer);
        assertEquals(List.of("waiter", "newcomer"), order);
        lock.release();
    }

    @AioTest
    void aWokenWaiterThatIsCancelledPassesItsTurnOn() {
        Lock lock = new Lock();
        lock.acquire();
        List<String> order = new ArrayList<>();
        Task<Void> first = acquireThenRecord(lock, order, "first");
        Aio.sleep(0);
        Task<Void> second = acquireThenRecord(lock, order, "second");
        Aio.sleep(0);
        lock.release(); // wakes `first`...
        first.cancel(); // ...which is cancelled before it runs
        Aio.sleep(0);
        Aio.sleep(0);
        assertTrue(first.isCancelled());
        assertTrue(second.isDone());
        assertEquals(List.of("second"), order);
        assertTrue(lock.isLocked());
        lock.release();
    }

    @AioTest
    void aCancelledWaiterLeavesTheQueue() {
        Lock lock = new Lock();
        lock.acquire();
        Task<Void> waiter = Aio.createTask(() -> {
            lock.acquire();
        });
        Aio.sleep(0);
        assertTrue(lock.toString().endsWith("[locked, waiters:1]>"), lock.toString());
        waiter.cancel();
        assertThrows(CancelledException.class, () -> Aio.await(waiter));
        assertTrue(lock.toString().endsWith("[locked]>"), lock.toString());
        lock.release();
        lock.acquire(); // free and nobody queued: at once
        lock.release();
    }

    @AioTest
    void holdReleasesWhenTheBlockEnds() {
        Lock lock = new Lock();
        try (Acquired held = lock.hold()) {
            assertTrue(lock.isLocked());
        }
        assertFalse(lock.isLocked());
        assertThrows(IllegalStateException.class, () -> {
            try (Acquired held = lock.hold()) {
                throw new IllegalStateException("inside");
            }
        });
        assertFalse(lock.isLocked());
        Acquired twice = lock.hold();
        twice.close();
        twice.close(); // the second close does nothing
        assertFalse(lock.isLocked());
    }

    @Test
    @Timeout(10)
    void waitingBindsTheLockToTheFirstLoop() {
        Lock lock = new Lock();
        Aio.run(() -> {
            lock.acquire();
            Task<Void> waiter = Aio.createTask(() -> {
                lock.acquire();
            });
            Aio.sleep(0);
            waiter.cancel();
            Aio.sleep(0);
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Aio.run(() -> {
            lock.acquire(); // locked: it must wait, on another loop
        }));
        assertTrue(e.getMessage().matches("<Lock@[0-9a-f]+ \\[locked\\]> is bound to a different event loop"), e.getMessage());
    }
}
