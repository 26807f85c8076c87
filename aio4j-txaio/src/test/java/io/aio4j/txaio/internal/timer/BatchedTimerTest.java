package io.aio4j.txaio.internal.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.txaio.TxDelayedCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quantisation rules, checked on the real timer delays the batched timer asks for.
 */
class BatchedTimerTest {
    private final FakeDriver driver = new FakeDriver();

    @Test
    void bucketEndIsTheDueTimeRoundedUpNotDown() {
        BatchedTimer timer = new BatchedTimer(driver, 0.1, 10);
        timer.callLater(0.15, () -> { });
        // txaio would round 150 ms down to the 100 ms bucket and fire 50 ms early
        assertEquals(200_000_000L, driver.scheduled.get(0).delayNanos());
    }

    @Test
    void subMillisecondDueTimesRoundUpToTheNextMillisecond() {
        BatchedTimer timer = new BatchedTimer(driver, 0.001, 10);
        driver.now = 400_000; // 0.4 ms
        timer.callLater(0.0021, () -> { }); // due at 2.5 ms -> 3 ms
        assertEquals(3_000_000L - 400_000L, driver.scheduled.get(0).delayNanos());
    }

    @Test
    void callsInOneBucketShareOneRealTimer() {
        BatchedTimer timer = new BatchedTimer(driver, 1.0, 10);
        timer.callLater(0.2, () -> { });
        timer.callLater(0.9, () -> { });
        timer.callLater(1.0, () -> { });
        timer.callLater(1.001, () -> { });
        assertEquals(2, driver.scheduled.size());
        assertEquals(2, timer.pendingBuckets());
    }

    @Test
    void firingRunsTheFirstChunkAndSpacesTheRestOverTheBucket() {
        BatchedTimer timer = new BatchedTimer(driver, 0.3, 2);
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            timer.callLater(0.1, () -> ran.add(n));
        }
        driver.scheduled.get(0).task().run();
        assertEquals(List.of(0, 1), ran);
        assertEquals(0, timer.pendingBuckets());
        FakeDriver.Scheduled next = driver.scheduled.get(1);
        assertEquals(100_000_000L, next.delayNanos(), "3 chunks spread over 300 ms");
        next.task().run();
        driver.scheduled.get(2).task().run();
        assertEquals(List.of(0, 1, 2, 3, 4), ran);
        assertEquals(3, driver.scheduled.size());
    }

    @Test
    void cancellingTheLastCallOfABucketCancelsTheRealTimer() {
        BatchedTimer timer = new BatchedTimer(driver, 0.1, 10);
        TxDelayedCall call = timer.callLater(0.05, () -> { });
        call.cancel();
        call.cancel();
        assertTrue(driver.scheduled.get(0).cancelled()[0]);
        assertEquals(0, timer.pendingBuckets());
        timer.callLater(0.05, () -> { });
        assertEquals(2, driver.scheduled.size(), "a new call after that gets a new real timer");
    }

    @Test
    void bucketsShorterThanAMillisecondBecomeOneMillisecond() {
        BatchedTimer timer = new BatchedTimer(driver, 0.0001, 10);
        timer.callLater(0, () -> { });
        assertTrue(timer.toString().contains("bucket=1ms"), timer.toString());
    }
}
