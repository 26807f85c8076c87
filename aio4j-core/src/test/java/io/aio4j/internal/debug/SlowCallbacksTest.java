package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.testing.LogCapture;
import io.aio4j.EventLoop;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlowCallbacksTest {
    private static final double THRESHOLD = 0.02;

    private final EventLoop loop = Aio.newEventLoop();
    private final LogCapture log = new LogCapture();

    @AfterEach
    void close() {
        log.close();
        loop.close();
    }

    @Test
    void slowCallbackIsReportedWithItsHandleAndWhereTheLoopWasStuck() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(THRESHOLD);
        loop.callSoon(SlowCallbacksTest::hogTheLoop);
        loop.callSoon(loop::stop);
        loop.runForever();

        String warning = log.first(Level.WARNING, "Executing ");
        assertNotNull(warning, () -> log.messages(Level.WARNING).toString());
        assertTrue(warning.matches("(?s)Executing <Handle SlowCallbacksTest.<lambda>\\(\\) created at SlowCallbacksTest.java:\\d+>"
                + " took \\d+\\.\\d{3} seconds\nThe loop was stuck at \\(sampled after \\d+\\.\\d{3} seconds, most recent call last\\):"
                + "\n.*"), warning);
        assertTrue(warning.contains("at io.aio4j.internal.debug.SlowCallbacksTest.hogTheLoop(SlowCallbacksTest.java:"), warning);
    }

    @Test
    void slowTaskStepIsReportedWithTheTaskAndItsStack() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(THRESHOLD);
        loop.runUntilComplete(loop.createTask(() -> {
            Aio.sleep(0);
            hogTheLoop();
            return null;
        }));

        String warning = log.first(Level.WARNING, "Executing <Task");
        assertNotNull(warning, () -> log.messages(Level.WARNING).toString());
        assertTrue(warning.matches("(?s)Executing <Task (pending|finished) name='Task-\\d+' coro=<SlowCallbacksTest.<lambda>\\(\\).*"
                + "created at SlowCallbacksTest.java:\\d+> took \\d+\\.\\d{3} seconds\nThe loop was stuck at .*"), warning);
        assertTrue(warning.contains("SlowCallbacksTest.hogTheLoop(SlowCallbacksTest.java:"), warning);
    }

    @Test
    void aStepThatDoesNotEndIsReportedWhileItIsStuck() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(THRESHOLD);
        // The step ends only once the report of it being stuck was logged: without the report it never ends
        // (until the bound, which fails the test).
        loop.callSoon(() -> {
            long bound = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (warningContaining("is still running") == null && System.nanoTime() < bound) {
                spinABit();
            }
        });
        loop.callSoon(loop::stop);
        loop.runForever();

        String warning = warningContaining("is still running");
        assertNotNull(warning, () -> log.messages(Level.WARNING).toString());
        assertTrue(warning.matches("(?s)Executing <Handle SlowCallbacksTest.<lambda>\\(\\) created at SlowCallbacksTest.java:\\d+>"
                + " is still running after \\d+\\.\\d{3} seconds\nThe loop is stuck at \\(most recent call last\\):\n.*"), warning);
        assertTrue(warning.contains("SlowCallbacksTest.lambda$aStepThatDoesNotEndIsReportedWhileItIsStuck$"), warning);
        assertNotNull(warningContaining(" took "), "the step is reported when it ends, too");
    }

    private String warningContaining(String text) {
        return log.messages(Level.WARNING).stream().filter(m -> m.contains(text)).findFirst().orElse(null);
    }

    private static void spinABit() {
        long end = System.nanoTime() + 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void nothingIsReportedOutsideDebugMode() {
        loop.setDebug(false);
        loop.setSlowCallbackDuration(0);
        loop.callSoon(() -> { });
        loop.callSoon(loop::stop);
        loop.runForever();

        assertNull(log.first(Level.WARNING, "Executing "));
    }

    @Test
    void callbacksUnderTheThresholdAreNotReported() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(60);
        loop.callSoon(() -> { });
        loop.callSoon(loop::stop);
        loop.runForever();

        assertNull(log.first(Level.WARNING, "Executing "));
    }

    /** Busy for at least the threshold, and until the watchdog has sampled it (bounded by the test's timeout). */
    static void hogTheLoop() {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < (long) (THRESHOLD * 1e9) || !Watchdog.INSTANCE.sampledAny()) {
            Thread.onSpinWait();
        }
    }
}
