package io.aio4j.txaio.conformance;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxDelayedCall;
import io.aio4j.txaio.spi.Cell;
import io.aio4j.txaio.spi.Driver;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A driver decorator that counts the real timers alive on the loop.
 */
final class CountingDriver implements Driver {
    private final Driver delegate;
    private final AtomicInteger live = new AtomicInteger();

    CountingDriver(Driver delegate) {
        this.delegate = delegate;
    }

    int liveTimers() {
        return live.get();
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
        AtomicBoolean alive = new AtomicBoolean(true);
        live.incrementAndGet();
        TxDelayedCall call = delegate.schedule(delayNanos, () -> {
            if (alive.compareAndSet(true, false)) live.decrementAndGet();
            task.run();
        });
        return () -> {
            if (alive.compareAndSet(true, false)) live.decrementAndGet();
            call.cancel();
        };
    }

    @Override
    public long nanoTime() {
        return delegate.nanoTime();
    }

    @Override
    public void reportError(String message, Throwable error) {
        delegate.reportError(message, error);
    }
}
