package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class LoopExecutorTest {

    @Test
    void thenApplyAsyncContinuesOnTheLoopThread() throws Exception {
        try (EventLoop loop = Aio.newEventLoop()) {
            Executor onLoop = loop.asExecutor();
            CompletableFuture<Integer> input = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> input.complete(20));
            Future<String> result = loop.createFuture();
            loop.callSoon(() -> {
                Thread loopThread = Thread.currentThread();
                input.thenApplyAsync(n -> {
                    // On the loop: touching loop objects without locks is allowed here.
                    assertEquals(loopThread, Thread.currentThread());
                    return "n=" + (n + 22);
                }, onLoop).whenComplete((v, e) -> result.setResult(e == null ? v : e.toString()));
            });
            assertEquals("n=42", loop.runUntilComplete(result));
        }
    }

    @Test
    void commandsFromAnyThreadRunInOrderOnTheLoop() throws Exception {
        try (EventLoop loop = Aio.newEventLoop()) {
            StringBuilder order = new StringBuilder();
            Thread other = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 5; i++) {
                    int n = i;
                    loop.asExecutor().execute(() -> order.append(n));
                }
                loop.asExecutor().execute(loop::stop);
            });
            other.join(5_000);
            loop.runForever();
            assertEquals("01234", order.toString());
        }
    }

    @Test
    void aClosedLoopRejectsWorkAndTheStageFailsWithIt() {
        EventLoop loop = Aio.newEventLoop();
        Executor onLoop = loop.asExecutor();
        loop.close();
        RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> onLoop.execute(() -> { }));
        assertTrue(e.getMessage().startsWith("Event loop is closed"), e.getMessage());
        CompletableFuture<String> stage = CompletableFuture.completedFuture(1).thenApplyAsync(n -> "never", onLoop);
        CompletionException failure = assertThrows(CompletionException.class, stage::join);
        assertInstanceOf(RejectedExecutionException.class, failure.getCause());
    }

    @Test
    void aNullCommandIsRefused() {
        try (EventLoop loop = Aio.newEventLoop()) {
            assertThrows(NullPointerException.class, () -> loop.asExecutor().execute(null));
        }
    }
}
