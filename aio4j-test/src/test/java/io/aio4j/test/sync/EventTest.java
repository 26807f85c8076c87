package io.aio4j.test.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.Task;
import io.aio4j.sync.Event;
import io.aio4j.test.AioTest;
import io.aio4j.test.TestLoop;
import java.util.ArrayList;
import java.util.List;

class EventTest {

    @AioTest
    void setWakesEveryWaiter(TestLoop loop) {
        Event event = new Event();
        List<String> woken = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            Aio.createTask(() -> {
                event.await();
                woken.add(name);
            });
        }
        Aio.sleep(1);
        assertEquals(List.of(), woken);
        assertTrue(event.toString().endsWith("[unset, waiters:3]>"), event.toString());
        event.set();
        Aio.sleep(0);
        Aio.sleep(0);
        assertEquals(List.of("a", "b", "c"), woken);
    }

    @AioTest
    void awaitReturnsAtOnceWhenSetAndWaitsAgainAfterClear() {
        Event event = new Event();
        event.set();
        assertTrue(event.isSet());
        event.await();
        event.clear();
        assertFalse(event.isSet());
        Task<Void> waiter = Aio.createTask(() -> {
            event.await();
        });
        Aio.sleep(5);
        assertFalse(waiter.isDone());
        event.set();
        Aio.await(waiter);
    }

    @AioTest
    void aWaiterWokenBySetReturnsEvenIfClearedBeforeItRuns() {
        Event event = new Event();
        Task<Void> waiter = Aio.createTask(() -> {
            event.await();
        });
        Aio.sleep(0);
        event.set();
        event.clear();
        Aio.await(waiter);
        assertFalse(event.isSet());
    }

    @AioTest
    void aCancelledWaiterLeavesTheQueue() {
        Event event = new Event();
        Task<Void> waiter = Aio.createTask(() -> {
            event.await();
        });
        Aio.sleep(0);
        waiter.cancel();
        assertThrows(CancelledException.class, () -> Aio.await(waiter));
        assertTrue(event.toString().endsWith("[unset]>"), event.toString());
    }
}
