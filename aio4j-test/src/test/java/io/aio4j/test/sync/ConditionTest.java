package io.aio4j.test.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.Task;
import io.aio4j.TimeoutException;
import io.aio4j.sync.Acquired;
import io.aio4j.sync.Condition;
import io.aio4j.sync.Lock;
import io.aio4j.test.AioTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

class ConditionTest {

    private static Task<Void> waiter(Condition cond, List<String> woken, String name) {
        return Aio.createTask(() -> {
            try (Acquired held = cond.hold()) {
                cond.await();
                woken.add(name);
            }
        });
    }

    @AioTest
    void awaitAndSignalNeedTheLock() {
        Condition cond = new Condition();
        assertEquals("cannot wait on un-acquired lock", assertThrows(IllegalStateException.class, cond::await).getMessage());
        assertEquals("cannot notify on un-acquired lock", assertThrows(IllegalStateException.class, cond::signal).getMessage());
        assertEquals("cannot notify on un-acquired lock", assertThrows(IllegalStateException.class, cond::signalAll).getMessage());
    }

    @AioTest
    void signalWakesWaitersOneAtATimeInFifoOrder() {
        Condition cond = new Condition();
        List<String> woken = new ArrayList<>();
        waiter(cond, woken, "a");
        waiter(cond, woken, "b");
        waiter(cond, woken, "c");
        Aio.sleep(0);
        try (Acquired held = cond.hold()) {
            cond.signal();
        }
        Aio.sleep(0);
        Aio.sleep(0);
        assertEquals(List.of("a"), woken);
        try (Acquired held = cond.hold()) {
            cond.signal(2);
        }
        Aio.sleep(0);
        Aio.sleep(0);
        Aio.sleep(0);
        assertEquals(List.of("a", "b", "c"), woken);
    }

    @AioTest
    void signalAllWakesEveryWaiterEachHoldingTheLockInTurn() {
        Condition cond = new Condition();
        List<String> woken = new ArrayList<>();
        List<Task<Void>> tasks = List.of(waiter(cond, woken, "a"), waiter(cond, woken, "b"));
        Aio.sleep(0);
        cond.acquire();
        cond.signalAll();
        cond.release();
        for (Task<Void> t : tasks) {
            Aio.await(t);
        }
        assertEquals(List.of("a", "b"), woken);
    }

    @AioTest
    void awaitForChecksThePredicateUntilTrue() {
        Condition cond = new Condition(new Lock());
        int[] state = {0};
        Task<Integer> consumer = Aio.createTask(() -> {
            try (Acquired held = cond.hold()) {
                cond.awaitFor(() -> state[0] == 2);
                return state[0];
            }
        });
        for (int i = 0; i < 2; i++) {
            Aio.sleep(1);
            try (Acquired held = cond.hold()) {
                state[0]++;
                cond.signalAll();
            }
        }
        assertEquals(2, Aio.await(consumer));
    }

    @AioTest
    void aCancelledAwaitReacquiresTheLockAndRethrowsTheSameInstance() {
        Condition cond = new Condition();
        AtomicReference<CancelledException> caught = new AtomicReference<>();
        AtomicReference<Boolean> lockedWhenCaught = new AtomicReference<>();
        Task<Void> t = Aio.createTask(() -> {
            cond.acquire();
            try {
                cond.await();
            } catch (CancelledException e) {
                caught.set(e);
                lockedWhenCaught.set(cond.isLocked());
                throw e;
            } finally {
                cond.release();
            }
        });
        Aio.sleep(0);
        cond.acquire(); // contest the lock: the cancelled waiter must wait for it
        t.cancel("stop");
        Aio.sleep(0);
        Aio.sleep(0);
        assertTrue(!t.isDone());
        cond.release();
        CancelledException outer = assertThrows(CancelledException.class, () -> Aio.await(t));
        assertTrue(lockedWhenCaught.get());
        assertEquals("stop", caught.get().getMessage());
        assertTrue(t.isCancelled());
        assertSame(caught.get(), outer);
    }

    @AioTest
    void aCancellationRacingASignalDoesNotLoseTheSignal() {
        Condition cond = new Condition();
        int[] state = {0};
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            tasks.add(Aio.createTask(() -> {
                try (Acquired held = cond.hold()) {
                    while (true) {
                        cond.awaitFor(() -> state[0] != 0);
                        if (state[0] < 0) {
                            return null;
                        }
                        state[0]--;
                    }
                }
            }));
        }
        Aio.sleep(0);
        try (Acquired held = cond.hold()) {
            state[0]++;
            cond.signal(1);
            tasks.get(0).cancel(); // cancelled while its wakeup is pending
            try {
                Aio.timeout(0.01, () -> {
                    cond.awaitFor(() -> state[0] == 0);
                });
            } catch (TimeoutException lost) {
                // checked below
            }
            assertEquals(0, state[0], "the signal was lost");
            state[0] = -1;
            cond.signalAll();
        }
        Aio.await(tasks.get(1));
        assertTrue(tasks.get(0).isCancelled());
    }
}
