package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Task;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TaskDumpTest {
    private final EventLoop loop = Aio.newEventLoop();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void dumpShowsEachTaskWithItsStackWhatItAwaitsAndWhoAwaitsIt() {
        AtomicReference<String> dump = new AtomicReference<>();
        AtomicReference<String> all = new AtomicReference<>();
        loop.runUntilComplete(loop.createTask(() -> {
            Future<String> gate = Aio.getRunningLoop().createFuture();
            Task<String> inner = Aio.createTask(() -> waitAtTheGate(gate), "inner");
            Task<String> outer = Aio.createTask(() -> Aio.await(inner), "outer");
            Aio.sleep(0);
            Aio.sleep(0);
            dump.set(Aio.getRunningLoop().dumpTasks());
            all.set(Aio.dumpTasks());
            gate.setResult("open");
            return Aio.await(outer);
        }, "main"));

        String d = dump.get();
        assertTrue(d.startsWith("Tasks of <SelectorEventLoop#"), d);
        assertTrue(d.contains(": 3 pending\n"), d);
        assertTrue(d.contains("* inner (suspended)\n    task: <Task pending name='inner'"), d);
        assertTrue(d.contains("    stack (most recent call first):\n      at io.aio4j.internal.debug.TaskDumpTest.waitAtTheGate("), d);
        assertTrue(d.contains("    awaits: <Future pending cb=[inner.wakeup()]>\n    awaited by: outer\n"), d);
        assertTrue(d.contains("* outer (suspended)"), d);
        assertTrue(d.contains("    awaits: inner\n"), d);
        assertTrue(d.contains("* main (running, ready or in a JDK blocking call)"), d);
        String header = d.substring(0, d.indexOf('\n'));
        assertTrue(all.get().contains(header + "\n"), all.get());
    }

    private static String waitAtTheGate(Future<String> gate) {
        return Aio.await(gate);
    }
}
