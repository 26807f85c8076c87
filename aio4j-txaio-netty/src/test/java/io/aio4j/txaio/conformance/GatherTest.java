package io.aio4j.txaio.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.txaio.IFailedFuture;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxFuture;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * txaio's test_gather, plus the rule for failures without {@code consumeExceptions}.
 */
class GatherTest {

    @EachBackend
    void gathersResultsInListOrder(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        TxFuture<String> first = tx.createFuture();
        TxFuture<String> second = tx.createFuture();
        tx.addCallbacks(tx.gather(List.of(first, second)), r.callback(), r.errback());
        tx.resolve(second, "two");
        h.runPending();
        assertEquals(List.of(), r.results);
        tx.resolve(first, "one");
        h.runPending();
        assertEquals(List.of(List.of("one", "two")), r.results);
    }

    @EachBackend
    void gatherOfNothingIsAnEmptyList(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        tx.addCallbacks(tx.gather(List.of(), false), r.callback(), r.errback());
        h.runPending();
        assertEquals(List.of(List.of()), r.results);
    }

    @EachBackend
    void consumedExceptionsBecomeFailedFutureSlots(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        RuntimeException error = new RuntimeException("slot");
        TxFuture<String> cancelled = tx.createFuture();
        tx.cancel(cancelled);
        List<TxFuture<?>> fs = List.of(tx.createFutureSuccess("ok"), tx.createFutureError(error), cancelled);
        tx.addCallbacks(tx.gather(fs, true), r.callback(), r.errback());
        h.runPending();
        List<?> results = (List<?>) r.results.get(0);
        assertEquals("ok", results.get(0));
        assertSame(error, assertInstanceOf(IFailedFuture.class, results.get(1)).value());
        assertInstanceOf(CancellationException.class, ((IFailedFuture) results.get(2)).value());
    }

    @EachBackend
    void withoutConsumingTheFirstFailureInListOrderWinsOnceAllAreDone(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        RuntimeException firstError = new RuntimeException("first in list");
        RuntimeException secondError = new RuntimeException("failed earlier");
        TxFuture<String> a = tx.createFuture();
        TxFuture<String> b = tx.createFuture();
        TxFuture<String> c = tx.createFuture();
        tx.addCallbacks(tx.gather(List.of(a, b, c), false), r.callback(), r.errback());
        tx.reject(b, secondError);
        h.runPending();
        tx.reject(a, firstError);
        h.runPending();
        assertEquals(List.of(), r.failures, "must wait for every future");
        tx.resolve(c, "late");
        h.runPending();
        assertSame(firstError, r.failures.get(0).value());
        assertEquals(List.of(), r.results);
    }

    @EachBackend
    void theFailureObjectOfAChildIsPassedOn(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        IFailedFuture failure = tx.createFailure(new RuntimeException());
        tx.addCallbacks(tx.gather(List.of(tx.createFutureError(failure)), false), null, r.errback());
        h.runPending();
        assertSame(failure, r.failures.get(0));
    }

    @EachBackend
    void cancellingTheGatherCancelsPendingChildren(Harness h) {
        TxApi tx = h.api();
        TxFuture<String> done = tx.createFutureSuccess("done");
        TxFuture<String> pending = tx.createFuture();
        TxFuture<List<Object>> all = tx.gather(List.of(done, pending));
        tx.cancel(all);
        h.runPending();
        assertTrue(tx.isCalled(pending));
        Recorder r = new Recorder();
        tx.addCallbacks(pending, r.callback(), r.errback());
        h.runPending();
        assertInstanceOf(CancellationException.class, r.failures.get(0).value());
    }
}
