package io.aio4j.txaio.internal;

import io.aio4j.InvalidStateException;
import io.aio4j.txaio.Backend;
import io.aio4j.txaio.IBatchedTimer;
import io.aio4j.txaio.IFailedFuture;
import io.aio4j.txaio.ILogger;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxDelayedCall;
import io.aio4j.txaio.TxFuture;
import io.aio4j.txaio.Txaio;
import io.aio4j.txaio.internal.log.LogSystem;
import io.aio4j.txaio.internal.log.RealLogger;
import io.aio4j.txaio.internal.timer.BatchedTimer;
import io.aio4j.txaio.spi.Cell;
import io.aio4j.txaio.spi.Driver;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The whole txaio API, written once over a {@link Driver}.
 */
public final class RealTxApi implements TxApi {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final Driver driver;

    /** Creates the API over {@code driver}. */
    public RealTxApi(Driver driver) {
        this.driver = Checks.notNull(driver, "driver");
    }

    /** Returns the driver behind this API. */
    public Driver driver() {
        return driver;
    }

    @Override
    public Backend backend() {
        return driver.backend();
    }

    @Override
    public <T> TxFuture<T> createFuture() {
        return new RealTxFuture<>(driver.newCell());
    }

    @Override
    public <T> TxFuture<T> createFuture(Consumer<TxFuture<T>> canceller) {
        Checks.notNull(canceller, "canceller");
        RealTxFuture<T> future = new RealTxFuture<>(driver.newCell());
        future.cell().whenDone(() -> {
            if (!future.cell().isCancelled()) {
                return;
            }
            try {
                canceller.accept(future);
            } catch (Throwable t) {
                driver.reportError("Exception in canceller of " + future, t);
            }
        });
        return future;
    }

    @Override
    public <T> TxFuture<T> createFutureSuccess(T result) {
        RealTxFuture<T> future = new RealTxFuture<>(driver.newCell());
        future.cell().trySuccess(result);
        return future;
    }

    @Override
    public <T> TxFuture<T> createFutureError(Throwable error) {
        return createFutureError(createFailure(error));
    }

