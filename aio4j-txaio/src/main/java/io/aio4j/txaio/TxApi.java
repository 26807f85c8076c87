package io.aio4j.txaio;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The whole txaio API bound to one backend and one loop: what {@link Txaio#of(Backend)} and
 * {@link Txaio#withConfig(Object)} return, and what the static methods of {@link Txaio} forward to.
 *
 * <p>Threads: callbacks, errbacks, cancellers and timer calls run on the backend's loop (an
 * executor thread for the JDK backend), always on a later loop turn than the call that
 * registered or triggered them, never inline; callbacks of one future run in registration order
 * (with the JDK backend, give it a single-threaded executor for that). On the aio4j backend call
 * the future and timer methods on the loop thread, like every aio4j loop method (from another
 * thread, hop with {@code loop.callSoonThreadsafe}); the Netty and JDK backends accept any
 * thread. Logging and the time helpers work from any thread.
 */
public interface TxApi {

    /** Returns the backend this API runs on. */
    Backend backend();

    /** Returns true if this API runs on aio4j. */
    default boolean usingAio4j() {
        return backend() == Backend.AIO4J;
    }

    /** Returns true if this API runs on Netty. */
    default boolean usingNetty() {
        return backend() == Backend.NETTY;
    }

    /** Returns true if this API runs on the JDK backend. */
    default boolean usingJdk() {
        return backend() == Backend.JDK;
    }

    // ---- futures ----

    /** Creates a pending future on this API's loop. */
    <T> TxFuture<T> createFuture();

    /**
     * Creates a pending future whose {@code canceller} runs once, with the future, on a later loop
     * turn after the future is cancelled (by {@link #cancel} or natively).
     *
     * @throws IllegalArgumentException if canceller is null
     */
    <T> TxFuture<T> createFuture(Consumer<TxFuture<T>> canceller);

    /** Creates a future already resolved with {@code result} (which may be null). */
    <T> TxFuture<T> createFutureSuccess(T result);

    /**
     * Creates a future already failed with {@code error}.
     *
     * @throws IllegalArgumentException if error is null
     */
    <T> TxFuture<T> createFutureError(Throwable error);

    /**
     * Creates a future already failed with {@code failure}; errbacks receive this same object.
     *
     * @throws IllegalArgumentException if failure or its value is null
     */
    <T> TxFuture<T> createFutureError(IFailedFuture failure);

    /**
     * Calls {@code fn} now and always returns a future: failed with what it threw, the future it
     * returned (a {@link TxFuture}, this backend's native future, an aio4j {@code Future} or a
     * {@code CompletionStage}, adopted; the element type is then the adopted future's), or
     * resolved with its value.
     *
     * <p>When {@code fn} returns a future, the static type {@code TxFuture<T>} names the future
     * type while the result is the adopted future's value: use {@link #adoptTx},
     * {@link #adoptStage} or {@link #adoptAio4j} there, whose types say what the future carries.
     *
     * @throws IllegalArgumentException if fn is null
     */
    <T> TxFuture<T> asFuture(Callable<T> fn);

    /**
     * {@link #asFuture} of a function returning a {@link TxFuture}, typed by what that future
     * carries: {@code TxFuture<Integer> n = tx.adoptTx(() -> lookup(key));}. The returned future
     * follows the adopted one (it is the same future); a null return resolves it with null.
     *
     * @throws IllegalArgumentException if fn is null
     */
    @SuppressWarnings("unchecked")
    default <T> TxFuture<T> adoptTx(Callable<? extends TxFuture<? extends T>> fn) {
        return (TxFuture<T>) asFuture(fn);
    }

    /**
     * {@link #asFuture} of a function returning a {@code CompletionStage} (a
     * {@code CompletableFuture}, an HTTP client's response…), typed by the stage's result; the
     * future completes on this API's loop when the stage does, failed with the stage's cause.
     *
     * @throws IllegalArgumentException if fn is null
     */
    @SuppressWarnings("unchecked")
    default <T> TxFuture<T> adoptStage(Callable<? extends CompletionStage<? extends T>> fn) {
        return (TxFuture<T>) asFuture(fn);
    }

    /**
     * {@link #asFuture} of a function returning an aio4j {@code Future} (or {@code Task}), typed
     * by its result. On the aio4j backend the future itself is adopted; on the others it is
     * followed through {@code Future.toCompletableFuture()}, which is thread-safe, so this may be
     * called from any thread.
     *
     * @throws IllegalArgumentException if fn is null
     */
    @SuppressWarnings("unchecked")
    default <T> TxFuture<T> adoptAio4j(Callable<? extends io.aio4j.Future<? extends T>> fn) {
        return (TxFuture<T>) asFuture(fn);
    }

    /** Returns true if {@code o} is a {@link TxFuture} or this backend's native future. */
    boolean isFuture(Object o);

    /** Returns true if the future is done: resolved, failed or cancelled. */
    boolean isCalled(TxFuture<?> future);

    /**
     * Resolves the future with {@code value}; its callbacks run on a later loop turn.
     *
     * @throws io.aio4j.InvalidStateException if the future is already done
     */
    <T> void resolve(TxFuture<T> future, T value);

    /**
     * Fails the future with {@code error}.
     *
     * @throws io.aio4j.InvalidStateException if the future is already done
     */
    void reject(TxFuture<?> future, Throwable error);

    /**
     * Fails the future with {@code failure}; errbacks receive this same object.
     *
     * @throws io.aio4j.InvalidStateException if the future is already done
     */
    void reject(TxFuture<?> future, IFailedFuture failure);

    /** Cancels the future unless it is done (then this does nothing). */
    void cancel(TxFuture<?> future);

    /** Cancels the future with a message carried by its {@code CancellationException}. */
    void cancel(TxFuture<?> future, String msg);

    /**
     * Returns a future derived from {@code future}: on success it gets {@code callback}'s return
     * value (the value itself if callback is null); on failure it gets {@code errback}'s return
     * value, so an errback that returns recovers (the same failure if errback is null). An
     * exception thrown by either fails the derived future; it is not passed to the paired errback.
     * Both run on a later loop turn.
     *
     * @throws IllegalArgumentException if both callback and errback are null
     */
    <T, R> TxFuture<R> addCallbacks(TxFuture<T> future, Function<? super T, ? extends R> callback,
            Function<IFailedFuture, ? extends R> errback);

    /** Same as {@link #gather(List, boolean) gather(futures, true)}. */
    TxFuture<List<Object>> gather(List<? extends TxFuture<?>> futures);

    /**
     * Returns a future of the results of all {@code futures}, in order, once all are done. With
     * {@code consumeExceptions} a failed or cancelled future contributes its {@link IFailedFuture};
     * without, the result fails with the first failure in list order. Cancelling the result
     * cancels the futures that are still pending.
     */
    TxFuture<List<Object>> gather(List<? extends TxFuture<?>> futures, boolean consumeExceptions);

    // ---- failures ----

    /**
     * Wraps {@code error} for an errback or {@link #reject(TxFuture, IFailedFuture)}.
     *
     * @throws IllegalArgumentException if error is null
     */
    IFailedFuture createFailure(Throwable error);

    /** Returns {@code "<ExceptionSimpleName>: <message>"} on one line; never throws. */
    String failureMessage(IFailedFuture failure);

    /** Returns the failure's stack trace (empty for bad input); never throws. */
    StackTraceElement[] failureTraceback(IFailedFuture failure);

    /** Returns the failure's stack trace as Java prints it, causes included; never throws. */
    String failureFormatTraceback(IFailedFuture failure);

    // ---- time ----

    /**
     * Runs {@code fn} on the loop after {@code delaySeconds}; its exception goes to the loop's
     * exception handler.
     *
     * @throws IllegalArgumentException if the delay is negative, NaN or infinite, or fn is null
     */
    TxDelayedCall callLater(double delaySeconds, Runnable fn);

    /**
     * Returns a timer that batches its calls into buckets of {@code bucketSeconds} (quantised to
     * milliseconds) and runs each bucket in chunks of {@code chunkSize}; see {@link IBatchedTimer}.
     *
     * @throws IllegalArgumentException if bucketSeconds is not positive and finite, or chunkSize &lt; 1
     */
    IBatchedTimer makeBatchedTimer(double bucketSeconds, int chunkSize);

    /**
     * Returns a future resolved with null after {@code seconds} on this API's loop; cancelling it
     * cancels the timer.
     *
     * @throws IllegalArgumentException if seconds is negative, NaN or infinite
     */
    TxFuture<Void> sleep(double seconds);

    /** Returns the wall-clock time in nanoseconds since the Unix epoch (Python's {@code time.time_ns}). */
    long timeNs();

    /** Returns a monotonic time in nanoseconds for measuring intervals (Python's {@code time.perf_counter_ns}). */
    long perfCounterNs();

    // ---- logging (process-wide state, shared by every TxApi) ----

    /** Returns a logger whose namespace is the name of the calling class. */
    ILogger makeLogger();

    /**
     * Returns a logger with the given namespace.
     *
     * @throws IllegalArgumentException if namespace is null or empty
     */
    ILogger makeLogger(String namespace);

    /**
     * Starts writing log records of {@code level} and more severe to {@code out}, one line each:
     * {@code 2026-11-22T01:54:16+0000 message}. Only the first call takes effect; later ones still
     * validate the level. Until it is called, records go to {@code System.Logger}.
     *
     * @throws IllegalArgumentException if level is not one of
     *     {@code none, critical, error, warn, info, debug, trace}, or out is null
     */
    void startLogging(PrintStream out, String level);

    /** Same as {@link #startLogging(PrintStream, String) startLogging(System.out, level)}. */
    void startLogging(String level);

    /**
     * Changes the level every logger emits at, both ways.
     *
     * @throws IllegalArgumentException if level is not a txaio level
     */
    void setGlobalLogLevel(String level);

    /** Returns the level loggers emit at ({@code info} until changed). */
    String getGlobalLogLevel();

    /**
     * Adds log categories: a record with key {@code log_category} naming one is formatted with the
     * category's format instead of its own. Later additions win.
     *
     * @throws IllegalArgumentException if categories is null or holds a null key or format
     */
    void addLogCategories(Map<String, String> categories);
}
