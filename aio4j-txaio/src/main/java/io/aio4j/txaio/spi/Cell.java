package io.aio4j.txaio.spi;

/**
 * One backend-native future seen through the few operations txaio needs.
 *
 * <p>The {@code try*} methods return false, changing nothing, when the future is already done.
 *
 * @param <T> the type of the result
 */
public interface Cell<T> {

    /** Returns the native future itself. */
    Object nativeFuture();

    /** Returns true once the future has a result, an exception or was cancelled. */
    boolean isDone();

    /** Returns true if the future was cancelled. */
    boolean isCancelled();

    /** Completes the future with {@code value}. */
    boolean trySuccess(T value);

    /** Completes the future with {@code error}. */
    boolean tryFailure(Throwable error);

    /** Cancels the future; {@code message} may be null. */
    boolean tryCancel(String message);

    /** Runs {@code action} on the loop, on a later turn than the one completing the future. */
    void whenDone(Runnable action);

    /** Returns the result of a future that completed normally. */
    T value();

    /** Returns the exception of a done future (a {@code CancellationException} if cancelled), or null. */
    Throwable error();
}
