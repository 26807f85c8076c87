package io.aio4j.queue;

/** asyncio's {@code QueueShutDown}: the queue was {@linkplain Queue#shutdown() shut down}; puts fail at once, gets once the queue is empty. */
public class QueueShutDownException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The exception, without a message (as asyncio raises it). */
    public QueueShutDownException() {
        super();
    }
}
