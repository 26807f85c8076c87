package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.testing.LogCapture;
import io.aio4j.AsyncCallable;
import io.aio4j.EventLoop;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NeverAwaitedTest {
    private final EventLoop loop = Aio.newEventLoop();
    private final LogCapture log = new LogCapture();

    @AfterEach
    void close() {
        log.close();
        loop.close();
    }

    @Test
    void coroutineCollectedWithoutBeingAwaitedIsReportedWithWhereItWasCreated() throws Exception {
        loop.setDebug(true);
        loop.runUntilComplete(loop.createTask(() -> {
            makeAndDrop(new Forgotten());
        }));
        Gc.until(() -> log.first(Level.WARNING, "coroutine 'NeverAwaitedTest.Forgotten'") != null);

        String warning = log.first(Level.WARNING, "coroutine 'NeverAwaitedTest.Forgotten'");
        assertTrue(warning.matches("(?s)coroutine 'NeverAwaitedTest.Forgotten' was never awaited\n"
                + "Coroutine created at \\(most recent call last\\)\n.*"
                + "  at io.aio4j.internal.debug.NeverAwaitedTest.makeAndDrop\\(NeverAwaitedTest.java:\\d+\\)"), warning);
    }

    @Test
    void awaitedCoroutinesAndCoroutinesMadeOutsideDebugModeAreNotReported() throws Exception {
        loop.setDebug(false);
        loop.runUntilComplete(loop.createTask(() -> {
            makeAndDrop(new Quiet());
        }));
        loop.setDebug(true);
        loop.runUntilComplete(loop.createTask(() -> {
            Aio.await(Aio.async(new Awaited()));
            Aio.createTask(Aio.async(new Awaited()));
            makeAndDrop(new Forgotten());
        }));
        Gc.until(() -> log.first(Level.WARNING, "coroutine 'NeverAwaitedTest.Forgotten'") != null);
        System.gc();
        Thread.sleep(50);

        List<String> warnings = log.messages(Level.WARNING).stream().filter(m -> m.startsWith("coroutine")).toList();
        assertEquals(1, warnings.size(), warnings::toString);
    }

    private static void makeAndDrop(AsyncCallable<String> body) {
        Aio.async(body);
    }

    static final class Forgotten implements AsyncCallable<String> {
        @Override
        public String call() {
            return "forgotten";
        }
    }

    static final class Quiet implements AsyncCallable<String> {
        @Override
        public String call() {
            return "quiet";
        }
    }

    static final class Awaited implements AsyncCallable<String> {
        @Override
        public String call() {
            return "awaited";
        }
    }
}
