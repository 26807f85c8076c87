package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.testing.Bounded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code close()} with tasks still pending: asyncio runs their {@code finally} blocks when they
 * are destroyed; aio4j ends their threads at close, and says so in the pending-task report.
 */
@Timeout(60)
class CloseWithPendingTasksTest {
    @Test
    void closeEndsPendingTasksRunsTheirFinallyBlocksAndLeaksNoThread() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<ExceptionContext> reports = new ArrayList<>();
        AtomicReference<Thread> thread = new AtomicReference<>();
        Bounded.run(Duration.ofSeconds(20), () -> {
            EventLoop loop = Aio.newEventLoop();
            loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
            Task<Void> pending = loop.createTask(() -> {
                thread.set(Thread.currentThread());
                try {
                    Aio.sleep(3600);
                } catch (CancelledException e) {
                    events.add("cancelled: " + e.getMessage());
                    throw e;
                } finally {
                    events.add("finally");
                }
                return null;
            });
            loop.runUntilComplete(loop.createTask(() -> {
                Aio.sleep(0.01);
                return null;
            }));
            loop.close();
            assertTrue(thread.get().join(Duration.ofSeconds(10)), "the pending task's thread is still alive");
            assertTrue(pending.isDone(), pending.toString());
        });
        String ended = "the event loop was closed while the task was pending: its thread was ended with this exception";
        assertEquals(List.of("cancelled: " + ended, "finally"), events);
        assertEquals(1, reports.size(), reports.toString());
        assertEquals("Task was destroyed but it is pending!", reports.get(0).message());
        assertTrue(reports.get(0).exception() instanceof CancelledException, String.valueOf(reports.get(0).exception()));
        assertEquals(ended, reports.get(0).exception().getMessage());
    }

    @Test
    void aTaskNeverStartedIsReportedAndHasNoThreadToEnd() throws Exception {
        List<String> reports = new ArrayList<>();
        Bounded.run(Duration.ofSeconds(20), () -> {
            EventLoop loop = Aio.newEventLoop();
            loop.setExceptionHandler((l, ctx) -> reports.add(ctx.message()));
            Task<String> never = loop.createTask(() -> "never ran");
            loop.close();
            assertTrue(never.isDone());
        });
        assertEquals(1, reports.size(), reports.toString());
    }
}
