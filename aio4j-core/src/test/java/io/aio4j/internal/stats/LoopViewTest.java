package io.aio4j.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.sync.Event;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The read-only view, read from another thread while the loop runs or is stuck. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopViewTest {
    private volatile boolean released;

    Object spinUntilReleased() {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!released && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return null;
    }

    private static LoopView viewOf(SelectorEventLoop loop) {
        return LoopView.open().stream().filter(v -> v.loop() == loop).findFirst().orElseThrow();
    }

    @Test
    void aStuckLoopShowsTheStackOfTheTaskHoldingIt() throws Exception {
        SelectorEventLoop loop = new SelectorEventLoop();
        Thread t = Thread.ofPlatform().daemon().name("view-test-loop").start(loop::runForever);
        TaskHistory history = TaskHistory.open(0);
        try {
            loop.callSoonThreadsafe(() -> loop.createTask(this::spinUntilReleased, "spinner"));
            LoopView view = viewOf(loop);
            LoopView.Stuck stuck = null;
            // Until the spinner holds the loop: before it, stuck() can catch the callback that creates it
            // (linking its method reference takes long enough on a loaded machine).
            for (int i = 0; i < 500 && (stuck == null || !stuck.frames().toString().contains("spinUntilReleased"));
                    i++) {
                stuck = view.stuck();
                Thread.sleep(10);
            }
            assertTrue(stuck != null && stuck.frames().toString().contains("spinUntilReleased"), String.valueOf(stuck));
            assertEquals("spinner", stuck.task());
            assertEquals("view-test-loop", view.threadName());
            assertTrue(view.stats().sample().inSteps());
            Task<?> spinner = view.tasks().get(0);
            assertEquals("running", view.describe(spinner, view.tasks(), history, false).state());
        } finally {
            released = true;
            TaskHistory.close(history);
            loop.callSoonThreadsafe(loop::stop);
            t.join(10_000);
            loop.close();
        }
    }

    @Test
    void describeSaysWhatATaskAwaitsAndWhoAwaitsIt() {
        SelectorEventLoop loop = new SelectorEventLoop();
        TaskHistory history = TaskHistory.open(0);
        try {
            loop.runUntilComplete(loop.createTask(() -> {
                Event never = new Event();
                Task<Object> child = Aio.createTask(() -> {
                    never.await();
                    return null;
                }, "child");
                Task<Object> parent = Aio.createTask(() -> Aio.await(child), "parent");
                Aio.sleep(0);
                Aio.sleep(0);
                LoopView view = viewOf(loop);
                List<Task<?>> all = view.tasks();
                TaskInfo p = view.describe(parent, all, history, true);
                TaskInfo c = view.describe(child, all, history, true);
                assertEquals("awaiting", p.state());
                assertEquals("task 'child'", p.awaits());
                assertEquals(c.id(), p.awaitsTask());
                assertEquals(List.of(p.id()), c.awaitedBy());
                assertTrue(c.stack().toString().contains("LoopViewTest"), c.stack().toString());
                assertEquals("LoopViewTest.<lambda>", c.coroutine());
                parent.cancel();
                child.cancel();
                return null;
            }));
        } finally {
            TaskHistory.close(history);
            loop.close();
        }
    }
}
