package io.aio4j.txaio;

/**
 * The failure an errback receives: the exception a future failed with, as txaio's
 * {@code IFailedFuture} (Twisted's {@code Failure}).
 *
 * <p>Format it with {@link TxApi#failureMessage(IFailedFuture)} and
 * {@link TxApi#failureFormatTraceback(IFailedFuture)}.
 */
public interface IFailedFuture {

    /** Returns the exception the future failed with (a {@code CancellationException} if it was cancelled). */
    Throwable value();
}
