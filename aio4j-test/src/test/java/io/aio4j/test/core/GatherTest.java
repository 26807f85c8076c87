package io.aio4j.test.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.Coroutine;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.test.AioTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

class GatherTest {

    @AioTest
    void nothingGivesADoneFutureOfAnEmptyList() {
        Future<List<Object>> outer = Aio.gather(List.of());
        assertTrue(outer.isDone());
        assertEquals(List.of(), outer.result());
        assertEquals(List.of(), Aio.await(Aio.gather(true)));
    }

    @AioTest
    void resultsComeInArgumentOrder() {
        Task<Integer> slow = Aio.createTask(() -> {
            Aio.sleep(2);
            return 1;
        });
        Task<Integer> fast = Aio.createTask(() -> {
            Aio.sleep(1);
            return 2;
        });
        Coroutine<Integer> coro = Aio.async(() -> 3);
        assertEquals(List.of(1, 2, 3), Aio.await(Aio.gather(List.of(slow, fast, coro))));
    }

    @AioTest
    void theSameAwaitableTwiceIsWrappedOnce() {
        int[] runs = {0};
        Coroutine<String> coro = Aio.async(() -> {
            runs[0]++;
            return "x";
        });
        assertEquals(List.of("x", "x"), Aio.await(Aio.gather(List.of(coro, coro))));
        assertEquals(1, runs[0]);
    }

    @AioTest
    void aCancelledChildFailsTheOuterFutureWithoutCancellingIt(EventLoop loop) {
        Future<Integer> a = loop.createFuture();
        Future<Integer> b = loop.createFuture();
        Future<List<Integer>> outer = Aio.gather(List.of(a, b));
        b.cancel("child");
        Aio.sleep(0);
        Aio.sleep(0);
        assertTrue(outer.isDone());
        assertFalse(outer.isCancelled());
        assertInstanceOf(CancelledException.class, outer.exception());
        assertEquals("child", outer.exception().getMessage());
        assertFalse(a.isDone());
        a.cancel();
    }

    @AioTest
    void theFirstExceptionPropagatesAndTheOthersKeepRunning(EventLoop loop) {
        IllegalStateException boom = new IllegalStateException("boom");
        Task<String> failing = Aio.createTask(() -> {
            Aio.sleep(1);
            throw boom;
        });
        Task<String> slow = Aio.createTask(() -> {
            Aio.sleep(5);
            return "slow";
        });
        Exception thrown = assertThrows(IllegalStateException.class, () -> Aio.await(Aio.gather(List.of(failing, slow))));
        assertSame(boom, thrown);
        assertFalse(slow.isDone());
        assertEquals("slow", Aio.await(slow));
    }

    @AioTest
    void returnExceptionsCollectsFailuresAndCancellations(EventLoop loop) {
        IllegalStateException boom = new IllegalStateException("boom");
        Future<String> ok = loop.createFuture();
        Future<String> failed = loop.createFuture();
        Future<String> cancelled = loop.createFuture();
        Future<List<Object>> outer = Aio.gather(true, ok, failed, cancelled);
        ok.setResult("ok");
        failed.setException(boom);
        cancelled.cancel("gone");
        List<Object> results = Aio.await(outer);
        assertEquals("ok", results.get(0));
        assertSame(boom, results.get(1));
        assertInstanceOf(CancelledException.class, results.get(2));
        assertEquals("gone", ((CancelledException) results.get(2)).getMessage());
    }

    @AioTest
    void nullResultsAreKept(EventLoop loop) {
        Future<String> f = loop.createFuture();
        f.setResult(null);
        List<String> results = Aio.await(Aio.gather(List.of(f)));
        assertEquals(Arrays.asList((String) null), results);
    }

    @AioTest
    void cancellingTheOuterFutureCancelsTheChildren() {
        List<String> seen = new ArrayList<>();
        Task<String> child = Aio.createTask(() -> {
            try {
                Aio.sleep(10);
                return "done";
            } catch (CancelledException e) {
                seen.add("cancelled: " + e.getMessage());
                throw e;
            }
        });
        Future<List<String>> outer = Aio.gather(List.of(child));
        Aio.sleep(0);
        assertTrue(outer.cancel("stop"));
        assertThrows(CancelledException.class, () -> Aio.await(outer));
        assertTrue(child.isCancelled());
        assertEquals(List.of("cancelled: stop"), seen);
    }

    @AioTest
    void cancellingTheOuterFutureWithReturnExceptionsEndsCancelled() {
        Task<String> child = Aio.createTask(() -> {
            Aio.sleep(10);
            return "done";
        });
        Future<List<Object>> outer = Aio.gather(true, child);
        Aio.sleep(0);
        assertTrue(outer.cancel());
        CancelledException e = assertThrows(CancelledException.class, () -> Aio.await(outer));
        assertNull(e.getMessage());
        assertFalse(outer.isCancelled());
    }

    @AioTest
    void cancellingTheOuterFutureWhenTheChildrenAreDoneReturnsFalse(EventLoop loop) {
        Future<String> f = loop.createFuture();
        f.setResult("x");
        Future<List<String>> outer = Aio.gather(List.of(f));
        assertFalse(outer.cancel());
        assertEquals(List.of("x"), Aio.await(outer));
    }
}
