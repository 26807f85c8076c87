package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.testing.LogCapture;
import io.aio4j.testing.ManualClockLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class EventLoopTest {
    private final ManualClockLoop loop = new ManualClockLoop();
    private final List<String> calls = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        if (!loop.isRunning()) {
            loop.close();
        }
    }

    private void runFor(double seconds) {
        loop.callLater(seconds, loop::stop);
        loop.runForever();
    }

    @Test
    void loopRunsInTheModeTheTestRunAsked() {
        String expected = System.getProperty("aio4j.expectMode");
        if (expected != null) {
            assertEquals("native".equals(expected), loop.isNativeMode(), "mode of " + loop);
        }
    }

    @Test
    void callSoonRunsCallbacksInFifoOrder() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            loop.callSoon(() -> calls.add("cb" + n));
        }
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(List.of("cb0", "cb1", "cb2", "cb3", "cb4"), calls);
    }

    @Test
    void anIterationRunsOnlyTheCallbacksReadyWhenItStarted() {
        // A callback scheduled during an iteration waits for the next one: stop() lands in between.
        loop.callSoon(() -> {
            calls.add("first");
            loop.callSoon(() -> calls.add("scheduled by first"));
        });
        loop.callSoon(() -> {
            calls.add("second");
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of("first", "second"), calls);
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(List.of("first", "second", "scheduled by first"), calls);
    }

    @Test
    void callLaterZeroRunsAfterCallbacksAlreadyQueued() {
        loop.callLater(0, () -> calls.add("later0"));
        loop.callSoon(() -> calls.add("soon1"));
        loop.callSoon(() -> calls.add("soon2"));
        runFor(0.001);
        assertEquals(List.of("soon1", "soon2", "later0"), calls);
    }

    @Test
    void timersRunByDeadlineThenBySchedulingOrder() {
        loop.callLater(0.3, () -> calls.add("c@0.3"));
        loop.callLater(0.1, () -> calls.add("a@0.1"));
        loop.callLater(0.2, () -> calls.add("b1@0.2"));
        loop.callAt(loop.time() + 0.2, () -> calls.add("b2@0.2"));
        runFor(1);
        assertEquals(List.of("a@0.1", "b1@0.2", "b2@0.2", "c@0.3"), calls);
    }

    @Test
    void timerIsDueWhenItsTimeHasComeNotBefore() {
        double start = loop.time();
        AtomicReference<Double> firedAt = new AtomicReference<>();
        loop.callLater(5, () -> firedAt.set(loop.time()));
        runFor(10);
        // Due when when < time() + resolution: never early by more than float rounding.
        assertTrue(firedAt.get() >= start + 5 - 1e-6, "fired at " + (firedAt.get() - start));
    }

    @Test
    void cancelledHandlesAndTimersDoNotRun() {
        Handle h = loop.callSoon(() -> calls.add("soon"));
        TimerHandle t = loop.callLater(0.1, () -> calls.add("later"));
        h.cancel();
        t.cancel();
        assertTrue(h.isCancelled());
        assertTrue(t.isCancelled());
        runFor(1);
        assertEquals(List.of(), calls);
    }

    @Test
    void cancelledTimersAreCompactedWhenOverHalfOfMoreThanAHundred() {
        List<TimerHandle> handles = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            handles.add(loop.callLater(100 + i, () -> { }));
        }
        // 75 cancelled of 150 is not over half: only those at the head would be purged (none are).
        for (int i = 149; i >= 75; i--) {
            handles.get(i).cancel();
        }
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(150, loop.scheduledTimerCount());
        handles.get(74).cancel();
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(74, loop.scheduledTimerCount());
    }

    @Test
    void cancelledTimersAtTheHeadArePurgedEvenWhenFew() {
        TimerHandle first = loop.callLater(100, () -> { });
        loop.callLater(200, () -> { });
        first.cancel();
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(1, loop.scheduledTimerCount());
    }

    @Test
    void stopBeforeRunForeverRunsOneIteration() {
        loop.callSoon(() -> calls.add("ran"));
        loop.stop();
        loop.runForever();
        assertEquals(List.of("ran"), calls);
        assertFalse(loop.isRunning());
    }

    @Test
    void closingARunningLoopIsRefused() {
        loop.callSoon(() -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, loop::close);
            calls.add(e.getMessage());
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of("Cannot close a running event loop"), calls);
    }

    @Test
    void runningTheLoopInsideItselfOrAnotherLoopIsRefused() {
        SelectorEventLoop other = new SelectorEventLoop();
        try {
            loop.callSoon(() -> {
                calls.add(assertThrows(IllegalStateException.class, loop::runForever).getMessage());
                calls.add(assertThrows(IllegalStateException.class, other::runForever).getMessage());
                loop.stop();
            });
            loop.runForever();
        } finally {
            other.close();
        }
        assertEquals(List.of("This event loop is already running",
                "Cannot run the event loop while another loop is running"), calls);
    }

    @Test
    void runUntilCompleteStoppedEarlyThrows() {
        Future<String> never = loop.createFuture();
        loop.callSoon(loop::stop);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(never));
        assertEquals("Event loop stopped before Future completed.", e.getMessage());
    }

    @Test
    void runUntilCompleteReturnsTheResultAndRethrowsTheSameException() {
        Future<String> ok = loop.createFuture();
        loop.callSoon(() -> ok.setResult("done"));
        assertEquals("done", loop.runUntilComplete(ok));
        Future<String> bad = loop.createFuture();
        Exception checked = new java.io.IOException("disk");
        loop.callSoon(() -> bad.setException(checked));
        Exception thrown = assertThrows(Exception.class, () -> loop.runUntilComplete(bad));
        assertSame(checked, thrown);
    }

    @Test
    void closedLoopRefusesNewCallbacks() {
        loop.close();
        loop.close(); // twice is fine
        assertTrue(loop.isClosed());
        assertEquals("Event loop is closed", assertThrows(IllegalStateException.class, () -> loop.callSoon(() -> { })).getMessage());
        assertEquals("Event loop is closed", assertThrows(IllegalStateException.class, loop::runForever).getMessage());
    }

    @Test
    void aThrowingCallbackGoesToTheExceptionHandlerAndTheLoopGoesOn() {
        List<ExceptionContext> reports = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
        RuntimeException boom = new RuntimeException("boom");
        Handle h = loop.callSoon(() -> {
            throw boom;
        });
        loop.callSoon(() -> calls.add("still running"));
        runFor(0.01);
        assertEquals(List.of("still running"), calls);
        assertEquals(1, reports.size());
        assertSame(boom, reports.get(0).exception());
        assertSame(h, reports.get(0).handle());
        assertTrue(reports.get(0).message().startsWith("Exception in callback <Handle"), reports.get(0).message());
    }

    @Test
    void defaultExceptionHandlerLogsTheContextAtError() {
        try (LogCapture log = new LogCapture()) {
            loop.callSoon(() -> {
                throw new IllegalStateException("boom");
            });
            runFor(0.01);
            var records = log.records().stream().filter(r -> r.getMessage().startsWith("Exception in callback")).toList();
            assertEquals(1, records.size(), log.lines().toString());
            assertEquals(java.util.logging.Level.SEVERE, records.get(0).getLevel());
            assertTrue(records.get(0).getMessage().contains("\nhandle: <Handle "), records.get(0).getMessage());
            assertEquals("boom", records.get(0).getThrown().getMessage());
        }
    }

    @Test
    void aFailingCustomHandlerFallsBackToTheDefaultOne() {
        try (LogCapture log = new LogCapture()) {
            loop.setExceptionHandler((l, ctx) -> {
                throw new IllegalStateException("handler bug");
            });
            loop.callExceptionHandler(ExceptionContext.of("original problem", null));
            assertTrue(log.lines().contains("SEVERE: Unhandled error in exception handler"), log.lines().toString());
            assertTrue(log.lines().contains("SEVERE: original problem"), log.lines().toString());
        }
    }

    @Test
    void callSoonThreadsafeWakesALoopBlockedInSelect() throws Exception {
        SelectorEventLoop real = new SelectorEventLoop();
        try {
            CountDownLatch running = new CountDownLatch(1);
            real.callSoon(running::countDown);
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    running.await();
                    Thread.sleep(20); // let the loop block in select with nothing scheduled
                } catch (InterruptedException e) {
                    return;
                }
                real.callSoonThreadsafe(() -> {
                    calls.add("woken");
                    real.stop();
                });
            });
            real.runForever();
            other.join();
            assertEquals(List.of("woken"), calls);
        } finally {
            real.close();
        }
    }

    @Test
    void debugModeRejectsCallSoonFromAnotherThread() throws Exception {
        loop.setDebug(true);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        loop.callSoon(() -> {
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    loop.callSoon(() -> { });
                } catch (Throwable e) {
                    seen.set(e);
                }
            });
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            loop.stop();
        });
        loop.runForever();
        assertTrue(seen.get() instanceof IllegalStateException, String.valueOf(seen.get()));
        assertTrue(seen.get().getMessage().startsWith(
                "Non-thread-safe operation invoked on an event loop other than the current one"), seen.get().getMessage());
        assertTrue(seen.get().getMessage().contains("callSoonThreadsafe"));
    }

    @Test
    void outsideDebugModeCallSoonFromAnotherThreadIsHandedOverSafely() throws Exception {
        SelectorEventLoop real = new SelectorEventLoop();
        try {
            real.callSoon(() -> Thread.ofPlatform().start(() -> real.callSoon(() -> {
                calls.add("ran on " + (real.inLoopThread() ? "loop" : "other"));
                real.stop();
            })));
            real.runForever();
            assertEquals(List.of("ran on loop"), calls);
        } finally {
            real.close();
        }
    }

    @Test
    void runInExecutorUsesPlatformThreadsNamedAio4jExecutor() {
        String name = Aio.run(() -> Aio.await(Aio.getRunningLoop().runInExecutor(null,
                () -> (Thread.currentThread().isVirtual() ? "virtual " : "platform ") + Thread.currentThread().getName())));
        assertTrue(name.matches("platform aio4j-executor-\\d+"), name);
    }

    @Test
    void runInExecutorRethrowsTheFunctionsException() {
        Exception checked = new java.io.IOException("disk");
        Exception e = assertThrows(Exception.class, () -> Aio.run(() -> Aio.toThread(() -> {
            throw checked;
        })));
        assertSame(checked, e);
    }

    @Test
    void runInExecutorWithAGivenExecutorAndSetDefaultExecutor() throws Exception {
        ExecutorService mine = Executors.newSingleThreadExecutor(r -> new Thread(r, "mine"));
        try {
            String[] names = Aio.run(() -> {
                EventLoop l = Aio.getRunningLoop();
                String direct = Aio.await(l.runInExecutor(mine, () -> Thread.currentThread().getName()));
                l.setDefaultExecutor(mine);
                String viaDefault = Aio.toThread(() -> Thread.currentThread().getName());
                return new String[] {direct, viaDefault};
            });
            assertEquals("mine", names[0]);
            assertEquals("mine", names[1]);
            assertTrue(mine.isShutdown(), "Aio.run shuts the default executor down");
        } finally {
            mine.shutdownNow();
        }
    }

    @Test
    void cancellingARunInExecutorFutureCancelsAJobNotYetStarted() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            boolean[] secondRan = {false};
            Aio.run(() -> {
                EventLoop l = Aio.getRunningLoop();
                Future<Object> blocker = l.runInExecutor(single, () -> release.await(5, TimeUnit.SECONDS));
                Future<Object> queued = l.runInExecutor(single, () -> secondRan[0] = true);
                queued.cancel();
                Aio.sleep(0); // the cancellation reaches the job through a done callback, as in asyncio
                release.countDown();
                Aio.await(blocker);
            });
            single.shutdown();
            assertTrue(single.awaitTermination(5, TimeUnit.SECONDS));
            assertFalse(secondRan[0]);
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void aioRunShutsTheDefaultExecutorDown() {
        Thread[] worker = new Thread[1];
        Aio.run(() -> Aio.toThread(() -> worker[0] = Thread.currentThread()));
        assertNotNull(worker[0]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (worker[0].isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(worker[0].isAlive(), "the executor's thread ended");
    }

    @Test
    void anInterruptedLoopThreadDoesNotSpinAndGetsItsInterruptBackWhenTheLoopStops() {
        SelectorEventLoop real = new SelectorEventLoop();
        try {
            real.callSoon(() -> Thread.currentThread().interrupt());
            real.callLater(0.05, real::stop);
            real.runForever();
            assertTrue(Thread.interrupted(), "the interrupt is handed back to the caller");
            assertTrue(real.iterationCount() < 50, "iterations while waiting 50 ms: " + real.iterationCount());
        } finally {
            Thread.interrupted();
            real.close();
        }
    }

    @Test
    void timeIsMonotonicSeconds() {
        SelectorEventLoop real = new SelectorEventLoop();
        try {
            double a = real.time();
            double b = real.time();
            assertTrue(b >= a);
        } finally {
            real.close();
        }
    }
}
