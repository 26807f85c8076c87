package io.aio4j.txaio.internal.jdk;

import io.aio4j.txaio.spi.Cell;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A {@link Cell} over a {@code CompletableFuture}; callbacks hop onto the executor.
 */
final class JdkCell<T> implements Cell<T> {
    private final CompletableFuture<T> future;
    private final Executor loop;

    JdkCell(CompletableFuture<T> future, Executor loop) {
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
        return future.complete(value);
    }

    @Override
    public boolean tryFailure(Throwable error) {
        return future.completeExceptionally(error);
    }

    @Override
    public boolean tryCancel(String message) {
        // A CancellationException completion is a cancellation for CompletableFuture, and keeps the message.
        return future.completeExceptionally(new CancellationException(message));
    }

    @Override
    public void whenDone(Runnable action) {
        if (future instanceof OrderedFuture<T> ordered) {
            ordered.onDone(action);
        } else {
            future.whenComplete((value, error) -> loop.execute(action));
        }
    }

    @Override
    public T value() {
        return future.getNow(null);
    }

    @Override
    public Throwable error() {
        if (!future.isDone()) {
            return null;
        }
        // handle() sees the stored exception itself, where getNow() would wrap a cancellation anew.
        Throwable error = future.handle((value, e) -> e).getNow(null);
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
