package io.aio4j.txaio.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxDelayedCall;
import io.aio4j.txaio.TxFuture;
import java.util.ArrayList;
import java.util.List;

/**
 * txaio's test_call_later and the sleep and time helpers.
 */
class CallLaterTest {

    @EachBackend
    void runsOnceTheDelayHasPassed(Harness h) {
        TxApi tx = h.api();
        List<Double> ranAt = new ArrayList<>();
        double start = h.now();
        tx.callLater(0.5, () -> ranAt.add(h.now()));
        h.advance(0.4);
        assertEquals(List.of(), ranAt);
        h.advance(0.2);
        assertEquals(1, ranAt.size());
        assertTrue(ranAt.get(0) >= start + 0.5, "ran early: " + (ranAt.get(0) - start));
    }

    @EachBackend
    void callsRunInDueOrder(Harness h) {
        TxApi tx = h.api();
        List<String> order = new ArrayList<>();
        tx.callLater(0.3, () -> order.add("c"));
        tx.callLater(0.1, () -> order.add("a"));
        tx.callLater(0.2, () -> order.add("b"));
        h.advance(1);
        assertEquals(List.of("a", "b", "c"), order);
    }

    @EachBackend
    void cancelledCallNeverRunsAndCancelIsIdempotent(Harness h) {
        TxApi tx = h.api();
        List<String> ran = new ArrayList<>();
        TxDelayedCall call = tx.callLater(0.1, () -> ran.add("x"));
        call.cancel();
        call.cancel();
        h.advance(1);
        assertEquals(List.of(), ran);
    }

    @EachBackend
    void exceptionGoesToTheExceptionHandler(Harness h) {
        TxApi tx = h.api();
        IllegalStateException boom = new IllegalStateException("timer");
        List<String> after = new ArrayList<>();
        tx.callLater(0.1, () -> {
            throw boom;
        });
        tx.callLater(0.2, () -> after.add("still running"));
        h.advance(1);
        assertEquals(List.of(boom), h.errors());
        assertEquals(List.of("still running"), after);
    }

    @EachBackend
    void badDelaysAreRejected(Harness h) {
        TxApi tx = h.api();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tx.callLater(Double.NaN, () -> { }));
        assertEquals("Invalid delay: NaN (must be finite and >= 0)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tx.callLater(-1, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> tx.callLater(Double.POSITIVE_INFINITY, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> tx.callLater(1, null));
        assertThrows(IllegalArgumentException.class, () -> tx.sleep(-0.5));
    }

    @EachBackend
    void sleepResolvesOnTheConfiguredLoopAfterTheDelay(Harness h) {
        TxApi tx = h.api();
        Recorder r = new Recorder();
        double due = h.now() + 0.25;
        TxFuture<Void> nap = tx.sleep(0.25);
        List<Double> resolvedAt = new ArrayList<>();
        tx.addCallbacks(nap, v -> resolvedAt.add(h.now()), r.errback());
        h.advance(0.2);
        assertEquals(false, tx.isCalled(nap));
        h.advance(0.1);
        assertTrue(tx.isCalled(nap));
        assertEquals(1, resolvedAt.size());
        assertTrue(resolvedAt.get(0) >= due, "resolved early by " + (due - resolvedAt.get(0)));
    }

    @EachBackend
    void cancellingASleepCancelsItsTimer(Harness h) {
        TxApi tx = h.api();
        TxFuture<Void> nap = tx.sleep(10);
        assertEquals(1, h.liveTimers());
        tx.cancel(nap);
        h.runPending();
        assertEquals(0, h.liveTimers());
    }

    @EachBackend
    void timeHelpersGiveWallClockAndMonotonicNanos(Harness h) {
        TxApi tx = h.api();
        long wall = tx.timeNs();
        assertTrue(Math.abs(wall / 1_000_000 - System.currentTimeMillis()) < 5_000, "timeNs is not epoch nanos: " + wall);
        long a = tx.perfCounterNs();
        long b = tx.perfCounterNs();
        assertTrue(b >= a);
    }

    @EachBackend
    void zeroDelayStillRunsOnALaterTurn(Harness h) {
        TxApi tx = h.api();
        List<String> ran = new ArrayList<>();
        tx.callLater(0, () -> ran.add("zero"));
        assertEquals(List.of(), ran);
        h.advance(0);
        assertEquals(List.of("zero"), ran);
    }
}
