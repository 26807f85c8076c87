package io.aio4j.test.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.Task;
import io.aio4j.sync.Acquired;
import io.aio4j.sync.BoundedSemaphore;
import io.aio4j.sync.Semaphore;
import io.aio4j.test.AioTest;
import java.util.ArrayList;
import java.util.List;

class SemaphoreTest {

    private static Task<Void> acquireThenRecord(Semaphore sem, List<String> order, String name) {
        return Aio.createTask(() -> {
            sem.acquire();
            order.add(name);
        });
    }

    @AioTest
    void aNegativeInitialValueIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
        assertEquals("Semaphore initial value must be >= 0", e.getMessage());
    }

    @AioTest
    void permitsAreCountedAndWaitersServedInFifoOrder() {
        Semaphore sem = new Semaphore(2);
        sem.acquire();
        sem.acquire();
        assertTrue(sem.isLocked());
        List<String> order = new ArrayList<>();
        acquireThenRecord(sem, order, "a");
        acquireThenRecord(sem, order, "b");
        Aio.sleep(0);
        sem.release();
        Aio.sleep(0);
        Aio.sleep(0);
        assertEquals(List.of("a"), order);
        sem.release();
        Aio.sleep(0);
        Aio.sleep(0);
        assertEquals(List.of("a", "b"), order);
    }

    @AioTest
    void aNewcomerQueuesBehindAWaiterEvenWhenAPermitIsFree() {
        Semaphore sem = new Semaphore(0);
        List<String> order = new ArrayList<>();
        acquireThenRecord(sem, order, "first");
        Aio.sleep(0);
        sem.release(); // the permit goes to `first`, which has not run yet
        Task<Void> newcomer = acquireThenRecord(sem, order, "newcomer");
        Aio.sleep(0);
        Aio.sleep(0);
        assertEquals(List.of("first"), order);
        assertFalse(newcomer.isDone());
        sem.release();
        Aio.await(newcomer);
        assertEquals(List.of("first", "newcomer"), order);
    }

    @AioTest
    void aWokenWaiterThatIsCancelledGivesItsPermitToTheNext() {
        Semaphore sem = new Semaphore(0);
        List<String> order = new ArrayList<>();
        Task<Void> first = acquireThenRecord(sem, order, "first");
        Task<Void> second = acquireThenRecord(sem, order, "second");
        Aio.sleep(0);
        sem.release(); // wakes `first`...
        first.cancel(); // ...which is cancelled before it runs
        assertThrows(CancelledException.class, () -> Aio.await(first));
        Aio.await(second);
        assertEquals(List.of("second"), order);
        assertTrue(sem.isLocked());
        sem.release();
        assertFalse(sem.isLocked());
    }

    @AioTest
    void holdReleasesThePermit() {
        Semaphore sem = new Semaphore(1);
        try (Acquired held = sem.hold()) {
            assertTrue(sem.isLocked());
        }
        assertFalse(sem.isLocked());
        assertTrue(sem.toString().endsWith("[unlocked, value:1]>"), sem.toString());
    }

    @AioTest
    void aBoundedSemaphoreRefusesExtraReleases() {
        BoundedSemaphore sem = new BoundedSemaphore(1);
        sem.acquire();
        sem.release();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, sem::release);
        assertEquals("BoundedSemaphore released too many times", e.getMessage());
    }
}
