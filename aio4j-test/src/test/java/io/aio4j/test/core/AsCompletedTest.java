package io.aio4j.test.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Awaitable;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.TimeoutException;
import io.aio4j.test.AioTest;
import io.aio4j.test.TestLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

class AsCompletedTest {

    private static Task<String> after(double seconds, String value) {
        return Aio.createTask(() -> {
            Aio.sleep(seconds);
            return value;
        });
    }

    @AioTest
    void yieldsTheOriginalFuturesInCompletionOrder() {
        Task<String> c = after(3, "c");
        Task<String> a = after(1, "a");
        Task<String> b = after(2, "b");
        List<Future<String>> order = new ArrayList<>();
        for (Future<String> f : Aio.asCompleted(List.<Awaitable<String>>of(c, a, b))) {
            assertTrue(f.isDone());
            order.add(f);
        }
        assertEquals(3, order.size());
        assertSame(a, order.get(0));
        assertSame(b, order.get(1));
        assertSame(c, order.get(2));
    }

    @AioTest
    void coroutinesBecomeTasks() {
        List<String> results = new ArrayList<>();
        for (Future<String> f : Aio.asCompleted(List.of(Aio.async(() -> {
            Aio.sleep(2);
            return "slow";
        }), Aio.async(() -> "quick")))) {
            results.add(f.result());
        }
        assertEquals(List.of("quick", "slow"), results);
    }

    @AioTest
    void endsAfterTheLast() {
        Iterator<Future<String>> it = Aio.asCompleted(List.<Awaitable<String>>of(after(1, "x"))).iterator();
        assertEquals("x", it.next().result());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @AioTest
    void aTimeoutYieldsWhatFinishedBeforeItThenThrowsTimeoutExceptionAndCancelsNothing(TestLoop loop) {
        Task<String> a = after(1, "a");
        Task<String> slow = after(10, "slow");
        Iterator<Future<String>> it = Aio.asCompleted(List.<Awaitable<String>>of(slow, a), 5).iterator();
        assertSame(a, it.next());
        assertTrue(it.hasNext());
        assertThrows(TimeoutException.class, it::next);
        assertEquals(5.0, loop.time(), 1e-6);
        assertFalse(it.hasNext());
        assertFalse(slow.isDone(), "as_completed cancels nothing");
        assertEquals("slow", Aio.await(slow));
    }

    @AioTest
    void aTimeoutAfterEverythingFinishedChangesNothing(TestLoop loop) {
        List<String> results = new ArrayList<>();
        for (Future<String> f : Aio.asCompleted(List.<Awaitable<String>>of(after(1, "a"), after(2, "b")), Duration.ofSeconds(3))) {
            results.add(f.result());
        }
        assertEquals(List.of("a", "b"), results);
        Aio.sleep(5);
        assertEquals(7.0, loop.time(), 1e-6);
    }

    @AioTest
    void aHugeDurationIsNoTimeout() {
        List<String> results = new ArrayList<>();
        for (Future<String> f : Aio.asCompleted(List.<Awaitable<String>>of(after(1, "a")), Duration.ofSeconds(Long.MAX_VALUE))) {
            results.add(f.result());
        }
        assertEquals(List.of("a"), results);
    }
}
