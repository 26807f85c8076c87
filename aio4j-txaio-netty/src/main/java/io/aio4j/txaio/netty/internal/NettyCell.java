package io.aio4j.txaio.netty.internal;

import io.aio4j.txaio.spi.Cell;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.concurrent.CancellationException;

/**
 * A {@link Cell} over a Netty {@code Future}; completable when it is a {@code Promise}.
 */
final class NettyCell<T> implements Cell<T> {
    private final Future<T> future;
    private final EventExecutor loop;

    NettyCell(Future<T> future, EventExecutor loop) {
        this.future = future;
        this.loop = loop;
    }

    @Override
    public Object nativeFuture() {
        return future;
    }

    @Override
    public boolean isDone() {
        return future.isDone();
    }

    @Override
    public boolean isCancelled() {
        return future.isCancelled();
    }

    @Override
    public boolean trySuccess(T value) {
        return promise().trySuccess(value);
    }

    @Override
    public boolean tryFailure(Throwable error) {
        return promise().tryFailure(error);
    }

    @Override
    public boolean tryCancel(String message) {
        if (!(future instanceof Promise<T> promise)) {
            return future.cancel(false);
        }
        // DefaultPromise treats a CancellationException cause as cancelled, and this one keeps the message.
        return promise.tryFailure(new CancellationException(message));
    }

    @Override
    public void whenDone(Runnable action) {
        future.addListener(done -> loop.execute(action));
    }

    @Override
    public T value() {
        return future.getNow();
    }

    @Override
    public Throwable error() {
        return future.isDone() ? future.cause() : null;
    }

    private Promise<T> promise() {
        if (future instanceof Promise<T> promise) {
            return promise;
        }
        throw new IllegalArgumentException("a Netty Future that is not a Promise cannot be completed: " + future);
    }
}
