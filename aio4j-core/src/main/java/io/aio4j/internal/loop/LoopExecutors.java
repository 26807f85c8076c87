package io.aio4j.internal.loop;

import io.aio4j.Future;
import io.aio4j.internal.log.AioLogger;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * The loop's executor handling: {@code runInExecutor} (and so {@code Aio.toThread}), the default
 * executor made on first use ({@link DefaultExecutor}), and its shutdown at the end of
 * {@code Aio.run}. A job's outcome comes back to the loop through {@code callSoonThreadsafe}, so
 * the future completes on the loop thread, on a later iteration, even with a synchronous executor.
 */
final class LoopExecutors {
    private static final System.Logger LOG = AioLogger.LOG;

    private final LoopServices loop;
    private ExecutorService defaultExecutor;
    private boolean shutdownCalled;
    private int jobsInFlight;

    LoopExecutors(LoopServices loop) {
        this.loop = loop;
    }

    /** {@code EventLoop.runInExecutor}: cancelling the future cancels the job if it has not started. */
    <T> Future<T> runInExecutor(Executor executor, Callable<T> fn) {
        Objects.requireNonNull(fn, "fn");
        loop.checkNotClosed();
        if (loop.isDebug()) {
            loop.checkThread();
        }
        Executor target = executor != null ? executor : defaultExecutor();
        Future<T> fut = loop.createFuture();
        FutureTask<T> job = new FutureTask<>(fn) {
            @Override
            protected void done() {
                if (isCancelled()) {
                    return;
                }
                Runnable copy = switch (state()) {
                    case SUCCESS -> {
                        T value = resultNow();
                        yield () -> fut.trySetResult(value);
                    }
                    default -> {
                        Throwable error = exceptionNow();
                        yield () -> fut.trySetException(error);
                    }
                };
                loop.handOff(copy);
            }
        };
        fut.addDoneCallback(f -> {
            jobsInFlight--;
            if (f.isCancelled()) {
                job.cancel(false);
            }
        });
        target.execute(job);
        jobsInFlight++;
        return fut;
    }

    /** How many jobs have not delivered their outcome to the loop yet (their future is not done). */
    int jobsInFlight() {
        return jobsInFlight;
    }

    private ExecutorService defaultExecutor() {
        if (shutdownCalled) {
            throw new IllegalStateException("Executor shutdown has been called");
        }
        ExecutorService executor = defaultExecutor;
        if (executor == null) {
            executor = DefaultExecutor.create();
            defaultExecutor = executor;
        }
        return executor;
    }

    /** Replaces the default executor. */
    void setDefaultExecutor(ExecutorService executor) {
        this.defaultExecutor = executor;
    }

    /** asyncio's {@code shutdown_default_executor}: joins its threads on a helper thread, for at most {@code timeoutSeconds}. */
    Future<Void> shutdownDefaultExecutor(double timeoutSeconds) {
        shutdownCalled = true;
        Future<Void> done = loop.createFuture();
        ExecutorService executor = defaultExecutor;
        if (executor == null) {
            done.setResult(null);
            return done;
        }
        Thread.ofPlatform().daemon().name("aio4j-executor-shutdown").start(() -> {
            executor.shutdown();
            try {
                long nanos = timeoutSeconds >= Long.MAX_VALUE / 1e9 ? Long.MAX_VALUE : (long) (timeoutSeconds * 1e9);
                if (!executor.awaitTermination(nanos, TimeUnit.NANOSECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, String.format(Locale.ROOT,
                            "The executor did not finish joining its threads within %.1f seconds.", timeoutSeconds));
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop.handOff(() -> done.trySetResult(null));
        });
        return done;
    }

    /** The loop is closing: shuts the default executor down without waiting. */
    void close() {
        ExecutorService executor = defaultExecutor;
        if (executor != null) {
            defaultExecutor = null;
            executor.shutdown();
        }
    }
}
