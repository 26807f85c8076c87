package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.testing.LogCapture;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Task;
import io.aio4j.internal.loop.ExceptionReport;
import io.aio4j.internal.loop.SelectorEventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PendingTasksTest {
    private final List<ExceptionContext> reports = new CopyOnWriteArrayList<>();

    @Test
    void closingALoopReportsEachPendingTaskWithItsCreationSite() {
        EventLoop loop = Aio.newEventLoop();
        loop.setDebug(true);
        List<String> texts = new ArrayList<>();
        // Formatted when reported: close() then ends the task, and its description changes.
        loop.setExceptionHandler((l, c) -> {
            reports.add(c);
            texts.add(ExceptionReport.format(c));
        });
        Task<?> stuck = loop.createTask(() -> Aio.await(Aio.getRunningLoop().createFuture()), "stuck");
        loop.runUntilComplete(loop.createTask(() -> {
            Aio.sleep(0);
            return null;
        }));
        loop.close();

        assertEquals(1, reports.size(), () -> reports.toString());
        ExceptionContext c = reports.get(0);
        assertEquals("Task was destroyed but it is pending!", c.message());
        assertSame(stuck, c.task());
        assertTrue(stuck.isCancelled(), "close() ended it: " + stuck);
        String text = texts.get(0);
        assertTrue(text.matches("(?s)Task was destroyed but it is pending!\ntask: <Task pending name='stuck' "
                + "coro=<PendingTasksTest.<lambda>\\(\\) running at .*created at PendingTasksTest.java:\\d+>"
                + "\nsource_traceback: Object created at \\(most recent call last\\):\n.*"), text);
    }

    @Test
    void closingALoopWithoutPendingTasksReportsNothing() {
        EventLoop loop = Aio.newEventLoop();
        loop.setExceptionHandler((l, c) -> reports.add(c));
        loop.runUntilComplete(loop.createTask(() -> null));
        loop.close();

        assertTrue(reports.isEmpty(), () -> reports.toString());
    }

    @Test
    void aPendingTaskCollectedWithItsUnclosedLoopIsReported() throws Exception {
        try (LogCapture log = new LogCapture()) {
            abandonLoopWithQueuedTask();
            Gc.until(() -> log.first(Level.SEVERE, "Task was destroyed") != null
                    && log.first(Level.WARNING, "unclosed event loop") != null);

            String report = log.first(Level.SEVERE, "Task was destroyed");
            assertTrue(report.matches("Task was destroyed but it is pending!\ntask: <Task pending name='abandoned' "
                    + "coro=<PendingTasksTest.<lambda>\\(\\)> created at PendingTasksTest.java:\\d+>"
                    + "\nsource_traceback: Object created at \\(most recent call last\\):\n(?s).*"), report);
            String warning = log.first(Level.WARNING, "unclosed event loop");
            assertTrue(warning.matches("(?s)unclosed event loop <SelectorEventLoop#\\d+ running=false closed=false debug=true "
                    + "mode=compat>\nObject created at \\(most recent call last\\):\n.*"), warning);
        }
    }

    @Test
    void aTaskThatFinishedIsNotReportedWhenCollected() throws Exception {
        try (LogCapture log = new LogCapture()) {
            String loop = abandonLoopAfterTaskFinished();
            Gc.until(() -> log.first(Level.WARNING, "unclosed event loop " + loop) != null);
            System.gc();
            Thread.sleep(50);

            assertNull(log.first(Level.SEVERE, "Task was destroyed"), () -> log.lines().toString());
        }
    }

    private static String abandonLoopAfterTaskFinished() {
        SelectorEventLoop loop = new SelectorEventLoop(SelectorEventLoop.Mode.COMPAT);
        loop.setDebug(true);
        loop.runUntilComplete(loop.createTask(() -> "done", "finished"));
        return loop.toString();
    }

    /**
     * A compatibility-mode task that never started, in a loop dropped without closing: nothing
     * else holds the task (a native-mode task's virtual thread is started at once and would be
     * held by the JDK's thread container), so both are collected.
     */
    private static void abandonLoopWithQueuedTask() {
        SelectorEventLoop loop = new SelectorEventLoop(SelectorEventLoop.Mode.COMPAT);
        loop.setDebug(true);
        loop.createTask(() -> "never runs", "abandoned");
    }
}
