package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WrongThreadTest {
    private static final String MESSAGE = "Non-thread-safe operation invoked on an event loop other than the current one";

    private final EventLoop loop = Aio.newEventLoop();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void callSoonFromAnotherThreadThrows() {
        assertTrue(fromAnotherThread(l -> l.callSoon(() -> { })).getMessage().startsWith(MESSAGE));
    }

    @Test
    void callLaterAndCallAtFromAnotherThreadThrow() {
        assertTrue(fromAnotherThread(l -> l.callLater(1, () -> { })).getMessage().startsWith(MESSAGE));
        assertTrue(fromAnotherThread(l -> l.callAt(l.time() + 1, () -> { })).getMessage().startsWith(MESSAGE));
    }

    @Test
    void completingAFutureFromAnotherThreadThrows() {
        Future<String> f = loop.createFuture();
        assertTrue(fromAnotherThread(l -> f.setResult("x")).getMessage().startsWith(MESSAGE));
    }

    @Test
    void theMessageNamesTheThreadSafeAlternative() {
        assertTrue(fromAnotherThread(l -> l.callSoon(() -> { })).getMessage().contains("callSoonThreadsafe()"));
    }

    /** Runs {@code call} on a platform thread while the loop runs in debug mode; returns what it threw. */
    private Throwable fromAnotherThread(Consumer<EventLoop> call) {
        loop.setDebug(true);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        loop.callSoon(() -> Thread.ofPlatform().start(() -> {
            try {
                call.accept(loop);
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
            loop.callSoonThreadsafe(loop::stop);
        }));
        loop.runForever();
        Throwable t = thrown.join();
        assertInstanceOf(IllegalStateException.class, t);
        assertEquals(IllegalStateException.class, t.getClass());
        return t;
    }
}
