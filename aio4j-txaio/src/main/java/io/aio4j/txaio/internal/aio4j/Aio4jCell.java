package io.aio4j.txaio.internal.aio4j;

import io.aio4j.CancelledException;
import io.aio4j.Future;
import io.aio4j.txaio.spi.Cell;

/**
 * A {@link Cell} over an aio4j {@code Future}; its done-callbacks already run on a later loop turn.
 */
final class Aio4jCell<T> implements Cell<T> {
    private final Future<T> future;

    Aio4jCell(Future<T> future) {
        this.future = future;
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
        return future.trySetResult(value);
    }

    @Override
    public boolean tryFailure(Throwable error) {
        return future.trySetException(error);
    }

    @Override
    public boolean tryCancel(String message) {
        return future.cancel(message);
    }

    @Override
    public void whenDone(Runnable action) {
        future.addDoneCallback(done -> action.run());
    }

    @Override
    public T value() {
        return future.result();
    }

    @Override
    public Throwable error() {
        if (!future.isDone()) {
            return null;
        }
        try {
            return future.exception();
        } catch (CancelledException e) {
            return e;
        }
    }
}
