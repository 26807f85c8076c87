package io.aio4j.txaio.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.Promise;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class NettyFuturesTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();

    @Test
    void stageCompletesWithThePromisesResult() {
        Promise<String> promise = channel.eventLoop().newPromise();
        CompletableFuture<String> stage = NettyFutures.toStage(promise).toCompletableFuture();
        assertTrue(!stage.isDone());
        promise.setSuccess("netty");
        assertEquals("netty", stage.getNow(null));
    }

    @Test
    void stageFailsWithThePromisesCause() {
        Promise<String> promise = channel.eventLoop().newPromise();
        CompletionStage<String> stage = NettyFutures.toStage(promise);
        IllegalStateException cause = new IllegalStateException("io");
        promise.setFailure(cause);
        ExecutionException e = assertThrows(ExecutionException.class, () -> stage.toCompletableFuture().get());
        assertSame(cause, e.getCause());
    }

    @Test
    void cancellationPropagatesBothWays() {
        Promise<String> cancelledByNetty = channel.eventLoop().newPromise();
        CompletableFuture<String> first = NettyFutures.toStage(cancelledByNetty).toCompletableFuture();
        cancelledByNetty.cancel(false);
        assertTrue(first.isCancelled());

        Promise<String> cancelledByStage = channel.eventLoop().newPromise();
        NettyFutures.toStage(cancelledByStage).toCompletableFuture().cancel(false);
        assertTrue(cancelledByStage.isCancelled());
    }

    @Test
    void nullIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> NettyFutures.toStage(null));
    }

    @Test
    void awaitInsideAnAio4jTaskReturnsTheResultFromAnotherLoop() {
        DefaultEventLoop netty = new DefaultEventLoop();
        try {
            Promise<String> promise = netty.newPromise();
            String got = Aio.run(() -> {
                netty.schedule(() -> promise.setSuccess("from netty"), 2, TimeUnit.MILLISECONDS);
                return NettyFutures.await(promise);
            });
            assertEquals("from netty", got);
        } finally {
            netty.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }

    @Test
    void awaitRethrowsTheSameCause() {
        Promise<String> promise = channel.eventLoop().newPromise();
        IllegalStateException cause = new IllegalStateException("refused");
        promise.setFailure(cause);
        Exception thrown = assertThrows(Exception.class, () -> Aio.run(() -> NettyFutures.await(promise)));
        assertSame(cause, thrown);
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheNettyFuture() {
        Promise<String> never = new DefaultEventLoop().newPromise();
        Aio.run(() -> {
            Task<String> waiter = Aio.createTask(() -> NettyFutures.await(never));
            Aio.sleep(0.001);
            waiter.cancel();
            assertThrows(CancellationException.class, () -> Aio.await(waiter));
        });
        assertTrue(never.isCancelled());
    }
}
