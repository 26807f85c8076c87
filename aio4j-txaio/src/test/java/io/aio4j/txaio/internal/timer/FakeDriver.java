package io.aio4j.txaio.internal.timer;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxDelayedCall;
import io.aio4j.txaio.spi.Cell;
import io.aio4j.txaio.spi.Driver;
import java.util.ArrayList;
import java.util.List;

/**
 * A driver that only records the timers it is asked for, at a time the test sets.
 */
final class FakeDriver implements Driver {
    record Scheduled(long delayNanos, Runnable task, boolean[] cancelled) {
    }

    long now;
    final List<Scheduled> scheduled = new ArrayList<>();
    final List<Throwable> errors = new ArrayList<>();

    @Override
    public Backend backend() {
        return Backend.JDK;
    }

    @Override
    public <T> Cell<T> newCell() {
        throw new UnsupportedOperationException("timers need no futures");
    }

    @Override
    public <T> Cell<T> adopt(Object o) {
        return null;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public TxDelayedCall schedule(long delayNanos, Runnable task) {
        boolean[] cancelled = {false};
        scheduled.add(new Scheduled(delayNanos, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void reportError(String message, Throwable error) {
        errors.add(error);
    }
}
