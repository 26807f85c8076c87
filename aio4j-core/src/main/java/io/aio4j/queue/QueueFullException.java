package io.aio4j.queue;

/** asyncio's {@code QueueFull}: {@link Queue#putNowait} found the queue full. */
public class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The exception, without a message (as asyncio raises it). */
    public QueueFullException() {
        super();
    }
}
