package io.aio4j.txaio.internal.jdk;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxDelayedCall;
import io.aio4j.txaio.spi.Cell;
import io.aio4j.txaio.spi.Driver;
import io.aio4j.txaio.spi.ErrorSink;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * The JDK backend's {@link Driver}: the "loop" is a {@code ScheduledExecutorService}, the clock
 * {@code System.nanoTime} (the executor's clock), the futures {@code CompletableFuture}s.
 */
public final class JdkDriver implements Driver {
    private static final class Shared {
        static final JdkDriver INSTANCE = new JdkDriver(Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("txaio-jdk").daemon(true).factory()), System::nanoTime, ErrorSink.LOG);
    }

    private final ScheduledExecutorService executor;
    private final LongSupplier clock;
    private final ErrorSink errors;

    /** Creates a driver on {@code executor}, whose scheduling clock is {@code clock}. */
    public JdkDriver(ScheduledExecutorService executor, LongSupplier clock, ErrorSink errors) {
        this.executor = executor;
        this.clock = clock;
        this.errors = errors;
    }

    /** Returns the driver of the default loop: one daemon thread named {@code txaio-jdk}. */
    public static JdkDriver shared() {
        return Shared.INSTANCE;
    }

    /** Returns the executor this driver runs on. */
    public ScheduledExecutorService executor() {
        return executor;
    }

    @Override
    public Backend backend() {
        return Backend.JDK;
    }

    @Override
    public <T> Cell<T> newCell() {
        return new JdkCell<>(new OrderedFuture<>(executor), executor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Cell<T> adopt(Object o) {
        if (!(o instanceof CompletableFuture<?> f)) {
            return null;
        }
        try {
            f.isDone();
        } catch (UnsupportedOperationException e) {
            return null; // a minimalCompletionStage(): a CompletableFuture that refuses queries, adapted as a stage
        }
        return new JdkCell<>((CompletableFuture<T>) f, executor);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    @Override
    public TxDelayedCall schedule(long delayNanos, Runnable task) {
        return Driver.scheduleOn(executor, delayNanos, task, this);
    }

    @Override
    public long nanoTime() {
        return clock.getAsLong();
    }

    @Override
    public void reportError(String message, Throwable error) {
        errors.report(message, error);
    }

    @Override
    public String toString() {
        return "JdkDriver[" + executor + "]";
    }
}
