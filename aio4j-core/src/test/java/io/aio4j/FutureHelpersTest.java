package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.testing.ManualClockLoop;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The helpers every "complete it unless done" and "copy one future into another" goes through. */
@Timeout(20)
class FutureHelpersTest {
    private final ManualClockLoop loop = new ManualClockLoop();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void trySetResultCompletesAPendingFuture() {
        Future<String> f = loop.createFuture();
        assertTrue(f.trySetResult("x"));
        assertEquals("x", f.result());
    }

    @Test
    void trySetResultLeavesADoneFutureAsItWas() {
        Future<String> cancelled = loop.createFuture();
        cancelled.cancel("gone");
        assertFalse(cancelled.trySetResult("late"));
        assertTrue(cancelled.isCancelled());

        Future<String> finished = loop.createFuture();
        finished.setResult("first");
        assertFalse(finished.trySetResult("second"));
        assertEquals("first", finished.result());
    }

    @Test
    void trySetExceptionCompletesOnlyAPendingFuture() {
        RuntimeException error = new RuntimeException("boom");
        Future<String> f = loop.createFuture();
        assertTrue(f.trySetException(error));
        assertSame(error, f.exception());
        assertFalse(f.trySetException(new RuntimeException("again")));
        assertSame(error, f.exception());
    }

    @Test
    void trySetResultOnAPendingTaskStillRefusesAsSetResultDoes() {
        Task<String> task = loop.createTask(() -> "body");
        assertThrows(IllegalStateException.class, () -> task.trySetResult("outside"));
        assertEquals("body", loop.runUntilComplete(task));
    }

    @Test
    void copyStateCopiesResultExceptionAndCancellation() {
        Future<String> ok = loop.createFuture();
        ok.setResult("v");
        Future<String> dest = loop.createFuture();
        Future.copyState(ok, dest);
        assertEquals("v", dest.result());

        RuntimeException error = new RuntimeException("boom");
        Future<String> failed = loop.createFuture();
        failed.setException(error);
        Future<String> dest2 = loop.createFuture();
        Future.copyState(failed, dest2);
        assertSame(error, dest2.exception());

        Future<String> cancelled = loop.createFuture();
        cancelled.cancel();
        Future<String> dest3 = loop.createFuture();
        Future.copyState(cancelled, dest3);
        assertTrue(dest3.isCancelled());
    }

    @Test
    void copyStateLeavesACancelledDestinationAlone() {
        Future<String> source = loop.createFuture();
        source.setResult("v");
        Future<String> dest = loop.createFuture();
        dest.cancel();
        Future.copyState(source, dest);
        assertTrue(dest.isCancelled());
    }

    @Test
    void chainToCompletesTheCompletableFutureAsTheFutureEndsAndCancelsBack() throws Exception {
        // Unlike asyncio's _chain_future (a done callback, so a later iteration), the JDK future is
        // completed the moment the future is done: its readers are other threads, and a loop that
        // stops in the iteration that completed the future must not strand it.
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = new CompletableFuture<>();
        f.chainTo(cf);
        assertFalse(cf.isDone());
        f.setResult("v");
        assertEquals("v", cf.getNow(null), "copied as the future ends, not by a queued callback");

        Future<String> g = loop.createFuture();
        CompletableFuture<String> cg = new CompletableFuture<>();
        g.chainTo(cg);
        cg.cancel(false);
        loop.callSoon(loop::stop);
        loop.runForever();
        assertTrue(g.isCancelled(), "cancelling the CompletableFuture cancels the future on its loop");
    }
}
