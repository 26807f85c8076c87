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
import io.aio4j.Task;
import io.aio4j.Timeout;
import io.aio4j.TimeoutException;
import io.aio4j.test.AioTest;
import io.aio4j.test.TestLoop;
import java.util.concurrent.atomic.AtomicReference;

class TimeoutTest {

    @AioTest(timeout = 5)
    void aThirtySecondTimeoutExpiresOnVirtualTime(TestLoop loop) {
        TimeoutException e = assertThrows(TimeoutException.class, () -> Aio.timeout(30, () -> {
            Aio.sleep(3600);
        }));
        assertInstanceOf(CancelledException.class, e.getCause());
        assertEquals(30.0, loop.time(), 1e-6);
        assertEquals(0, Aio.currentTask().cancelling());
    }

    @AioTest
    void aBodyFinishingInTimeReturnsItsValue() {
        assertEquals("ok", Aio.timeout(2, () -> {
            Aio.sleep(1);
            return "ok";
        }));
    }

    @AioTest
    void statesAndRepr(TestLoop loop) {
        AtomicReference<Timeout> seen = new AtomicReference<>();
        Aio.timeout(10, t -> {
            seen.set(t);
            assertEquals("<Timeout [active] when=10.0>", t.toString());
            assertFalse(t.expired());
            return null;
        });
        assertEquals("<Timeout [finished]>", seen.get().toString());
        assertThrows(TimeoutException.class, () -> Aio.timeout(1, t -> {
            seen.set(t);
            try {
                Aio.sleep(5);
            } catch (CancelledException e) {
                assertEquals("<Timeout [expiring]>", t.toString());
                assertTrue(t.expired());
                IllegalStateException change = assertThrows(IllegalStateException.class, () -> t.reschedule(100));
                assertEquals("Cannot change state of expiring Timeout", change.getMessage());
                throw e;
            }
            return null;
        }));
        assertEquals("<Timeout [expired]>", seen.get().toString());
        assertTrue(seen.get().expired());
    }

    @AioTest
    void outsideATaskTheMessageSaysSo(TestLoop loop) {
        AtomicReference<Throwable> error = new AtomicReference<>();
        loop.callSoon(() -> {
            try {
                Aio.timeout(1, () -> null);
            } catch (Throwable t) {
                error.set(t);
            }
        });
        Aio.sleep(0);
        Aio.sleep(0);
        assertInstanceOf(IllegalStateException.class, error.get());
        assertEquals("Timeout should be used inside a task", error.get().getMessage());
    }

    @AioTest
    void nestedTimeoutsOnlyTheOutermostExpiredOneRaises(TestLoop loop) {
        // Both expire at the same moment: the inner one sees a newer cancel request and lets it through.
        TimeoutException outer = assertThrows(TimeoutException.class, () -> Aio.timeout(1, o -> {
            try {
                return Aio.timeout(1, i -> {
                    Aio.sleep(10);
                    return null;
                });
            } catch (TimeoutException inner) {
                throw new AssertionError("the inner timeout must not raise", inner);
            }
        }));
        assertInstanceOf(CancelledException.class, outer.getCause());
    }

    @AioTest
    void theInnerTimeoutRaisesWhenOnlyItExpired() {
        String r = Aio.timeout(10, o -> {
            try {
                Aio.timeout(1, i -> {
                    Aio.sleep(5);
                    return null;
                });
                return "not expected";
            } catch (TimeoutException inner) {
                assertFalse(o.expired());
                return "inner expired";
            }
        });
        assertEquals("inner expired", r);
    }

    @AioTest
    void anOutsideCancellationIsNotATimeout() {
        Task<Void> t = Aio.createTask(() -> Aio.timeout(10, () -> {
            Aio.sleep(100);
        }));
        Aio.sleep(1);
        t.cancel();
        assertThrows(CancelledException.class, () -> Aio.await(t));
        assertTrue(t.isCancelled());
    }

    @AioTest
    void rescheduleMovesTheDeadline(TestLoop loop) {
        assertThrows(TimeoutException.class, () -> Aio.timeout(1, t -> {
            t.reschedule(loop.time() + 5);
            assertEquals(5.0, t.when(), 1e-9);
            Aio.sleep(100);
            return null;
        }));
        assertEquals(5.0, loop.time(), 1e-6);
    }

    @AioTest
    void rescheduleToThePastFiresOnTheNextIteration(TestLoop loop) {
        loop.advanceTime(10);
        assertThrows(TimeoutException.class, () -> Aio.timeout(100, t -> {
            t.reschedule(loop.time() - 5);
            Aio.sleep(0);
            throw new AssertionError("the task should have been cancelled on the next iteration");
        }));
        assertEquals(10.0, loop.time(), 1e-6);
    }

    @AioTest
    void infinityDisablesTheTimeout(TestLoop loop) {
        assertEquals("x", Aio.timeout(1, t -> {
            t.reschedule(Double.POSITIVE_INFINITY);
            assertEquals(Double.POSITIVE_INFINITY, t.when());
            assertEquals("<Timeout [active] when=None>", t.toString());
            Aio.sleep(50);
            return "x";
        }));
        assertEquals(50.0, loop.time(), 1e-6);
    }

    @AioTest
    void currentTimeoutIsTheInnermostActiveOne() {
        assertNull(Aio.currentTimeout());
        Aio.timeout(10, o -> {
            assertSame(o, Aio.currentTimeout());
            Aio.timeout(5, i -> {
                assertSame(i, Aio.currentTimeout());
                return null;
            });
            assertSame(o, Aio.currentTimeout());
            return null;
        });
        assertNull(Aio.currentTimeout());
    }

    @AioTest
    void timeoutAtUsesLoopTime(TestLoop loop) {
        loop.advanceTime(100);
        assertThrows(TimeoutException.class, () -> Aio.timeoutAt(103, t -> {
            Aio.sleep(10);
            return null;
        }));
        assertEquals(103.0, loop.time(), 1e-6);
    }

    @AioTest
    void anExceptionOtherThanTheCancellationPassesThrough() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> Aio.timeout(1, t -> {
            try {
                Aio.sleep(5);
            } catch (CancelledException e) {
                throw boom;
            }
            return null;
        })));
    }
}
