package io.aio4j.examples.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Seed 002: what PyMOTW's debugging program prints without and with {@code -v}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DebugDemoTest {
    private static final Pattern SLOW_STEP = Pattern.compile("(?s)Executing <Task (?:finished|pending) name='Task-\\d+' "
            + "coro=<DebugDemo\\.<lambda>\\(\\)(?: done> result=null| running at DebugDemo\\.java:\\d+>) "
            + "created at DebugDemo\\.java:\\d+> took (\\d+\\.\\d{3}) seconds.*");
    private final Logger aio4j = Logger.getLogger("aio4j");
    private final Level previous = aio4j.getLevel();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    DebugDemoTest() {
        aio4j.setLevel(Level.ALL);
        aio4j.addHandler(capture);
    }

    @AfterEach
    void restore() {
        aio4j.removeHandler(capture);
        aio4j.setLevel(previous);
    }

    @Test
    void withoutDebuggingNothingIsReported() throws Exception {
        String loop = runDemo(false, false);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(List.of(), warnings().stream().filter(m -> !aboutAnotherLoop(m, loop)).toList(),
                "without debug mode nothing is reported, not even the unclosed loop " + loop);
    }

    @Test
    void withDebuggingTheInnerTaskIsSlowAndTheLoopUnclosed() throws Exception {
        String loop = runDemo(true, false);

        // The inner task's 0.1 s of work is one slow step, reported when it ends: usually its last step
        // ("finished"); when its "inner completed" log had to wait for the handler (the watchdog was
        // writing), the step ended there, with the task still pending, and the rest was a short step.
        // The loop writes its reports without waiting for a log handler a task holds: one may follow the run.
        awaitWarning(DebugDemoTest::isTheInnerTasksSlowStep, "the inner task's slow step");
        awaitUnclosedWarning(loop);
    }

    @Test
    void inCompatibilityModeThreadSleepHogsTheLoop() throws Exception {
        String before = System.getProperty("aio4j.mode");
        System.setProperty("aio4j.mode", "compat");
        String loop;
        try {
            loop = runDemo(true, true);
        } finally {
            if (before == null) {
                System.clearProperty("aio4j.mode");
            } else {
                System.setProperty("aio4j.mode", before);
            }
        }
        awaitWarning(m -> m.contains("coro=<DebugDemo.<lambda>() done> result=null")
                && m.contains("at java.base/java.lang.Thread.sleep("), "the slow step stuck in Thread.sleep");
        // Its report is this test's: made here, it cannot turn up in another test's capture.
        awaitUnclosedWarning(loop);
    }

    /** A slow-step report of a task of the demo that took the inner task's 0.1 s or more. */
    private static boolean isTheInnerTasksSlowStep(String warning) {
        Matcher m = SLOW_STEP.matcher(warning);
        return m.matches() && Double.parseDouble(m.group(1)) >= 0.1;
    }

    /**
     * Runs the demo and returns how reports name its loop ({@code "<SelectorEventLoop#7 "}), keeping
     * no reference to the loop, which must stay collectable.
     */
    private static String runDemo(boolean verbose, boolean blockingSleep) {
        String name = DebugDemo.run(verbose, blockingSleep).toString();
        return name.substring(0, name.indexOf(' ') + 1);
    }

    /** Waits for a warning {@code wanted} accepts, for 10 s at most. */
    private void awaitWarning(Predicate<String> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (warnings().stream().noneMatch(wanted)) {
            assertTrue(System.nanoTime() < deadline, () -> "no warning for " + what + " within 10 s; the warnings: " + warnings());
            Thread.sleep(5);
        }
    }

    /** Collects garbage until the "unclosed event loop" report of {@code loop} comes, for 30 s at most. */
    private void awaitUnclosedWarning(String loop) throws InterruptedException {
        String expected = "unclosed event loop " + loop;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (warnings().stream().noneMatch(m -> m.startsWith(expected))) {
            assertTrue(System.nanoTime() < deadline,
                    () -> "no '" + expected + "…' report within 30 s of collections; the warnings: " + warnings());
            System.gc();
            Thread.sleep(10);
        }
    }

    /** An unclosed-loop report of a loop other than {@code loop} (another test's, collected now). */
    private static boolean aboutAnotherLoop(String warning, String loop) {
        return warning.startsWith("unclosed event loop ") && !warning.startsWith("unclosed event loop " + loop);
    }

    private List<String> warnings() {
        return records.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
    }
}