    @Override
    public <T> TxFuture<T> createFutureError(IFailedFuture failure) {
        checkFailure(failure);
        RealTxFuture<T> future = new RealTxFuture<>(driver.newCell());
        future.tryFail(failure);
        return future;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> TxFuture<T> asFuture(Callable<T> fn) {
        Checks.notNull(fn, "fn");
        Object result;
        try {
            result = fn.call();
        } catch (Throwable t) {
            return createFutureError(t);
        }
        if (result instanceof TxFuture<?> future) {
            return (TxFuture<T>) future;
        }
        Cell<T> adopted = driver.adopt(result);
        if (adopted != null) {
            return new RealTxFuture<>(adopted);
        }
        if (result instanceof CompletionStage<?> stage) {
            return fromStage((CompletionStage<T>) stage);
        }
        return createFutureSuccess((T) result);
    }

    private <T> TxFuture<T> fromStage(CompletionStage<T> stage) {
        RealTxFuture<T> future = new RealTxFuture<>(driver.newCell());
        stage.whenComplete((value, error) -> driver.execute(() -> {
            if (error == null) {
                future.cell().trySuccess(value);
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                future.cell().tryFailure(cause);
            }
        }));
        return future;
    }

    @Override
    public boolean isFuture(Object o) {
        return o instanceof TxFuture<?> || (o != null && driver.adopt(o) != null);
    }

    @Override
    public boolean isCalled(TxFuture<?> future) {
        return real(future).cell().isDone();
    }

    @Override
    public <T> void resolve(TxFuture<T> future, T value) {
        RealTxFuture<T> f = real(future);
        if (!f.cell().trySuccess(value)) {
            throw alreadyDone("resolve", f);
        }
    }

    @Override
    public void reject(TxFuture<?> future, Throwable error) {
        reject(future, createFailure(error));
    }

    @Override
    public void reject(TxFuture<?> future, IFailedFuture failure) {
        checkFailure(failure);
        RealTxFuture<?> f = real(future);
        if (!f.tryFail(failure)) {
            throw alreadyDone("reject", f);
        }
    }

    @Override
    public void cancel(TxFuture<?> future) {
        cancel(future, null);
    }

    @Override
    public void cancel(TxFuture<?> future, String msg) {
        real(future).cell().tryCancel(msg);
    }

    @Override
    public <T, R> TxFuture<R> addCallbacks(TxFuture<T> future, Function<? super T, ? extends R> callback,
            Function<IFailedFuture, ? extends R> errback) {
        if (callback == null && errback == null) {
            throw new IllegalArgumentException("callback and errback are both null");
        }
        return Callbacks.derive(driver, real(future), callback, errback);
    }

    @Override
    public TxFuture<List<Object>> gather(List<? extends TxFuture<?>> futures) {
        return gather(futures, true);
    }

    @Override
    public TxFuture<List<Object>> gather(List<? extends TxFuture<?>> futures, boolean consumeExceptions) {
        Checks.notNull(futures, "futures");
        List<RealTxFuture<?>> children = new ArrayList<>(futures.size());
        for (TxFuture<?> f : futures) {
            children.add(real(f));
        }
        return Gather.gather(driver, children, consumeExceptions);
    }

    @Override
    public IFailedFuture createFailure(Throwable error) {
        return new RealFailedFuture(Checks.notNull(error, "error"));
    }

    @Override
    public String failureMessage(IFailedFuture failure) {
        return Failures.message(failure);
    }

    @Override
    public StackTraceElement[] failureTraceback(IFailedFuture failure) {
        return Failures.traceback(failure);
    }

    @Override
    public String failureFormatTraceback(IFailedFuture failure) {
        return Failures.formatTraceback(failure);
    }

    @Override
    public TxDelayedCall callLater(double delaySeconds, Runnable fn) {
        long delayNanos = Checks.delayNanos(delaySeconds);
        return driver.schedule(delayNanos, Checks.notNull(fn, "fn"));
    }

    @Override
    public IBatchedTimer makeBatchedTimer(double bucketSeconds, int chunkSize) {
        return new BatchedTimer(driver, bucketSeconds, chunkSize);
    }

    @Override
    public TxFuture<Void> sleep(double seconds) {
        long delayNanos = Checks.delayNanos(seconds);
        RealTxFuture<Void> future = new RealTxFuture<>(driver.newCell());
        TxDelayedCall timer = driver.schedule(delayNanos, () -> future.cell().trySuccess(null));
        future.cell().whenDone(() -> {
            if (future.cell().isCancelled()) {
                timer.cancel();
            }
        });
        return future;
    }

    @Override
    public long timeNs() {
        return wallClockNanos();
    }

    @Override
    public long perfCounterNs() {
        return System.nanoTime();
    }

    /** Returns the wall-clock time in nanoseconds since the epoch. */
    public static long wallClockNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public ILogger makeLogger() {
        return new RealLogger(callerClassName());
    }

    @Override
    public ILogger makeLogger(String namespace) {
        return new RealLogger(namespace);
    }

    /** Returns the name of the first class on the stack outside txaio's API plumbing. */
    public static String callerClassName() {
        return WALKER.walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> c != RealTxApi.class && c != Txaio.class && c != TxApi.class)
                .findFirst()
                .map(Class::getName)
                .orElse("txaio"));
    }

    @Override
    public void startLogging(PrintStream out, String level) {
        LogSystem.startLogging(out, level);
    }

    @Override
    public void startLogging(String level) {
        LogSystem.startLogging(System.out, level);
    }

    @Override
    public void setGlobalLogLevel(String level) {
        LogSystem.setGlobalLogLevel(level);
    }

    @Override
    public String getGlobalLogLevel() {
        return LogSystem.getGlobalLogLevel();
    }

    @Override
    public void addLogCategories(Map<String, String> categories) {
        LogSystem.addLogCategories(categories);
    }

    private static <T> RealTxFuture<T> real(TxFuture<T> future) {
        if (future instanceof RealTxFuture<T> real) {
            return real;
        }
        throw new IllegalArgumentException("not a future made by txaio: " + future);
    }

    private static void checkFailure(IFailedFuture failure) {
        Checks.notNull(failure, "failure");
        Checks.notNull(failure.value(), "failure.value()");
    }

    private static RuntimeException alreadyDone(String operation, RealTxFuture<?> future) {
        return new InvalidStateException(operation + "() of a future that is already done: " + future);
    }

    @Override
    public String toString() {
        return "TxApi[" + driver + "]";
    }
}
