package io.aio4j.stream;

/**
 * asyncio's {@code LimitOverrunError}: a separator was not found within the stream reader's
 * limit. The data stays in the reader's buffer; {@link #consumed()} says how many bytes to skip.
 */
public class LimitOverrunException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int consumed;

    /** An overrun with {@code consumed} bytes to be consumed. */
    public LimitOverrunException(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /** How many bytes of the buffer the failed read looked at. */
    public int consumed() {
        return consumed;
    }
}
