package io.aio4j.test.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.queue.LifoQueue;
import io.aio4j.test.AioTest;
import java.util.List;

class LifoQueueTest {

    @AioTest
    void theLastItemPutComesFirst() {
        LifoQueue<Integer> q = new LifoQueue<>();
        for (int i : List.of(1, 2, 3)) {
            q.put(i);
        }
        assertEquals("<LifoQueue maxsize=0 _queue=[1, 2, 3] tasks=3>", q.toString());
        assertEquals(List.of(3, 2, 1), List.of(q.get(), q.get(), q.get()));
    }

    @AioTest
    void maxsizeBoundsTheStack() {
        LifoQueue<String> q = new LifoQueue<>(1);
        q.putNowait("a");
        assertTrue(q.isFull());
        Task<Void> putter = Aio.createTask(() -> {
            q.put("b");
        });
        Aio.sleep(0);
        assertEquals("a", q.get());
        Aio.await(putter);
        assertEquals("b", q.getNowait());
    }
}
