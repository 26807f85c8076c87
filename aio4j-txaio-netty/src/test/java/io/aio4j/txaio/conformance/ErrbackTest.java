package io.aio4j.txaio.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.txaio.IFailedFuture;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxFuture;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * txaio's test_errback: rejecting, failures, errbacks that recover.
 */
class ErrbackTest {

    @EachBackend
    void errbackReceivesTheRejectedException(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        RuntimeException error = new RuntimeException("it failed");
        TxFuture<String> f = tx.createFuture();
        tx.addCallbacks(f, r.callback(), r.errback());
        tx.reject(f, error);
        h.runPending();
        assertEquals(List.of(), r.results);
        IFailedFuture failure = r.failures.get(0);
        assertSame(error, failure.value());
        assertEquals("RuntimeException: it failed", tx.failureMessage(failure));
        assertTrue(tx.failureTraceback(failure).length > 0);
        assertTrue(tx.failureFormatTraceback(failure).startsWith("java.lang.RuntimeException: it failed"));
    }

    @EachBackend
    void errbackReceivesTheSameFailureItWasRejectedWith(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        IFailedFuture failure = tx.createFailure(new IllegalStateException("x"));
        TxFuture<String> f = tx.createFuture();
        tx.addCallbacks(f, null, r.errback());
        tx.reject(f, failure);
        h.runPending();
        assertSame(failure, r.failures.get(0));
    }

    @EachBackend
    void theSameFailureTravelsDownAChainWithoutErrbacks(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        IFailedFuture failure = tx.createFailure(new IllegalStateException("x"));
        TxFuture<String> f = tx.createFutureError(failure);
        TxFuture<String> middle = tx.addCallbacks(f, v -> v, null);
        tx.addCallbacks(middle, null, r.errback());
        h.runPending();
        assertSame(failure, r.failures.get(0));
    }

    @EachBackend
    void immediateFailureRunsTheErrback(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        RuntimeException error = new RuntimeException("now");
        TxFuture<String> f = tx.createFutureError(error);
        assertTrue(tx.isCalled(f));
        tx.addCallbacks(f, r.callback(), r.errback());
        h.runPending();
        assertSame(error, r.failures.get(0).value());
    }

    @EachBackend
    void errbackReturningAValueRecovers(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        TxFuture<String> f = tx.createFutureError(new RuntimeException());
        TxFuture<String> recovered = tx.addCallbacks(f, null, failure -> "fallback");
        tx.addCallbacks(recovered, r.callback(), r.errback());
        h.runPending();
        assertEquals(List.of("fallback"), r.results);
        assertEquals(List.of(), r.failures);
    }

    @EachBackend
    void errbackExceptionFailsTheDerivedFuture(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        IllegalStateException second = new IllegalStateException("second");
        TxFuture<String> f = tx.createFutureError(new RuntimeException("first"));
        TxFuture<String> derived = tx.addCallbacks(f, null, failure -> {
            throw second;
        });
        tx.addCallbacks(derived, null, r.errback());
        h.runPending();
        assertSame(second, r.failures.get(0).value());
    }

    @EachBackend
    void cancelRunsTheErrbackWithACancellationKeepingTheMessage(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        TxFuture<String> f = tx.createFuture();
        tx.addCallbacks(f, r.callback(), r.errback());
        tx.cancel(f, "no longer needed");
        h.runPending();
        assertTrue(tx.isCalled(f));
        CancellationException e = assertInstanceOf(CancellationException.class, r.failures.get(0).value());
        assertEquals("no longer needed", e.getMessage());
    }

    @EachBackend
    void cancellerRunsOnceWithTheFuture(Harness h) {
        TxApi tx = h.api();
        List<TxFuture<String>> cancelled = new java.util.ArrayList<>();
        TxFuture<String> f = tx.createFuture(cancelled::add);
        tx.cancel(f);
        tx.cancel(f, "again");
        h.runPending();
        assertEquals(1, cancelled.size());
        assertSame(f, cancelled.get(0));
    }

    @EachBackend
    void cancelOfADoneFutureDoesNothing(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        List<Object> cancellerCalls = new java.util.ArrayList<>();
        TxFuture<String> f = tx.createFuture(cancellerCalls::add);
        tx.resolve(f, "kept");
        tx.cancel(f);
        tx.addCallbacks(f, r.callback(), r.errback());
        h.runPending();
        assertEquals(List.of("kept"), r.results);
        assertEquals(List.of(), cancellerCalls);
    }

    @EachBackend
    void cancellerExceptionGoesToTheExceptionHandler(Harness h) {
        TxApi tx = h.api();
        IllegalStateException boom = new IllegalStateException("canceller");
        TxFuture<String> f = tx.createFuture(x -> {
            throw boom;
        });
        tx.cancel(f);
        h.runPending();
        assertEquals(List.of(boom), h.errors());
    }

    @EachBackend
    void failureHelpersNeverThrow(Harness h) {
        TxApi tx = h.api();
        IFailedFuture broken = () -> null;
        assertEquals("Failed to produce failure message for \"null\"", tx.failureMessage(null));
        assertTrue(tx.failureMessage(broken).startsWith("Failed to produce failure message"));
        assertEquals(0, tx.failureTraceback(null).length);
        assertTrue(tx.failureFormatTraceback(broken).startsWith("Failed to format failure traceback"));
        assertEquals("IllegalStateException: ", tx.failureMessage(tx.createFailure(new IllegalStateException())));
    }

    @EachBackend
    void badRejectionsAreRejected(Harness h) {
        TxApi tx = h.api();
        TxFuture<String> f = tx.createFuture();
        assertThrows(IllegalArgumentException.class, () -> tx.reject(f, (Throwable) null));
        assertThrows(IllegalArgumentException.class, () -> tx.reject(f, (IFailedFuture) null));
        assertThrows(IllegalArgumentException.class, () -> tx.createFailure(null));
        assertEquals(false, tx.isCalled(f));
    }
}
