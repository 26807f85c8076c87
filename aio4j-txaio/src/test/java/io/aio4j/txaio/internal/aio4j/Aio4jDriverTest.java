package io.aio4j.txaio.internal.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.InvalidStateException;
import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxFuture;
import io.aio4j.txaio.Txaio;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The aio4j backend on real loops, with delays of a few milliseconds.
 */
@Timeout(10)
class Aio4jDriverTest {

    @Test
    void withoutAnExplicitLoopFuturesLiveOnTheRunningLoop() {
        TxApi tx = Txaio.of(Backend.AIO4J);
        IllegalStateException outside = assertThrows(IllegalStateException.class, tx::createFuture);
        assertTrue(outside.getMessage().startsWith("txaio on aio4j needs a loop"), outside.getMessage());
        String got = Aio.run(() -> {
            TxFuture<String> f = tx.createFuture();
            assertSame(Aio.getRunningLoop(), f.unwrap(Future.class).loop());
            tx.callLater(0.002, () -> tx.resolve(f, "on the running loop"));
            @SuppressWarnings("unchecked")
            Future<String> nativeFuture = f.unwrap(Future.class);
            return Aio.await(nativeFuture);
        });
        assertEquals("on the running loop", got);
    }

    @Test
    void callLaterRunsOnTheLoopNoEarlierThanItsDelay() {
        try (EventLoop loop = Aio.newEventLoop()) {
            TxApi tx = Txaio.withConfig(loop);
            Future<Double> ranAt = loop.createFuture();
            double start = loop.time();
            tx.callLater(0.003, () -> ranAt.setResult(loop.time()));
            assertTrue(loop.runUntilComplete(ranAt) - start >= 0.003);
        }
    }

    @Test
    void timerExceptionsGoToTheLoopsExceptionHandler() {
        try (EventLoop loop = Aio.newEventLoop()) {
            List<Throwable> handled = new ArrayList<>();
            loop.setExceptionHandler((l, context) -> handled.add(context.exception()));
            TxApi tx = Txaio.withConfig(loop);
            IllegalStateException boom = new IllegalStateException("batched");
            Future<Void> after = loop.createFuture();
            tx.makeBatchedTimer(0.001, 10).callLater(0.001, () -> {
                throw boom;
            });
            tx.callLater(0.01, () -> after.setResult(null));
            loop.runUntilComplete(after);
            assertEquals(List.of(boom), handled);
        }
    }

    @Test
    void resolvingTwiceThrowsTheCoresInvalidStateException() {
        try (EventLoop loop = Aio.newEventLoop()) {
            TxApi tx = Txaio.withConfig(loop);
            TxFuture<String> f = tx.createFuture();
            tx.resolve(f, "once");
            assertThrows(InvalidStateException.class, () -> tx.resolve(f, "twice"));
        }
    }

    @Test
    void aio4jFuturesAreNativeAndCancellationKeepsItsMessage() {
        try (EventLoop loop = Aio.newEventLoop()) {
            Aio4jDriver driver = new Aio4jDriver(loop);
            Future<String> f = loop.createFuture();
            assertSame(f, driver.adopt(f).nativeFuture());
            f.cancel("stop");
            assertEquals("stop", driver.<String>adopt(f).error().getMessage());
            assertEquals(null, driver.adopt("not a future"));
        }
    }
}
