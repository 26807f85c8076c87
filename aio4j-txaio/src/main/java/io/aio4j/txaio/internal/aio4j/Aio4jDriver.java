package io.aio4j.txaio.internal.aio4j;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.TimerHandle;
import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxDelayedCall;
import io.aio4j.txaio.spi.Cell;
import io.aio4j.txaio.spi.Driver;

/**
 * The aio4j backend's {@link Driver}: on a given loop, or on whichever loop is running on the
 * calling thread when none is given ({@code Txaio.useAio4j()}).
 */
public final class Aio4jDriver implements Driver {
    private final EventLoop fixedLoop;

    /** Creates a driver on {@code loop}, or on the running loop at each call if it is null. */
    public Aio4jDriver(EventLoop loop) {
        this.fixedLoop = loop;
    }

    /** Returns the loop to use now. */
    public EventLoop loop() {
        if (fixedLoop != null) {
            return fixedLoop;
        }
        try {
            return Aio.getRunningLoop();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("txaio on aio4j needs a loop: call it from a task or callback of a"
                    + " running loop, or use Txaio.withConfig(loop)", e);
        }
    }

    @Override
    public Backend backend() {
        return Backend.AIO4J;
    }

    @Override
    public <T> Cell<T> newCell() {
        return new Aio4jCell<>(loop().createFuture());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Cell<T> adopt(Object o) {
        return o instanceof Future<?> f ? new Aio4jCell<>((Future<T>) f) : null;
    }

    @Override
    public void execute(Runnable task) {
        loop().callSoonThreadsafe(task);
    }

    @Override
    public TxDelayedCall schedule(long delayNanos, Runnable task) {
        TimerHandle handle = loop().callLater(delayNanos / 1e9, task);
        return handle::cancel;
    }

    @Override
    public long nanoTime() {
        return Math.round(loop().time() * 1e9);
    }

    @Override
    public void reportError(String message, Throwable error) {
        loop().callExceptionHandler(ExceptionContext.of(message, error));
    }

    @Override
    public String toString() {
        return "Aio4jDriver[" + (fixedLoop == null ? "running loop" : fixedLoop) + "]";
    }
}
