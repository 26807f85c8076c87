package io.aio4j.test.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.ExceptionContext;
import io.aio4j.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RunShutdownTest {

    @Test
    @Timeout(10)
    void leftoverTasksAreCancelledAndTheirErrorsReported() {
        List<ExceptionContext> reports = new ArrayList<>();
        List<Task<?>> leftovers = new ArrayList<>();
        Aio.run(() -> {
            Aio.getRunningLoop().setExceptionHandler((loop, c) -> reports.add(c));
            leftovers.add(Aio.createTask(() -> {
                Aio.sleep(3600);
            }));
            leftovers.add(Aio.createTask(() -> {
                try {
                    Aio.sleep(3600);
                } catch (CancelledException e) {
                    throw new IllegalStateException("cleanup failed");
                }
            }));
            Aio.sleep(0);
        });
        assertTrue(leftovers.get(0).isCancelled());
        assertEquals(1, reports.size());
        assertEquals("unhandled exception during Aio.run() shutdown", reports.get(0).message());
        assertEquals("cleanup failed", reports.get(0).exception().getMessage());
        assertEquals(leftovers.get(1), reports.get(0).task());
    }
}
