package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.internal.loop.ExceptionReport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NeverRetrievedTest {
    private final EventLoop loop = Aio.newEventLoop();
    private final List<ExceptionContext> reports = new CopyOnWriteArrayList<>();

    NeverRetrievedTest() {
        loop.setExceptionHandler((l, c) -> reports.add(c));
    }

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void collectedFutureWithUnretrievedExceptionIsReportedWithItsCreationSiteInDebugMode() throws Exception {
        loop.setDebug(true);
        failedFuture("debug");
        Gc.until(() -> !reports.isEmpty());

        ExceptionContext c = reports.get(0);
        assertTrue(c.message().matches("Future exception was never retrieved\nfuture: <Future finished "
                + "exception=IllegalStateException\\('debug'\\) created at NeverRetrievedTest.java:\\d+>"), c.message());
        assertNull(c.future(), "a cleaner's report carries the description, not the collected future");
        assertEquals("debug", c.exception().getMessage());
        assertNotNull(c.sourceTraceback());
        assertEquals("failedFuture", c.sourceTraceback()[0].getMethodName());
        assertTrue(ExceptionReport.format(c).contains("\nsource_traceback: Object created at (most recent call last):\n  at "));
    }

    @Test
    void reportedOutsideDebugModeWithoutTheCreationSite() throws Exception {
        loop.setDebug(false);
        failedFuture("plain");
        Gc.until(() -> !reports.isEmpty());

        ExceptionContext c = reports.get(0);
        assertEquals("Future exception was never retrieved\nfuture: <Future finished exception=IllegalStateException('plain')>",
                c.message());
        assertNull(c.sourceTraceback());
        assertTrue(!ExceptionReport.format(c).contains("source_traceback"));
    }

    @Test
    void retrievedExceptionIsNotReported() throws Exception {
        retrievedFuture("retrieved");
        failedFuture("sentinel");
        Gc.until(() -> !reports.isEmpty());
        Thread.sleep(50);
        System.gc();
        Thread.sleep(50);

        assertEquals(1, reports.size(), () -> reports.toString());
        assertTrue(reports.get(0).message().contains("'sentinel'"));
    }

    @Test
    void taskExceptionNeverRetrievedIsReportedAsTask() throws Exception {
        loop.setDebug(true);
        loop.runUntilComplete(loop.createTask(() -> {
            spawnFailingChild();
            Aio.sleep(0);
            Aio.sleep(0);
        }));
        Gc.until(() -> !reports.isEmpty());

        String m = reports.get(0).message();
        assertTrue(m.matches("(?s)Task exception was never retrieved\nfuture: <Task finished name='child' "
                + "coro=<NeverRetrievedTest.<lambda>\\(\\) done> exception=IllegalArgumentException\\('child failed'\\) "
                + "created at NeverRetrievedTest.java:\\d+>"), m);
    }

    private void spawnFailingChild() {
        Aio.createTask(() -> {
            throw new IllegalArgumentException("child failed");
        }, "child");
    }

    private void failedFuture(String message) {
        Future<String> f = loop.createFuture();
        f.setException(new IllegalStateException(message));
    }

    private void retrievedFuture(String message) {
        Future<String> f = loop.createFuture();
        f.setException(new IllegalStateException(message));
        assertEquals(message, f.exception().getMessage());
    }
}
