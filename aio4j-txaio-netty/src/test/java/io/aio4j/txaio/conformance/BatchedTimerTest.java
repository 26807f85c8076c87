package io.aio4j.txaio.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.txaio.IBatchedTimer;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxDelayedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * txaio's test_batched_timers, plus aio4j's rules: never early, one real timer per bucket,
 * idempotent cancel, errors to the exception handler, a million calls held cheaply.
 */
class BatchedTimerTest {

    @EachBackend
    void callRunsWithinOneBucketAfterItsDelay(Harness h) {
        IBatchedTimer timer = h.api().makeBatchedTimer(1.0, 100);
        List<Double> ranAt = new ArrayList<>();
        double due = h.now() + 2;
        timer.callLater(2, () -> ranAt.add(h.now()));
        h.advance(1.9);
        assertEquals(List.of(), ranAt);
        h.advance(1.2);
        assertEquals(1, ranAt.size());
        assertTrue(ranAt.get(0) >= due, "ran early by " + (due - ranAt.get(0)));
        assertTrue(ranAt.get(0) <= due + 1.0, "ran at " + (ranAt.get(0) - due) + " s after due");
    }

    @EachBackend
    void callsNeverRunEarly(Harness h) {
        IBatchedTimer timer = h.api().makeBatchedTimer(0.1, 3);
        Random random = new Random(42);
        List<String> problems = new ArrayList<>();
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 200; i++) {
            double delay = random.nextInt(2_000_000) / 1e6;
            double due = h.now() + delay;
            timer.callLater(delay, () -> {
                ran.incrementAndGet();
                if (h.now() < due) problems.add("early by " + (due - h.now()));
                if (h.now() > due + 0.2 + 1e-9) problems.add("late by " + (h.now() - due));
            });
            h.advance(random.nextInt(3) / 1000.0);
        }
        h.advance(3);
        assertEquals(200, ran.get());
        assertEquals(List.of(), problems);
    }

    @EachBackend
    void oneRealTimerPerBucket(Harness h) {
        IBatchedTimer timer = h.api().makeBatchedTimer(5, 1000);
        h.advance(5 - (h.now() % 5) + 0.01);
        for (int i = 0; i < 1000; i++) timer.callLater(0.5 + i * 0.0001, () -> { });
        assertEquals(1, h.liveTimers());
        timer.callLater(7, () -> { });
        timer.callLater(12, () -> { });
        assertEquals(3, h.liveTimers());
        h.advance(16);
        assertEquals(0, h.liveTimers());
    }

    @EachBackend
    void cancelledCallsDoNotRunAndCancelIsIdempotent(Harness h) {
        IBatchedTimer timer = h.api().makeBatchedTimer(0.1, 10);
        List<Integer> ran = new ArrayList<>();
        List<TxDelayedCall> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            calls.add(timer.callLater(0.05, () -> ran.add(n)));
        }
        calls.get(1).cancel();
        calls.get(1).cancel();
        calls.get(3).cancel();
        h.advance(1);
        assertEquals(List.of(0, 2, 4), ran);
        calls.get(0).cancel();
        assertEquals(List.of(0, 2, 4), ran);
    }

    @EachBackend
    void cancelWorksUntilTheCallRunsEvenInsideItsBucket(Harness h) {
        IBatchedTimer timer = h.api().makeBatchedTimer(0.1, 1);
        List<String> ran = new ArrayList<>();
        TxDelayedCall[] second = new TxDelayedCall[1];
        timer.callLater(0.01, () -> {
            ran.add("first");
            second[0].cancel();
        });
        second[0] = timer.callLater(0.01, () -> ran.add("second"));
        h.advance(1);
        assertEquals(List.of("first"), ran);
    }

    @EachBackend
    void cancellingEveryCallOfABucketCancelsItsRealTimer(Harness h) {
        IBatchedTimer timer = h.api().makeBatchedTimer(100, 10);
        TxDelayedCall a = timer.callLater(1, () -> { });
        TxDelayedCall b = timer.callLater(1, () -> { });
        assertEquals(1, h.liveTimers());
        a.cancel();
        assertEquals(1, h.liveTimers());
        b.cancel();
        assertEquals(0, h.liveTimers());
    }

    @EachBackend
    void bucketRunsInChunksSpreadOverTheNextBucketInterval(Harness h) {
        IBatchedTimer timer = h.api().makeBatchedTimer(1.0, 10);
        AtomicInteger ran = new AtomicInteger();
        h.advance(1.0 - (h.now() % 1.0) + 0.001);
        for (int i = 0; i < 40; i++) timer.callLater(0.5, ran::incrementAndGet);
        h.advance(0.999);
        assertEquals(10, ran.get(), "the first chunk runs when the bucket fires");
        h.advance(0.25);
        assertEquals(20, ran.get(), "the next one a quarter of the bucket later");
        h.advance(0.5);
        assertEquals(40, ran.get());
    }

    @EachBackend
    void callExceptionsGoToTheExceptionHandlerAndOthersStillRun(Harness h) {
        IBatchedTimer timer = h.api().makeBatchedTimer(0.1, 2);
        List<Integer> ran = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("batched");
        for (int i = 0; i < 5; i++) {
            int n = i;
            timer.callLater(0.05, () -> {
                if (n == 1) throw boom;
                ran.add(n);
            });
        }
        h.advance(1);
        assertEquals(List.of(0, 2, 3, 4), ran);
        assertEquals(List.of(boom), h.errors());
    }

    @EachBackend
    void badArgumentsAreRejected(Harness h) {
        TxApi tx = h.api();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tx.makeBatchedTimer(0, 10));
        assertEquals("bucketSeconds must be > 0 and finite: 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tx.makeBatchedTimer(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> tx.makeBatchedTimer(Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> tx.makeBatchedTimer(0.2, 0));
        IBatchedTimer timer = tx.makeBatchedTimer(0.2, 10);
        assertThrows(IllegalArgumentException.class, () -> timer.callLater(-1, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> timer.callLater(1, null));
    }

    @EachBackend
    void holdsAMillionOutstandingCallsOnFewRealTimers(Harness h) {
        IBatchedTimer timer = h.api().makeBatchedTimer(0.2, 1000);
        AtomicInteger ran = new AtomicInteger();
        Runnable count = ran::incrementAndGet;
        for (int i = 0; i < 1_000_000; i++) timer.callLater((i % 10_000) / 1000.0, count);
        assertTrue(h.liveTimers() <= 51, "real timers: " + h.liveTimers());
        h.advance(11);
        assertEquals(1_000_000, ran.get());
        assertEquals(0, h.liveTimers());
    }
}
