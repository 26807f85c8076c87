package io.aio4j;

import java.util.concurrent.CancellationException;

/**
 * asyncio's {@code CancelledError}: thrown by {@link Aio#await}, {@link Future#result()} and
 * {@link Future#exception()} when the future or task was cancelled. Its message is the one
 * given to {@link Future#cancel(String)}, or {@code null}.
 *
 * <p>A task that catches it and carries on is allowed (asyncio's rule), but should
 * normally rethrow it so that cancellation composes with timeouts and task groups.
 */
public class CancelledException extends CancellationException {
    private static final long serialVersionUID = 1L;

    /** A cancellation without a message. */
    public CancelledException() {
        super();
    }

    /** A cancellation carrying {@code message}, which may be {@code null}. */
    public CancelledException(String message) {
        super(message);
    }
}
