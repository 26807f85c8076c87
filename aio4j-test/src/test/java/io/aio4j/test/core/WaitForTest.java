package io.aio4j.test.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.TimeoutException;
import io.aio4j.test.AioTest;
import io.aio4j.test.TestLoop;
import java.util.ArrayList;
import java.util.List;

class WaitForTest {

    @AioTest
    void resultBeforeTheTimeout() {
        assertEquals("ok", Aio.waitFor(Aio.async(() -> {
            Aio.sleep(1);
            return "ok";
        }), 2));
    }

    @AioTest
    void timeoutCancelsAndRaisesTimeoutExceptionCausedByTheCancellation(TestLoop loop) {
        Task<String> slow = Aio.createTask(() -> {
            Aio.sleep(10);
            return "late";
        });
        TimeoutException e = assertThrows(TimeoutException.class, () -> Aio.waitFor(slow, 0.5));
        assertInstanceOf(CancelledException.class, e.getCause());
        assertTrue(slow.isCancelled());
        assertEquals(0.5, loop.time(), 1e-6);
    }

    @AioTest
    void aZeroTimeoutNeverStartsACoroutine() {
        boolean[] ran = {false};
        assertThrows(TimeoutException.class, () -> Aio.waitFor(Aio.async(() -> {
            ran[0] = true;
            return "x";
        }), 0));
        Aio.sleep(0);
        assertEquals(false, ran[0]);
    }

    @AioTest
    void anAlreadyDoneFutureReturnsItsResultEvenWithANegativeTimeout(EventLoop loop) {
        Future<String> done = loop.createFuture();
        done.setResult("done");
        assertEquals("done", Aio.waitFor(done, -1));
        assertEquals("done", Aio.waitFor(done, 1));
    }

    @AioTest
    void anInnerTaskSwallowingTheCancellationReturnsItsValue() {
        Task<String> stubborn = Aio.createTask(() -> {
            try {
                Aio.sleep(10);
                return "finished";
            } catch (CancelledException e) {
                return "swallowed";
            }
        });
        assertEquals("swallowed", Aio.waitFor(stubborn, 1));
    }

    @AioTest
    void waitsForTheInnerTasksCleanup(TestLoop loop) {
        List<String> events = new ArrayList<>();
        Task<String> inner = Aio.createTask(() -> {
            try {
                Aio.sleep(10);
                return "x";
            } finally {
                Aio.sleep(2); // cleanup that takes time
                events.add("cleaned up at " + loop.time());
            }
        });
        assertThrows(TimeoutException.class, () -> Aio.waitFor(inner, 1));
        events.add("timed out at " + loop.time());
        assertEquals(List.of("cleaned up at 3.0", "timed out at 3.0"), events);
    }

    @AioTest
    void anOutsideCancellationStaysACancellation() {
        Task<String> waiter = Aio.createTask(() -> Aio.waitFor(Aio.async(() -> {
            Aio.sleep(10);
            return "x";
        }), 5));
        Aio.sleep(1);
        waiter.cancel();
        assertThrows(CancelledException.class, () -> Aio.await(waiter));
    }

    @AioTest
    void infinityMeansNoTimeout(TestLoop loop) {
        assertEquals("x", Aio.waitFor(Aio.async(() -> {
            Aio.sleep(1000);
            return "x";
        }), Double.POSITIVE_INFINITY));
        assertEquals(1000.0, loop.time(), 1e-6);
    }
}
