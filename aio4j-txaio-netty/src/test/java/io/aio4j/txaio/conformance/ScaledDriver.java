package io.aio4j.txaio.conformance;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxDelayedCall;
import io.aio4j.txaio.internal.Cell;
import io.aio4j.txaio.internal.Driver;

/**
 * Runs a real-time driver faster: one second of the tests' time is {@code 1 / speed} real seconds.
 * Delays are rounded up, so a call is never early in scaled time either.
 */
final class ScaledDriver implements Driver {
    private final Driver delegate;
    private final long speed;

    ScaledDriver(Driver delegate, long speed) {
        this.delegate = delegate;
        this.speed = speed;
    }

    @Override
    public Backend backend() {
        return delegate.backend();
    }

    @Override
    public <T> Cell<T> newCell() {
        return delegate.newCell();
    }

    @Override
    public <T> Cell<T> adopt(Object o) {
        return delegate.adopt(o);
    }

    @Override
    public void execute(Runnable task) {
        delegate.execute(task);
    }

    @Override
    public TxDelayedCall schedule(long delayNanos, Runnable task) {
        return delegate.schedule(Math.ceilDiv(delayNanos, speed), task);
    }

    @Override
    public long nanoTime() {
        return delegate.nanoTime() * speed;
    }

    @Override
    public void reportError(String message, Throwable error) {
        delegate.reportError(message, error);
    }
}
