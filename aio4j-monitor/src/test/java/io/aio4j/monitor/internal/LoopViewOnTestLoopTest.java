package io.aio4j.monitor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.internal.stats.LoopView;
import io.aio4j.internal.stats.TaskHistory;
import io.aio4j.internal.stats.TerminatedTask;
import io.aio4j.test.TestLoop;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A virtual-time {@link TestLoop} is built on the run loop by composition: the monitor sees it
 * as the loop users hold, on virtual time (so it gets no lag probe), and its tasks carry its id.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopViewOnTestLoopTest {
    private static LoopView viewOf(EventLoop loop) {
        return LoopView.open().stream().filter(v -> v.loop() == loop).findFirst().orElseThrow();
    }

    @Test
    void aTestLoopIsSeenAsItselfOnVirtualTime() {
        TestLoop virtual = new TestLoop();
        EventLoop real = Aio.newEventLoop();
        TaskHistory history = TaskHistory.open(10);
        try {
            LoopView view = viewOf(virtual);
            assertSame(virtual, view.loop());
            assertFalse(view.realTime(), "a TestLoop's clock is virtual");
            assertTrue(viewOf(real).realTime());
            virtual.runUntilComplete(virtual.createTask(() -> {
                Aio.sleep(3600);
                return "slept";
            }, "sleeper"));
            TerminatedTask t = history.last(10).stream().filter(x -> x.name().equals("sleeper")).findFirst().orElseThrow();
            assertEquals(view.id(), t.loopId());
            assertEquals("result", t.outcome());
        } finally {
            TaskHistory.close(history);
            virtual.close();
            real.close();
        }
    }
}
