package io.aio4j.test.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aio4j.Aio;
import io.aio4j.Done;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.ReturnWhen;
import io.aio4j.Task;
import io.aio4j.test.AioTest;
import io.aio4j.test.TestLoop;
import java.util.List;
import java.util.Set;

class WaitTest {

    private static Task<String> after(double seconds, String value) {
        return Aio.createTask(() -> {
            Aio.sleep(seconds);
            return value;
        });
    }

    @AioTest
    void allCompletedWaitsForAll(TestLoop loop) {
        Task<String> a = after(1, "a");
        Task<String> b = after(2, "b");
        Done<String> d = Aio.wait(List.of(a, b), ReturnWhen.ALL_COMPLETED);
        assertEquals(Set.of(a, b), d.done());
        assertEquals(Set.of(), d.pending());
        assertEquals(2.0, loop.time(), 1e-6);
    }

    @AioTest
    void firstCompletedReturnsAtTheFirst(TestLoop loop) {
        Task<String> a = after(1, "a");
        Task<String> b = after(2, "b");
        Done<String> d = Aio.wait(List.of(a, b), ReturnWhen.FIRST_COMPLETED);
        assertEquals(Set.of(a), d.done());
        assertEquals(Set.of(b), d.pending());
        Aio.await(b);
    }

    @AioTest
    void firstExceptionReturnsAtTheFirstFailure(TestLoop loop) {
        Task<String> failing = Aio.createTask(() -> {
            Aio.sleep(1);
            throw new IllegalStateException("boom");
        });
        Task<String> slow = after(5, "slow");
        Done<String> d = Aio.wait(List.of(failing, slow), ReturnWhen.FIRST_EXCEPTION);
        assertEquals(Set.of(failing), d.done());
        assertEquals(Set.of(slow), d.pending());
        assertEquals(1.0, loop.time(), 1e-6);
        Aio.await(slow);
    }

    @AioTest
    void firstExceptionWithoutFailuresWaitsForAll(TestLoop loop) {
        Task<String> a = after(1, "a");
        Task<String> b = after(2, "b");
        Done<String> d = Aio.wait(List.of(a, b), ReturnWhen.FIRST_EXCEPTION);
        assertEquals(Set.of(a, b), d.done());
    }

    @AioTest
    void aTimeoutReturnsWithoutThrowingOrCancelling(TestLoop loop) {
        Task<String> slow = after(5, "slow");
        Done<String> d = Aio.wait(List.of(slow), 1, ReturnWhen.ALL_COMPLETED);
        assertEquals(Set.of(), d.done());
        assertEquals(Set.of(slow), d.pending());
        assertEquals(1.0, loop.time(), 1e-6);
        assertEquals("slow", Aio.await(slow));
    }

    @AioTest
    void emptyIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Aio.wait(List.<Future<String>>of(), ReturnWhen.ALL_COMPLETED));
        assertEquals("Set of Tasks/Futures is empty.", e.getMessage());
    }

    @AioTest
    void doneFuturesAreDoneAtOnce(EventLoop loop) {
        Future<String> f = loop.createFuture();
        f.setResult("x");
        assertEquals(Set.of(f), Aio.wait(List.of(f), 10, ReturnWhen.ALL_COMPLETED).done());
    }
}
