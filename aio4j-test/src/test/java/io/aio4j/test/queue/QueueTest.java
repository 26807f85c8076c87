package io.aio4j.test.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.Task;
import io.aio4j.queue.Queue;
import io.aio4j.queue.QueueEmptyException;
import io.aio4j.queue.QueueFullException;
import io.aio4j.queue.QueueShutDownException;
import io.aio4j.test.AioTest;
import io.aio4j.test.TestLoop;
import java.util.ArrayList;
import java.util.List;

class QueueTest {

    @AioTest
    void itemsComeOutInFifoOrder() {
        Queue<Integer> q = new Queue<>();
        for (int i = 0; i < 3; i++) {
            q.put(i);
        }
        assertEquals(3, q.size());
        assertEquals(List.of(0, 1, 2), List.of(q.get(), q.get(), q.getNowait()));
        assertTrue(q.isEmpty());
    }

    @AioTest
    void nowaitVariantsThrowWhenEmptyOrFull() {
        Queue<String> q = new Queue<>(1);
        assertThrows(QueueEmptyException.class, q::getNowait);
        q.putNowait("a");
        assertTrue(q.isFull());
        assertThrows(QueueFullException.class, () -> q.putNowait("b"));
        assertEquals(1, q.maxsize());
    }

    @AioTest
    void aQueueWithoutPositiveMaxsizeIsNeverFull() {
        Queue<Integer> q = new Queue<>(-1);
        for (int i = 0; i < 100; i++) {
            q.putNowait(i);
        }
        assertFalse(q.isFull());
    }

    @AioTest
    void putWaitsWhileFull(TestLoop loop) {
        Queue<String> q = new Queue<>(1);
        q.put("a");
        Task<Void> putter = Aio.createTask(() -> {
            q.put("b");
        });
        Aio.sleep(1);
        assertFalse(putter.isDone());
        assertTrue(q.toString().contains("_putters[1]"), q.toString());
        assertEquals("a", q.get());
        Aio.await(putter);
        assertEquals("b", q.get());
    }

    @AioTest
    void getWaitsWhileEmpty(TestLoop loop) {
        Queue<String> q = new Queue<>();
        Task<String> getter = Aio.createTask(q::get);
        Aio.sleep(3);
        assertFalse(getter.isDone());
        q.put("x");
        assertEquals("x", Aio.await(getter));
    }

    @AioTest
    void aCancelledGetterAfterBeingWokenLosesNoItem() {
        Queue<String> q = new Queue<>();
        Task<String> first = Aio.createTask(q::get);
        Task<String> second = Aio.createTask(q::get);
        Aio.sleep(0);
        q.putNowait("a"); // wakes `first`...
        first.cancel(); // ...which is cancelled before it runs
        assertThrows(CancelledException.class, () -> Aio.await(first));
        assertEquals("a", Aio.await(second));
    }

    @AioTest
    void aCancelledGetterLeavesTheQueueOfGetters() {
        Queue<String> q = new Queue<>();
        Task<String> getter = Aio.createTask(q::get);
        Aio.sleep(0);
        getter.cancel();
        assertThrows(CancelledException.class, () -> Aio.await(getter));
        assertFalse(q.toString().contains("_getters"), q.toString());
        q.putNowait("kept");
        assertEquals("kept", q.getNowait());
    }

    @AioTest
    void aCancelledPutterAfterBeingWokenPassesTheSlotOn() {
        Queue<String> q = new Queue<>(1);
        q.putNowait("full");
        Task<Void> first = Aio.createTask(() -> {
            q.put("first");
        });
        Task<Void> second = Aio.createTask(() -> {
            q.put("second");
        });
        Aio.sleep(0);
        assertEquals("full", q.getNowait()); // wakes `first`...
        first.cancel(); // ...which is cancelled before it runs
        assertThrows(CancelledException.class, () -> Aio.await(first));
        Aio.await(second);
        assertEquals("second", q.getNowait());
    }

    @AioTest
    void joinWaitsUntilEveryItemIsMarkedDone(TestLoop loop) {
        Queue<Integer> q = new Queue<>();
        q.join(); // nothing unfinished: at once
        List<Integer> processed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            q.putNowait(i);
        }
        assertTrue(q.toString().contains("tasks=3"), q.toString());
        Aio.createTask(() -> {
            while (true) {
                int item = q.get();
                Aio.sleep(1);
                processed.add(item);
                q.taskDone();
            }
        });
        q.join();
        assertEquals(List.of(0, 1, 2), processed);
        assertEquals(3.0, loop.time(), 1e-6);
        for (var t : Aio.allTasks()) {
            if (t != Aio.currentTask()) {
                t.cancel();
            }
        }
        Aio.sleep(0);
    }

    @AioTest
    void taskDoneTooManyTimesFails() {
        Queue<String> q = new Queue<>();
        q.putNowait("a");
        q.getNowait();
        q.taskDone();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, q::taskDone);
        assertEquals("taskDone() called too many times", e.getMessage());
    }

    @AioTest
    void shutdownFailsPutsAtOnceAndGetsOnceEmpty() {
        Queue<String> q = new Queue<>();
        q.putNowait("left");
        q.shutdown();
        assertThrows(QueueShutDownException.class, () -> q.put("x"));
        assertThrows(QueueShutDownException.class, () -> q.putNowait("x"));
        assertEquals("left", q.get());
        assertThrows(QueueShutDownException.class, q::get);
        assertThrows(QueueShutDownException.class, q::getNowait);
        assertTrue(q.toString().endsWith("shutdown>"), q.toString());
    }

    @AioTest
    void shutdownWakesWaitingGettersAndPutters() {
        Queue<String> empty = new Queue<>();
        Task<String> getter = Aio.createTask(empty::get);
        Queue<String> full = new Queue<>(1);
        full.putNowait("x");
        Task<Void> putter = Aio.createTask(() -> {
            full.put("y");
        });
        Aio.sleep(0);
        empty.shutdown();
        full.shutdown();
        assertThrows(QueueShutDownException.class, () -> Aio.await(getter));
        assertThrows(QueueShutDownException.class, () -> Aio.await(putter));
    }

    @AioTest
    void immediateShutdownDropsItemsAndReleasesJoin() {
        Queue<String> q = new Queue<>();
        q.putNowait("a");
        q.putNowait("b");
        Task<Void> joiner = Aio.createTask(() -> {
            q.join();
        });
        Aio.sleep(0);
        q.shutdown(true);
        Aio.await(joiner);
        assertTrue(q.isEmpty());
        assertThrows(QueueShutDownException.class, q::getNowait);
        assertThrows(IllegalArgumentException.class, q::taskDone);
    }
}
