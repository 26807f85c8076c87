package io.aio4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Future;
import io.aio4j.Task;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link TestLoop#runCurrent()}, {@link TestLoop#advanceUntilIdle()} and {@link TestLoop#clock()}. */
@Timeout(60)
class VirtualTimeControlTest {

    @AioTest(autojump = false)
    void runCurrentRunsWhatIsReadyNowAndWhatThatMakesReadyWithoutMovingTheClock(TestLoop loop) {
        List<String> order = new ArrayList<>();
        loop.callSoon(() -> {
            order.add("callback");
            loop.callSoon(() -> order.add("callback's callback"));
        });
        loop.callLater(0, () -> order.add("timer due now"));
        loop.callLater(1, () -> order.add("timer in 1 s"));
        Task<Void> task = Aio.createTask(() -> {
            order.add("task starts");
            Aio.sleep(0);
            order.add("task after a yield");
        });
        loop.runCurrent();
        assertEquals(List.of("callback", "task starts", "timer due now", "callback's callback", "task after a yield"), order);
        assertTrue(task.isDone());
        assertEquals(0.0, loop.time());
        loop.advanceTime(1);
        loop.runCurrent();
        assertEquals("timer in 1 s", order.get(order.size() - 1));
    }

    @AioTest(autojump = false)
    void advanceUntilIdleRunsTimersInOrderMovingTheClockEvenWithoutAutojump(TestLoop loop) {
        List<Double> fired = new ArrayList<>();
        Task<Integer> task = Aio.createTask(() -> {
            Aio.sleep(30);
            fired.add(loop.time());
            Aio.sleep(30);
            return 42;
        });
        loop.callLater(45, () -> fired.add(loop.time()));
        loop.advanceUntilIdle();
        assertEquals(List.of(30.0, 45.0), fired);
        assertEquals(42, task.result());
        assertEquals(60.0, loop.time(), 1e-9);
    }

    @AioTest
    void advanceUntilIdleStopsAtTasksThatOnlyOthersCanWake(TestLoop loop) {
        Future<String> never = loop.createFuture();
        Task<String> blocked = Aio.createTask(() -> Aio.await(never));
        loop.advanceUntilIdle();
        assertFalse(blocked.isDone());
        assertEquals(0.0, loop.time());
        never.setResult("now");
        loop.runCurrent();
        assertEquals("now", blocked.result());
    }

    @AioTest
    void advanceUntilIdleDoesNotWaitForBackgroundTimers(TestLoop loop) {
        int[] beats = {0};
        loop.backgroundScope().createTask(() -> {
            while (true) {
                Aio.sleep(1);
                beats[0]++;
            }
        });
        Task<Void> work = Aio.createTask(() -> {
            Aio.sleep(5.5);
        });
        loop.advanceUntilIdle();
        assertTrue(work.isDone());
        assertEquals(5.5, loop.time(), 1e-9);
        assertEquals(5, beats[0]);
    }

    @AioTest
    void advanceUntilIdleWaitsForExecutorJobs(TestLoop loop) {
        Task<String> task = Aio.createTask(() -> Aio.toThread(() -> {
            Thread.sleep(50);
            return "done";
        }));
        loop.advanceUntilIdle();
        assertEquals("done", task.result());
    }

    @Test
    void outsideTheLoopTheyRunTheLoopThemselves() {
        try (TestLoop loop = new TestLoop()) {
            loop.setAutojump(false);
            List<String> order = new ArrayList<>();
            loop.callSoon(() -> order.add("now"));
            loop.callLater(10, () -> order.add("later"));
            loop.runCurrent();
            assertEquals(List.of("now"), order);
            assertEquals(0.0, loop.time());
            loop.advanceUntilIdle();
            assertEquals(List.of("now", "later"), order);
            assertEquals(10.0, loop.time(), 1e-9);
        }
    }

    @Test
    void aTaskOfAnotherLoopCannotDriveThisOne() {
        try (TestLoop loop = new TestLoop(); TestLoop other = new TestLoop()) {
            IllegalStateException e = other.runUntilComplete(other.createTask(
                    () -> assertThrows(IllegalStateException.class, loop::runCurrent)));
            assertTrue(e.getMessage().startsWith("runCurrent() must be called in a task of <TestLoop"), e.getMessage());
        }
    }

    @AioTest
    void clockIsVirtualTimeAsInstants(TestLoop loop) {
        InstantSource clock = loop.clock();
        assertEquals(Instant.EPOCH, clock.instant());
        Aio.sleep(Duration.ofMinutes(90));
        assertEquals(Instant.EPOCH.plus(Duration.ofMinutes(90)), clock.instant());
        assertEquals(90 * 60_000L, clock.millis());
        Instant origin = Instant.parse("2026-01-01T00:00:00Z");
        Clock utc = loop.clock(origin).withZone(ZoneOffset.UTC);
        assertEquals(origin.plusSeconds(5400), utc.instant());
        assertEquals(origin.plusSeconds(5400), Instant.now(utc));
    }
}
