package io.aio4j.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.aio4j.Aio;
import io.aio4j.ExceptionContext;
import io.aio4j.Task;
import io.aio4j.internal.debug.PendingTasks;
import io.aio4j.internal.loop.SelectorEventLoop;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TaskHistoryTest {
    private final SelectorEventLoop loop = new SelectorEventLoop();
    private TaskHistory history;

    @AfterEach
    void close() {
        if (history != null) {
            TaskHistory.close(history);
        }
        loop.close();
    }

    private TerminatedTask named(String name) {
        return history.last(Integer.MAX_VALUE).stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void nothingIsRecordedWhileNoMonitorRuns() {
        loop.runUntilComplete(loop.createTask(() -> "before"));
        history = TaskHistory.open(10);
        assertTrue(history.last(10).isEmpty());
        loop.runUntilComplete(Aio.async(() -> {
            Task<String> t = Aio.createTask(() -> "after", "after");
            return Aio.await(t);
        }));
        assertEquals("java.lang.String", named("after").resultType());
        TaskHistory.close(history);
        loop.runUntilComplete(loop.createTask(() -> "closed", "closed"));
        assertNull(named("closed"), "recorded after the monitor closed");
    }

    @Test
    void outcomesAreRecordedWithoutTheirValues() {
        history = TaskHistory.open(10);
        loop.runUntilComplete(loop.createTask(() -> {
            Task<Object> ok = Aio.createTask(() -> List.of("payload"), "ok");
            Task<Object> bad = Aio.createTask(() -> {
                throw new IllegalStateException("boom");
            }, "bad");
            Task<Object> nul = Aio.createTask(() -> null, "null");
            Task<Object> victim = Aio.createTask(() -> {
                Aio.sleep(10);
                return null;
            }, "victim");
            Task<Object> victim2 = Aio.createTask(() -> {
                Aio.sleep(10);
                return null;
            }, "victim2");
            Aio.sleep(0);
            victim.cancel("by the main task");
            loop.callSoon(() -> victim2.cancel("by a callback"));
            Aio.await(Aio.gather(true, ok, bad, nul, victim, victim2));
            return null;
        }, "main"));
        assertEquals("result", named("ok").outcome());
        assertTrue(named("ok").resultType().startsWith("java.util.ImmutableCollections"), named("ok").toString());
        assertEquals("null", named("null").resultType());
        assertEquals("exception", named("bad").outcome());
        assertEquals("java.lang.IllegalStateException", named("bad").exceptionType());
        assertEquals("boom", named("bad").message());
        assertEquals("cancelled", named("victim").outcome());
        assertEquals("by the main task", named("victim").message());
        assertEquals("task 'main'", named("victim").cancelledBy());
        assertEquals("by a callback", named("victim2").message());
        assertTrue(named("victim2").cancelledBy().startsWith("a callback on thread '"), named("victim2").cancelledBy());
        assertTrue(named("ok").createdAtMillis() > 0 && named("ok").createdAtMillis() <= named("ok").endedAtMillis());
        assertEquals(loop.probe().id(), named("ok").loopId());
        assertEquals(1L, history.outcomeCounts().get("exception"));
        assertEquals(2L, history.outcomeCounts().get("cancelled"));
    }

    @Test
    void onlyTheLastNAreKeptNewestFirst() {
        history = TaskHistory.open(2);
        for (String name : List.of("a", "b", "c")) {
            loop.runUntilComplete(loop.createTask(() -> name, name));
        }
        assertEquals(List.of("c", "b"), history.last(10).stream().map(TerminatedTask::name).toList());
    }

    @Test
    void idsAreStableAndTheCancellerIsKnownBeforeTheEnd() {
        history = TaskHistory.open(10);
        Task<Object> t = loop.createTask(() -> {
            Aio.sleep(10);
            return null;
        }, "t");
        long id = history.idOf(t);
        assertEquals(id, history.idOf(t));
        assertTrue(history.createdAtMillis(t) > 0);
        loop.callSoon(() -> TaskHistory.cancellingAs("the test", () -> t.cancel("x")));
        loop.callSoon(() -> assertEquals("the test", history.cancelledBy(t)));
        try {
            loop.runUntilComplete(t);
            fail("not cancelled");
        } catch (io.aio4j.CancelledException expected) {
            // cancelled as asked
        }
        assertEquals("the test", named("t").cancelledBy());
        assertEquals(id, named("t").id());
    }

    @Test
    void aTaskEndedByItsLoopsCloseIsRecordedAsCancelledByTheClose() {
        history = TaskHistory.open(10);
        loop.setExceptionHandler((l, c) -> { });
        loop.runUntilComplete(loop.createTask(() -> {
            Aio.createTask(() -> {
                Aio.sleep(3600);
                return null;
            }, "pending");
            Aio.sleep(0);
            return null;
        }));
        loop.close();
        TerminatedTask t = named("pending");
        assertEquals("cancelled", t.outcome(), String.valueOf(t));
        assertEquals(PendingTasks.ENDED_AT_CLOSE, t.message());
        assertEquals("the loop's close()", t.cancelledBy());
    }

    @Test
    void aRecordedExceptionIsStillReportedAsNeverRetrieved() throws Exception {
        List<ExceptionContext> reports = new CopyOnWriteArrayList<>();
        loop.setExceptionHandler((l, c) -> reports.add(c));
        history = TaskHistory.open(10);
        loop.runUntilComplete(loop.createTask(() -> {
            Aio.createTask(() -> {
                throw new IllegalArgumentException("nobody looks");
            }, "unretrieved");
            Aio.sleep(0);
            Aio.sleep(0);
            return null;
        }));
        assertEquals("exception", named("unretrieved").outcome());
        for (int i = 0; i < 1000 && reports.isEmpty(); i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertTrue(!reports.isEmpty() && reports.get(0).message().startsWith("Task exception was never retrieved"),
                reports.toString());
    }
}
