package io.aio4j.txaio.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.InvalidStateException;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxFuture;
import java.util.List;

/**
 * txaio's test_callback, plus aio4j's rules for {@code addCallbacks}: a derived future, never inline.
 */
class CallbackTest {

    @EachBackend
    void callbackReceivesTheResolvedValue(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        TxFuture<String> f = tx.createFuture();
        tx.addCallbacks(f, r.callback(), null);
        tx.resolve(f, "value");
        h.runPending();
        assertEquals(List.of("value"), r.results);
    }

    @EachBackend
    void callbackOfAnAlreadyResolvedFutureRuns(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        tx.addCallbacks(tx.createFutureSuccess("done"), r.callback(), r.errback());
        h.runPending();
        assertEquals(List.of("done"), r.results);
    }

    @EachBackend
    void callbacksNeverRunInline(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        TxFuture<String> f = tx.createFuture();
        tx.addCallbacks(f, r.callback(), null);
        tx.resolve(f, "v");
        assertEquals(List.of(), r.results);
        tx.addCallbacks(tx.createFutureSuccess("w"), r.callback(), null);
        assertEquals(List.of(), r.results);
        h.runPending();
        assertEquals(List.of("v", "w"), r.results);
    }

    @EachBackend
    void callbacksOnOneFutureRunInRegistrationOrder(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        TxFuture<Integer> f = tx.createFuture();
        for (int i = 0; i < 5; i++) {
            int n = i;
            tx.addCallbacks(f, v -> {
                r.results.add(n);
                return v;
            }, null);
        }
        tx.resolve(f, 0);
        h.runPending();
        assertEquals(List.of(0, 1, 2, 3, 4), r.results);
    }

    @EachBackend
    void callbackReturnValueBecomesTheDerivedResult(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        TxFuture<Integer> f = tx.createFuture();
        TxFuture<Integer> plusOne = tx.addCallbacks(f, v -> v + 1, null);
        TxFuture<Integer> doubled = tx.addCallbacks(plusOne, v -> v * 2, null);
        tx.addCallbacks(doubled, r.callback(), r.errback());
        tx.resolve(f, 20);
        h.runPending();
        assertEquals(List.of(42), r.results);
        assertTrue(tx.isCalled(plusOne));
    }

    @EachBackend
    void callbackExceptionFailsTheDerivedFutureNotThePairedErrback(Harness h) {
        TxApi tx = h.api();
        Recorder paired = new Recorder();
        Recorder downstream = new Recorder();
        IllegalStateException boom = new IllegalStateException("in callback");
        TxFuture<String> f = tx.createFuture();
        TxFuture<String> derived = tx.addCallbacks(f, v -> {
            throw boom;
        }, paired.errback());
        tx.addCallbacks(derived, downstream.callback(), downstream.errback());
        tx.resolve(f, "v");
        h.runPending();
        assertEquals(List.of(), paired.failures);
        assertSame(boom, downstream.failures.get(0).value());
    }

    @EachBackend
    void successPassesThroughWhenOnlyAnErrbackIsGiven(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        TxFuture<String> f = tx.createFutureSuccess("through");
        TxFuture<String> derived = tx.addCallbacks(f, null, failure -> "recovered");
        tx.addCallbacks(derived, r.callback(), null);
        h.runPending();
        assertEquals(List.of("through"), r.results);
    }

    @EachBackend
    void bothNullIsRejected(Harness h) {
        TxApi tx = h.api();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tx.addCallbacks(tx.createFuture(), null, null));
        assertEquals("callback and errback are both null", e.getMessage());
    }

    @EachBackend
    void resolveTwiceThrowsInvalidState(Harness h) {
        TxApi tx = h.api();
        TxFuture<String> f = tx.createFuture();
        tx.resolve(f, "once");
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> tx.resolve(f, "twice"));
        assertTrue(e.getMessage().startsWith("resolve() of a future that is already done"), e.getMessage());
        assertThrows(InvalidStateException.class, () -> tx.reject(f, new RuntimeException()));
    }

    @EachBackend
    void unwrapGivesTheBackendsNativeFuture(Harness h) {
        TxApi tx = h.api();
        TxFuture<String> f = tx.createFuture();
        Class<?> expected = switch (h.backend()) {
            case JDK -> java.util.concurrent.CompletableFuture.class;
            case NETTY -> io.netty.util.concurrent.Promise.class;
            case AIO4J -> io.aio4j.Future.class;
        };
        assertTrue(expected.isInstance(f.unwrap(Object.class)), f.unwrap(Object.class).getClass().getName());
        assertThrows(IllegalArgumentException.class, () -> f.unwrap(String.class));
    }

    @EachBackend
    void aFutureFromAnotherApiIsAcceptedOnlyIfTxaioMadeIt(Harness h) {
        TxApi tx = h.api();
        TxFuture<String> foreign = new TxFuture<>() {
            @Override
            public <N> N unwrap(Class<N> nativeType) {
                throw new UnsupportedOperationException();
            }
        };
        assertThrows(IllegalArgumentException.class, () -> tx.resolve(foreign, "x"));
    }
}
