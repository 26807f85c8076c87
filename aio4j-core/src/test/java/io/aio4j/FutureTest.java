package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.testing.ManualClockLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class FutureTest {
    private final ManualClockLoop loop = new ManualClockLoop();
    private final List<String> calls = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private void runOnce() {
        loop.callSoon(loop::stop);
        loop.runForever();
    }

    @Test
    void aNewFutureIsPendingAndSaysSo() {
        Future<String> f = loop.createFuture();
        assertFalse(f.isDone());
        assertFalse(f.isCancelled());
        assertEquals("Result is not set.", assertThrows(InvalidStateException.class, f::result).getMessage());
        assertEquals("Exception is not set.", assertThrows(InvalidStateException.class, f::exception).getMessage());
        assertEquals("<Future pending>", f.toString());
        assertSame(loop, f.loop());
    }

    @Test
    void setResultFinishesTheFutureOnce() {
        Future<Integer> f = loop.createFuture();
        f.setResult(42);
        assertTrue(f.isDone());
        assertEquals(42, f.result());
        assertNull(f.exception());
        assertEquals("<Future finished result=42>", f.toString());
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> f.setResult(43));
        assertEquals("FINISHED: <Future finished result=42>", e.getMessage());
        assertThrows(InvalidStateException.class, () -> f.setException(new RuntimeException()));
        assertFalse(f.cancel());
    }

    @Test
    void setExceptionMakesResultRethrowTheSameInstanceCheckedOrNot() {
        Future<String> f = loop.createFuture();
        IOException error = new IOException("disk");
        f.setException(error);
        assertSame(error, f.exception());
        Exception thrown = assertThrows(Exception.class, f::result);
        assertSame(error, thrown);
        assertEquals("<Future finished exception=IOException('disk')>", f.toString());
    }

    @Test
    void cancelKeepsTheMessageAndForbidsCompletion() {
        Future<String> f = loop.createFuture();
        assertTrue(f.cancel("stop it"));
        assertTrue(f.isCancelled());
        assertTrue(f.isDone());
        assertFalse(f.cancel(), "cancel of a done future returns false");
        assertEquals("stop it", assertThrows(CancelledException.class, f::result).getMessage());
        assertEquals("stop it", assertThrows(CancelledException.class, f::exception).getMessage());
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> f.setResult("x"));
        assertEquals("CANCELLED: <Future cancelled>", e.getMessage());
        assertThrows(InvalidStateException.class, () -> f.setException(new RuntimeException()));
    }

    @Test
    void cancelWithoutMessageGivesANullMessage() {
        Future<String> f = loop.createFuture();
        f.cancel();
        assertNull(assertThrows(CancelledException.class, f::result).getMessage());
    }

    @Test
    void doneCallbacksRunInRegistrationOrderOnALaterIteration() {
        Future<String> f = loop.createFuture();
        f.addDoneCallback(x -> calls.add("a:" + x.result()));
        f.addDoneCallback(x -> calls.add("b:" + x.result()));
        f.addDoneCallback(x -> calls.add("c:" + x.result()));
        f.setResult("r");
        assertEquals(List.of(), calls, "never inline");
        runOnce();
        assertEquals(List.of("a:r", "b:r", "c:r"), calls);
    }

    @Test
    void aCallbackAddedToADoneFutureIsScheduledNotRunInline() {
        Future<String> f = loop.createFuture();
        f.setResult("r");
        f.addDoneCallback(x -> calls.add("late"));
        assertEquals(List.of(), calls);
        runOnce();
        assertEquals(List.of("late"), calls);
    }

    @Test
    void cancelSchedulesTheCallbacks() {
        Future<String> f = loop.createFuture();
        f.addDoneCallback(x -> calls.add("cancelled=" + x.isCancelled()));
        f.cancel();
        runOnce();
        assertEquals(List.of("cancelled=true"), calls);
    }

    @Test
    void removeDoneCallbackRemovesEveryRegistrationAndCountsThem() {
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> a = x -> calls.add("a");
        Consumer<Future<String>> b = x -> calls.add("b");
        f.addDoneCallback(a);
        f.addDoneCallback(b);
        f.addDoneCallback(a);
        f.addDoneCallback(a);
        assertEquals(3, f.removeDoneCallback(a));
        assertEquals(0, f.removeDoneCallback(a));
        f.setResult("r");
        runOnce();
        assertEquals(List.of("b"), calls);
        assertEquals(0, f.removeDoneCallback(b));
    }

    @Test
    void reprShowsCallbacksAndShortensBigResults() {
        Future<String> f = loop.createFuture();
        f.addDoneCallback(x -> { });
        assertTrue(f.toString().matches("<Future pending cb=\\[FutureTest\\.<lambda>\\(\\)\\]>"), f.toString());
        f.setResult("x".repeat(500));
        assertTrue(f.toString().length() < 100, f.toString());
    }

    @Test
    void toCompletableFutureCompletesWithTheResult() throws Exception {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        assertFalse(cf.isDone());
        f.setResult("r");
        runOnce();
        assertEquals("r", cf.get(1, TimeUnit.SECONDS));
        assertEquals("r", f.toCompletableFuture().getNow(null), "done futures convert at once");
    }

    @Test
    void toCompletableFutureCarriesTheExceptionAndCancellation() {
        Future<String> failed = loop.createFuture();
        CompletableFuture<String> cf1 = failed.toCompletableFuture();
        IOException error = new IOException("x");
        failed.setException(error);
        Future<String> cancelled = loop.createFuture();
        CompletableFuture<String> cf2 = cancelled.toCompletableFuture();
        cancelled.cancel();
        runOnce();
        ExecutionException e = assertThrows(ExecutionException.class, () -> cf1.get(1, TimeUnit.SECONDS));
        assertSame(error, e.getCause());
        assertTrue(cf2.isCancelled());
        // The cancellation keeps asyncio's message: the JDK future ends with the CancelledException.
        Future<String> withMessage = loop.createFuture();
        CompletableFuture<String> cf3 = withMessage.toCompletableFuture();
        withMessage.cancel("because");
        runOnce();
        assertTrue(cf3.isCancelled());
        CancellationException c = assertThrows(CancellationException.class, () -> cf3.getNow(null));
        assertEquals("because", c.getCause().getMessage(), "the JDK wraps it: the CancelledException is the cause");
    }

    @Test
    void cancellingTheCompletableFutureCancelsTheFutureOnItsLoop() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        cf.cancel(false);
        assertFalse(f.isCancelled(), "cancelled on the loop, not from the caller's thread");
        runOnce();
        assertTrue(f.isCancelled());
    }

    @Test
    void futureOfACompletionStageFollowsIt() {
        CompletableFuture<String> ok = new CompletableFuture<>();
        CompletableFuture<String> bad = new CompletableFuture<>();
        CompletableFuture<String> gone = new CompletableFuture<>();
        Future<String> f1 = Future.of(ok, loop);
        Future<String> f2 = Future.of(bad.thenApply(s -> s), loop);
        Future<String> f3 = Future.of(gone, loop);
        IOException error = new IOException("x");
        Thread.ofPlatform().start(() -> {
            ok.complete("r");
            bad.completeExceptionally(error);
            gone.cancel(false);
        });
        loop.runUntilComplete(f1);
        while (!f2.isDone() || !f3.isDone()) {
            runOnce();
        }
        assertEquals("r", f1.result());
        assertSame(error, f2.exception(), "CompletionException is unwrapped");
        assertTrue(f3.isCancelled());
    }

    @Test
    void cancellingAFutureOfAStageCancelsTheStage() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Future<String> f = Future.of(cf, loop);
        f.cancel();
        runOnce();
        assertTrue(cf.isCancelled());
    }

    @Test
    void awaitOfACompletionStageCompletedByAnotherThread() {
        String r = Aio.run(() -> {
            CompletableFuture<String> cf = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> cf.complete("from thread"));
            return Aio.await(cf);
        });
        assertEquals("from thread", r);
    }

    @Test
    void awaitOfADoneCompletableFutureReturnsOrThrowsAtOnce() {
        IOException error = new IOException("x");
        assertEquals("now", Aio.run(() -> Aio.await(CompletableFuture.completedFuture("now"))));
        assertSame(error, assertThrows(Exception.class, () -> Aio.run(() -> Aio.await(CompletableFuture.failedFuture(error)))));
    }

    @Test
    void debugModeRejectsCompletionFromAnotherThread() throws Exception {
        loop.setDebug(true);
        Future<String> f = loop.createFuture();
        Throwable[] seen = new Throwable[1];
        loop.callSoon(() -> {
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    f.setResult("x");
                } catch (Throwable e) {
                    seen[0] = e;
                }
            });
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            loop.stop();
        });
        loop.runForever();
        assertTrue(seen[0] instanceof IllegalStateException, String.valueOf(seen[0]));
        assertFalse(f.isDone());
    }
}
