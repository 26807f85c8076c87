package io.aio4j.txaio.spi;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxDelayedCall;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What txaio needs from one event framework: native futures, a later loop turn, timers, a clock
 * and an exception handler. Everything else is built once, in {@link RealTxApi}.
 */
public interface Driver {

    /** Returns which framework this is. */
    Backend backend();

    /** Creates a pending native future on this driver's loop. */
    <T> Cell<T> newCell();

    /** Returns a cell over {@code o} if it is this framework's native future, else null. */
    <T> Cell<T> adopt(Object o);

    /** Runs {@code task} on the loop on a later turn; callable from any thread. */
    void execute(Runnable task);

    /**
     * Runs {@code task} on the loop once {@code delayNanos} have passed on {@link #nanoTime()};
     * an exception it throws goes to {@link #reportError}.
     */
    TxDelayedCall schedule(long delayNanos, Runnable task);

    /** Returns the loop's monotonic clock, in nanoseconds. */
    long nanoTime();

    /** Hands an exception nobody else can handle to the loop's exception handler. */
    void reportError(String message, Throwable error);

    /**
     * {@link #schedule} on a {@link ScheduledExecutorService} (a JDK scheduler, or a Netty event
     * loop, which is one): the task's exception goes to {@code driver}'s {@link #reportError}.
     */
    static TxDelayedCall scheduleOn(ScheduledExecutorService executor, long delayNanos, Runnable task, Driver driver) {
        ScheduledFuture<?> scheduled = executor.schedule(() -> {
            try {
                task.run();
            } catch (Throwable t) {
                driver.reportError("Exception in delayed call " + task, t);
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
        return () -> scheduled.cancel(false);
    }
}
