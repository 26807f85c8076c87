package io.aio4j;

/**
 * asyncio's {@code TimeoutError}: thrown by {@link Aio#timeout}, {@link Aio#timeoutAt} and
 * {@link Aio#waitFor} when the time ran out. Its cause is the {@link CancelledException} with
 * which the timeout interrupted the body. Unchecked, unlike
 * {@link java.util.concurrent.TimeoutException}, which it does not extend.
 */
public class TimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A timeout without a message. */
    public TimeoutException() {
        super();
    }

    /** A timeout with {@code message}, which may be {@code null}. */
    public TimeoutException(String message) {
        super(message);
    }
}
