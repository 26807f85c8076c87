package io.aio4j.txaio.netty.internal;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxDelayedCall;
import io.aio4j.txaio.spi.Cell;
import io.aio4j.txaio.spi.Driver;
import io.aio4j.txaio.spi.ErrorSink;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;

/**
 * The Netty backend's {@link Driver}: promises from {@code newPromise()}, timers from
 * {@code schedule}, the clock from the loop's {@code Ticker}.
 */
public final class NettyDriver implements Driver {
    private final EventExecutor loop;
    private final ErrorSink errors;

    /** Creates a driver on {@code loop}; uncaught timer and canceller exceptions go to {@code errors}. */
    public NettyDriver(EventExecutor loop, ErrorSink errors) {
        this.loop = loop;
        this.errors = errors;
    }

    /** Returns the Netty loop this driver runs on. */
    public EventExecutor loop() {
        return loop;
    }

    @Override
    public Backend backend() {
        return Backend.NETTY;
    }

    @Override
    public <T> Cell<T> newCell() {
        return new NettyCell<>(loop.newPromise(), loop);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Cell<T> adopt(Object o) {
        return o instanceof Future<?> f ? new NettyCell<>((Future<T>) f, loop) : null;
    }

    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }

    @Override
    public TxDelayedCall schedule(long delayNanos, Runnable task) {
        return Driver.scheduleOn(loop, delayNanos, task, this);
    }

    @Override
    public long nanoTime() {
        return loop.ticker().nanoTime();
    }

    @Override
    public void reportError(String message, Throwable error) {
        errors.report(message, error);
    }

    @Override
    public String toString() {
        return "NettyDriver[" + loop + "]";
    }
}
