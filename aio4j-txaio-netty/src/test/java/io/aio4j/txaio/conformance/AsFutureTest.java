package io.aio4j.txaio.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxFuture;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * txaio's test_as_future: calling a function and always getting a future. When the function
 * returns a future, {@code asFuture}'s static type is the future type (API.md's signature), so
 * these tests hold the adopted future as {@code TxFuture<?>}.
 */
class AsFutureTest {

    @EachBackend
    void aValueBecomesAResolvedFuture(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        TxFuture<Integer> f = tx.asFuture(() -> 42);
        assertTrue(tx.isCalled(f));
        tx.addCallbacks(f, r.callback(), r.errback());
        h.runPending();
        assertEquals(Arrays.asList(42), r.results);
    }

    @EachBackend
    void nullBecomesAFutureResolvedWithNull(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        tx.addCallbacks(tx.asFuture(() -> null), r.callback(), r.errback());
        h.runPending();
        assertEquals(Arrays.asList((Object) null), r.results);
    }

    @EachBackend
    void aThrownExceptionBecomesAFailedFuture(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        RuntimeException boom = new RuntimeException("boom");
        TxFuture<Object> f = tx.asFuture(() -> {
            throw boom;
        });
        tx.addCallbacks(f, r.callback(), r.errback());
        h.runPending();
        assertEquals(0, r.results.size());
        assertSame(boom, r.failures.get(0).value());
    }

    @EachBackend
    void aReturnedTxFutureIsReturnedItself(Harness h) {
        TxApi tx = h.api();
        TxFuture<String> inner = tx.createFuture();
        TxFuture<?> f = tx.asFuture(() -> inner);
        assertSame(inner, f);
        Recorder r = new Recorder();
        tx.addCallbacks(f, r.callback(), r.errback());
        h.runPending();
        assertEquals(0, r.results.size());
        tx.resolve(inner, "later");
        h.runPending();
        assertEquals(Arrays.asList("later"), r.results);
    }

    @EachBackend
    void aReturnedNativeFutureIsAdopted(Harness h) {
        TxApi tx = h.api();
        TxFuture<String> made = tx.createFuture();
        Object nativeFuture = made.unwrap(Object.class);
        TxFuture<?> adopted = tx.asFuture(() -> nativeFuture);
        assertSame(nativeFuture, adopted.unwrap(Object.class));
        tx.resolve(made, "x");
        Recorder r = new Recorder();
        tx.addCallbacks(adopted, r.callback(), r.errback());
        h.runPending();
        assertEquals(Arrays.asList("x"), r.results);
    }

    @EachBackend
    void aReturnedCompletionStageIsAdapted(Harness h) {
        TxApi tx = h.api();
        // a stage that is not this backend's native future (a minimal copy for the JDK backend)
        CompletableFuture<String> source = new CompletableFuture<>();
        TxFuture<?> f = tx.asFuture(() -> source.minimalCompletionStage());
        Recorder r = new Recorder();
        tx.addCallbacks(f, r.callback(), r.errback());
        h.runPending();
        assertEquals(0, r.results.size());
        source.complete("staged");
        h.runPending();
        assertEquals(Arrays.asList("staged"), r.results);
    }

    @EachBackend
    void aFailedCompletionStageFailsWithItsCause(Harness h) {
        TxApi tx = h.api();
        IllegalStateException error = new IllegalStateException("bad");
        TxFuture<?> f = tx.asFuture(() -> CompletableFuture.<String>failedFuture(error).thenApply(s -> s));
        Recorder r = new Recorder();
        tx.addCallbacks(f, r.callback(), r.errback());
        h.runPending();
        assertSame(error, r.failures.get(0).value());
    }

    @EachBackend
    void nestedAsFutureGivesTheInnerValue(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        TxFuture<?> f = tx.asFuture(() -> tx.asFuture(() -> 7));
        tx.addCallbacks(f, r.callback(), r.errback());
        h.runPending();
        assertEquals(Arrays.asList(7), r.results);
    }

    @EachBackend
    void isFutureKnowsTxAndNativeFutures(Harness h) {
        TxApi tx = h.api();
        TxFuture<Object> f = tx.createFuture();
        assertTrue(tx.isFuture(f));
        assertTrue(tx.isFuture(f.unwrap(Object.class)));
        assertEquals(false, tx.isFuture("not a future"));
        assertEquals(false, tx.isFuture(null));
    }

    @EachBackend
    void nullFunctionIsRejected(Harness h) {
        assertThrows(IllegalArgumentException.class, () -> h.api().asFuture(null));
    }
}
