package io.aio4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aio4j.Aio;
import io.aio4j.Future;
import io.aio4j.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TestLoopTest {

    /** A real 30 s sleep would hit the 5 s real-time limit. */
    @AioTest(timeout = 5)
    void thirtySecondSleepTakesNoRealTime(TestLoop loop) {
        Aio.sleep(30);
        assertEquals(30.0, loop.time(), 1e-6);
    }

    @AioTest(timeout = 5)
    void autojumpGoesToTheNextTimerInOrder(TestLoop loop) {
        List<Double> fired = new ArrayList<>();
        loop.callLater(100, () -> fired.add(loop.time()));
        loop.callLater(7, () -> fired.add(loop.time()));
        Aio.sleep(1000);
        assertEquals(List.of(7.0, 100.0), fired);
        assertEquals(1000.0, loop.time(), 1e-6);
    }

    @Test
    @Timeout(10)
    void clockStartsAtZeroAndMovesOnlyWhenAdvanced() {
        try (TestLoop loop = new TestLoop()) {
            assertEquals(0.0, loop.time());
            loop.advanceTime(1.5);
            assertEquals(1.5, loop.time(), 1e-9);
            loop.advanceTimeTo(4);
            assertEquals(4.0, loop.time(), 1e-9);
            assertThrows(IllegalArgumentException.class, () -> loop.advanceTimeTo(3));
            assertThrows(IllegalArgumentException.class, () -> loop.advanceTime(-1));
            assertThrows(IllegalArgumentException.class, () -> loop.advanceTime(Double.NaN));
        }
    }

    @AioTest(autojump = false)
    void withoutAutojumpTimersWaitForAdvanceTime(TestLoop loop) {
        List<String> fired = new ArrayList<>();
        loop.callLater(10, () -> fired.add("timer"));
        for (int i = 0; i < 5; i++) {
            Aio.sleep(0);
        }
        assertEquals(List.of(), fired);
        loop.advanceTime(9.9);
        Aio.sleep(0);
        assertEquals(List.of(), fired);
        loop.advanceTime(0.1);
        Aio.sleep(0);
        Aio.sleep(0);
        assertEquals(List.of("timer"), fired);
    }

    @Test
    @Timeout(10)
    void withoutAutojumpAnotherThreadCanAdvanceTheClock() throws Exception {
        try (TestLoop loop = new TestLoop()) {
            loop.setAutojump(false);
            CountDownLatch started = new CountDownLatch(1);
            Task<Double> sleeper = loop.createTask(() -> {
                // The timer exists before the other thread may move the clock.
                Future<Void> wakeup = loop.createFuture();
                loop.callLater(60, () -> wakeup.setResult(null));
                started.countDown();
                Aio.await(wakeup);
                return loop.time();
            });
            Thread advancer = Thread.ofPlatform().start(() -> {
                try {
                    started.await(5, TimeUnit.SECONDS);
                    loop.advanceTime(60);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertEquals(60.0, loop.runUntilComplete(sleeper), 1e-6);
            advancer.join();
        }
    }

    @AioTest
    void autojumpWaitsForExecutorJobs(TestLoop loop) {
        // The job finishes after some real time; a timer 1 virtual second away must not fire first.
        Future<String> job = loop.runInExecutor(null, () -> {
            Thread.sleep(50);
            return "job";
        });
        List<String> order = new ArrayList<>();
        job.addDoneCallback(f -> order.add("job"));
        loop.callLater(1, () -> order.add("timer"));
        assertEquals(1, loop.executorJobsInFlight());
        Aio.sleep(2);
        assertEquals(List.of("job", "timer"), order);
        assertEquals(0, loop.executorJobsInFlight());
    }

    @AioTest
    void toThreadCountsAsExecutorWork(TestLoop loop) {
        Task<String> waiter = Aio.createTask(() -> Aio.toThread(() -> {
            Thread.sleep(50);
            return "done";
        }));
        Aio.sleep(0);
        Aio.sleep(0);
        assertEquals(1, loop.executorJobsInFlight());
        assertEquals("done", Aio.await(waiter));
        assertEquals(0.0, loop.time());
    }

    @AioTest
    void autojumpThresholdLetsRealTimeWorkFinishFirst(TestLoop loop) {
        loop.setAutojumpThreshold(0.5);
        var cf = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cf.complete("real");
        });
        List<String> order = new ArrayList<>();
        Task<Void> timer = Aio.createTask(() -> {
            Aio.sleep(1);
            order.add("timer");
        });
        order.add(Aio.await(cf));
        Aio.await(timer);
        assertEquals(List.of("real", "timer"), order);
    }
}
