package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.testing.LogCapture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How the watchdog times the loop's steps (SlowCallbacks' overview): the loop publishes a step
 * counter and reads no clock; the watchdog's ticks (driven here by hand, not by the watchdog
 * thread: {@code check} with made-up times) bound when a step began, flag a step that may have
 * overrun, and only then does its end read the clock.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlowCallbacksTimingTest {
    private static final double THRESHOLD = 0.1;
    private final LogCapture log = new LogCapture();
    /** Not started: nothing but the test calls check(). */
    private final SlowCallbacks watch = new SlowCallbacks(Thread.currentThread());

    @AfterEach
    void close() {
        log.close();
    }

    private long ms(double n) {
        return (long) (n * 1e6);
    }

    @Test
    void aStepNoTickSawOverrunIsNeitherTimedNorReported() {
        watch.setThreshold(THRESHOLD);
        long step = watch.begin("quick");
        watch.end(step, null, "quick");
        assertTrue(log.messages(Level.WARNING).isEmpty());
    }

    @Test
    void aStepSeenRunningAcrossTheThresholdIsReportedWithItsDuration() throws InterruptedException {
        watch.setThreshold(THRESHOLD);
        long t0 = System.nanoTime();
        watch.check(t0 - ms(1)); // a tick just before the step began
        long step = watch.begin("hog");
        watch.check(t0 + ms(1)); // the first tick that sees it: it began within the last 2 ms
        // The tick that finds it over the threshold flags it; the step's end reads the clock.
        watch.check(t0 + ms(150));
        Thread.sleep(150);
        watch.end(step, null, "<Handle hog>");

        String warning = log.first(Level.WARNING, "Executing <Handle hog> took ");
        assertTrue(warning != null && warning.matches("Executing <Handle hog> took \\d+\\.\\d{3} seconds(?s).*"),
                String.valueOf(log.messages(Level.WARNING)));
        double took = Double.parseDouble(warning.substring("Executing <Handle hog> took ".length()).split(" ")[0]);
        assertTrue(took >= 0.150, "from about when the step began (t0) to its end: " + took);
    }

    @Test
    void aShortStepFirstSeenByALateTickIsNotReported() {
        watch.setThreshold(THRESHOLD);
        long t0 = System.nanoTime();
        watch.check(t0 - ms(1000)); // the previous tick, a second ago (a watchdog the machine kept waiting)
        long step = watch.begin("quick");
        watch.check(t0); // sees the step for the first time: it may have begun any time in that second
        watch.end(step, null, "quick");
        assertTrue(log.messages(Level.WARNING).isEmpty(), () -> log.messages(Level.WARNING).toString());
    }

    @Test
    void stepsBetweenTicksLeaveTheCounterEvenAndUnflagged() {
        watch.setThreshold(THRESHOLD);
        for (int i = 0; i < 3; i++) {
            long step = watch.begin("cb" + i);
            assertEquals(1, step & 1, "odd while a step runs");
            watch.end(step, null, "cb" + i);
        }
        assertFalse(watch.sampled());
        assertTrue(log.messages(Level.WARNING).isEmpty());
    }
}
