package io.aio4j.test.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.test.AioTest;

class ShieldTest {

    @AioTest
    void cancellingTheOuterFutureLeavesTheInnerRunning() {
        Task<String> inner = Aio.createTask(() -> {
            Aio.sleep(1);
            return "inner";
        });
        Future<String> outer = Aio.shield(inner);
        Task<String> waiter = Aio.createTask(() -> Aio.await(outer));
        Aio.sleep(0);
        waiter.cancel();
        assertThrows(CancelledException.class, () -> Aio.await(waiter));
        assertTrue(outer.isCancelled());
        assertFalse(inner.isDone());
        assertEquals("inner", Aio.await(inner));
    }

    @AioTest
    void cancellingTheInnerCancelsTheOuter(EventLoop loop) {
        Future<String> inner = loop.createFuture();
        Future<String> outer = Aio.shield(inner);
        inner.cancel();
        assertThrows(CancelledException.class, () -> Aio.await(outer));
        assertTrue(outer.isCancelled());
    }

    @AioTest
    void resultAndExceptionAreCopied(EventLoop loop) {
        Future<String> ok = loop.createFuture();
        Future<String> bad = loop.createFuture();
        Future<String> okOuter = Aio.shield(ok);
        Future<String> badOuter = Aio.shield(bad);
        ok.setResult("r");
        IllegalStateException boom = new IllegalStateException("boom");
        bad.setException(boom);
        assertEquals("r", Aio.await(okOuter));
        assertSame(boom, assertThrows(IllegalStateException.class, () -> Aio.await(badOuter)));
    }

    @AioTest
    void aDoneFutureIsReturnedAsItIs(EventLoop loop) {
        Future<String> done = loop.createFuture();
        done.setResult("x");
        assertSame(done, Aio.shield(done));
    }

    @AioTest
    void aCoroutineBecomesATask() {
        Future<String> outer = Aio.shield(Aio.async(() -> {
            Aio.sleep(1);
            return "coro";
        }));
        assertEquals("coro", Aio.await(outer));
    }
}
