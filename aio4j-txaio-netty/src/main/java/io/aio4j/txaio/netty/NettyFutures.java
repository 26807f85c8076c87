package io.aio4j.txaio.netty;

import io.aio4j.Aio;
import io.netty.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Bridges Netty futures into the {@code CompletionStage} world of aio4j, so an aio4j task can
 * await a {@code ChannelFuture} or a {@code Promise}.
 *
 * <pre>{@code
 * ChannelFuture connected = bootstrap.connect(host, port);
 * NettyFutures.await(connected);            // inside an aio4j task: the task waits, the loop runs on
 * Channel ch = connected.channel();
 * }</pre>
 */
public final class NettyFutures {
    private NettyFutures() {
    }

    /**
     * Waits, inside an aio4j task, for {@code future} and returns its result; rethrows its cause
     * (the same instance), or a {@code CancellationException} if it was cancelled. Cancelling the
     * task cancels {@code future}. Same as {@code Aio.await(NettyFutures.toStage(future))}.
     *
     * @throws IllegalArgumentException if future is null
     */
    public static <T> T await(Future<T> future) {
        return Aio.await(toStage(future));
    }

    /**
     * Returns a stage completed like {@code future}: with its result, its cause, or cancelled.
     * Cancelling the returned stage ({@code toCompletableFuture().cancel(…)}) cancels {@code future}.
     * The stage completes on the thread that completes the Netty future (usually its event loop).
     *
     * @throws IllegalArgumentException if future is null
     */
    public static <T> CompletionStage<T> toStage(Future<T> future) {
        if (future == null) {
            throw new IllegalArgumentException("future == null");
        }
        CompletableFuture<T> stage = new CompletableFuture<>();
        future.addListener(done -> {
            if (done.isSuccess()) {
                stage.complete(future.getNow());
            } else if (done.isCancelled()) {
                stage.cancel(false);
            } else {
                stage.completeExceptionally(done.cause());
            }
        });
        stage.whenComplete((value, error) -> {
            if (stage.isCancelled()) {
                future.cancel(false);
            }
        });
        return stage;
    }
}
