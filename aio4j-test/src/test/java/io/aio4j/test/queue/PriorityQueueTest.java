package io.aio4j.test.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.queue.PriorityQueue;
import io.aio4j.queue.QueueFullException;
import io.aio4j.test.AioTest;
import java.util.Comparator;
import java.util.List;

class PriorityQueueTest {

    @AioTest
    void theSmallestItemComesFirstInNaturalOrder() {
        PriorityQueue<Integer> q = new PriorityQueue<>();
        for (int i : List.of(3, 1, 2)) {
            q.put(i);
        }
        assertEquals(List.of(1, 2, 3), List.of(q.get(), q.get(), q.get()));
    }

    @AioTest
    void aComparatorDecidesTheOrderAndMaxsizeBounds() {
        PriorityQueue<String> q = new PriorityQueue<>(2, Comparator.comparing(String::length));
        q.putNowait("ccc");
        q.putNowait("a");
        assertThrows(QueueFullException.class, () -> q.putNowait("bb"));
        assertEquals("a", q.getNowait());
        q.putNowait("bb");
        assertEquals("bb", q.getNowait());
        assertEquals("ccc", q.getNowait());
    }

    @AioTest
    void aWaitingGetterGetsTheSmallestItemPut() {
        PriorityQueue<Integer> q = new PriorityQueue<>(0, null);
        Task<Integer> getter = Aio.createTask(q::get);
        Aio.sleep(0);
        q.putNowait(5);
        q.putNowait(4);
        assertEquals(4, Aio.await(getter));
    }
}
