package io.aio4j.queue;

/** asyncio's {@code QueueEmpty}: {@link Queue#getNowait()} found the queue empty. */
public class QueueEmptyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The exception, without a message (as asyncio raises it). */
    public QueueEmptyException() {
        super();
    }
}
